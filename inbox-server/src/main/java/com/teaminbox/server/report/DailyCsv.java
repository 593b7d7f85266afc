package com.teaminbox.server.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The daily report as RFC 4180 CSV: a header row, one row per day, CRLF line ends. Seconds
 * are written with at most one decimal ("90", "90.5"); a figure with nothing to measure is an
 * empty cell.
 */
public final class DailyCsv {

    public static final String HEADER = "day,opened,resolved,first_response_median_seconds,first_response_p90_seconds,"
            + "resolution_median_seconds,sla_breaches";

    private DailyCsv() {
    }

    public static String of(DailyReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (DailyReport.Day day : report.days()) {
            csv.append(day.day()).append(',')
                    .append(day.opened()).append(',')
                    .append(day.resolved()).append(',')
                    .append(seconds(day.firstResponseMedianSeconds())).append(',')
                    .append(seconds(day.firstResponseP90Seconds())).append(',')
                    .append(seconds(day.resolutionMedianSeconds())).append(',')
                    .append(day.slaBreaches()).append("\r\n");
        }
        return csv.toString();
    }

    static String seconds(Double value) {
        if (value == null) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
