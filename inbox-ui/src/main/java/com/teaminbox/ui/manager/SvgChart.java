package com.teaminbox.ui.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bar and line charts as inline SVG text, drawn on the server: no chart library and nothing
 * for the browser to build. The y axis runs from 0 to the largest value, so the tallest bar
 * fills the plot; a value with nothing to measure (null) is left out. Every chart carries a
 * {@code <title>} and an {@code aria-label} for screen readers, and each bar or point its own
 * {@code <title>} with the exact figure. Every text is XML-escaped.
 */
public final class SvgChart {

    /** One bar or point: its label on the x axis and its value (null: nothing measured). */
    public record Point(String label, Double value) {
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 40;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    /** More x labels than this would overlap; the others are left out (each bar still has its title). */
    private static final int MAX_X_LABELS = 12;
    private static final int MAX_LABEL_CHARS = 14;

    private SvgChart() {
    }

    public static String bars(String title, String unit, List<Point> points) {
        double max = max(points);
        StringBuilder svg = open(title, unit, points.size(), max);
        double slot = (double) PLOT_WIDTH / Math.max(1, points.size());
        double barWidth = Math.max(1, slot * 0.7);
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            if (point.value() == null) {
                continue;
            }
            double height = point.value() / max * PLOT_HEIGHT;
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            svg.append("<rect class=\"bar\" x=\"").append(num(x)).append("\" y=\"").append(num(TOP + PLOT_HEIGHT - height))
                    .append("\" width=\"").append(num(barWidth)).append("\" height=\"").append(num(height))
                    .append("\" fill=\"#1676f3\"><title>").append(escape(point.label() + ": " + value(point.value(), unit)))
                    .append("</title></rect>");
        }
        xLabels(svg, points, slot);
        return svg.append("</svg>").toString();
    }

    public static String line(String title, String unit, List<Point> points) {
        double max = max(points);
        StringBuilder svg = open(title, unit, points.size(), max);
        double slot = (double) PLOT_WIDTH / Math.max(1, points.size());
        List<String> segment = new ArrayList<>();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            if (point.value() == null) {
                polyline(svg, segment);
                continue;
            }
            double x = LEFT + i * slot + slot / 2;
            double y = TOP + PLOT_HEIGHT - point.value() / max * PLOT_HEIGHT;
            segment.add(num(x) + "," + num(y));
            dots.append("<circle class=\"point\" cx=\"").append(num(x)).append("\" cy=\"").append(num(y))
                    .append("\" r=\"3.5\" fill=\"#1676f3\"><title>").append(escape(point.label() + ": " + value(point.value(), unit)))
                    .append("</title></circle>");
        }
        polyline(svg, segment);
        svg.append(dots);
        xLabels(svg, points, slot);
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, String unit, int count, double max) {
        String label = title + (unit == null || unit.isBlank() ? "" : " (" + unit + ")");
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" aria-label=\"").append(escape(label))
                .append("\" font-family=\"sans-serif\" font-size=\"11\"><title>").append(escape(label)).append("</title>");
        // axes, and the y axis labelled at 0, half and the maximum
        svg.append("<g class=\"axes\" stroke=\"#8a94a6\" stroke-width=\"1\">")
                .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\"/>")
                .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + PLOT_HEIGHT).append("\" x2=\"")
                .append(LEFT + PLOT_WIDTH).append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\"/></g>");
        for (double fraction : new double[] {0, 0.5, 1}) {
            double y = TOP + PLOT_HEIGHT - fraction * PLOT_HEIGHT;
            svg.append("<text class=\"y-label\" x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"#4a5568\">").append(escape(number(fraction * max))).append("</text>");
            if (fraction > 0) {
                svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(num(y)).append("\" x2=\"").append(LEFT + PLOT_WIDTH)
                        .append("\" y2=\"").append(num(y)).append("\" stroke=\"#e2e8f0\" stroke-dasharray=\"3 3\"/>");
            }
        }
        return svg;
    }

    private static void xLabels(StringBuilder svg, List<Point> points, double slot) {
        int every = Math.max(1, (int) Math.ceil(points.size() / (double) MAX_X_LABELS));
        for (int i = 0; i < points.size(); i += every) {
            String label = points.get(i).label();
            if (label.length() > MAX_LABEL_CHARS) {
                label = label.substring(0, MAX_LABEL_CHARS - 1) + "…";
            }
            svg.append("<text class=\"x-label\" x=\"").append(num(LEFT + i * slot + slot / 2)).append("\" y=\"")
                    .append(TOP + PLOT_HEIGHT + 16).append("\" text-anchor=\"middle\" fill=\"#4a5568\">").append(escape(label))
                    .append("</text>");
        }
    }

    private static void polyline(StringBuilder svg, List<String> segment) {
        if (segment.size() > 1) {
            svg.append("<polyline class=\"line\" fill=\"none\" stroke=\"#1676f3\" stroke-width=\"2\" points=\"")
                    .append(String.join(" ", segment)).append("\"/>");
        }
        segment.clear();
    }

    /** The largest value, or 1 when there is none above zero (an empty chart still has an axis). */
    static double max(List<Point> points) {
        double max = points.stream().filter(p -> p.value() != null).mapToDouble(Point::value).max().orElse(0);
        return max > 0 ? max : 1;
    }

    /** True when there is something to draw: at least one value above zero. */
    public static boolean hasData(List<Point> points) {
        return points.stream().anyMatch(p -> p.value() != null && p.value() > 0);
    }

    private static String value(double value, String unit) {
        return number(value) + (unit == null || unit.isBlank() ? "" : " " + unit);
    }

    static String number(double value) {
        if (Math.abs(value - Math.rint(value)) < 0.05) {
            return Long.toString(Math.round(value));
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
