package com.teaminbox.ui.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    private static final Pattern BAR_HEIGHT = Pattern.compile("<rect class=\"bar\"[^>]* height=\"([0-9.]+)\"");

    @Test
    void barsScaleToTheLargestValue() {
        String svg = SvgChart.bars("Conversations per day", "conversations", List.of(
                new SvgChart.Point("01-10", 4.0), new SvgChart.Point("01-11", 2.0), new SvgChart.Point("01-12", 0.0)));
        List<Double> heights = heights(svg);
        assertEquals(List.of((double) SvgChart.PLOT_HEIGHT, SvgChart.PLOT_HEIGHT / 2.0, 0.0), heights);
        assertTrue(svg.contains("<text class=\"y-label\"") && svg.contains(">4</text>"), "the axis is labelled up to the maximum");
        assertTrue(svg.contains(">01-11</text>"), "x labels");
        assertTrue(svg.contains("<title>01-10: 4 conversations</title>"), "each bar says its figure");
    }

    @Test
    void labelsAndTitlesAreEscaped() {
        String svg = SvgChart.bars("Replies <per> \"agent\" & day", null, List.of(new SvgChart.Point("<script>O'Neil", 3.0)));
        assertFalse(svg.contains("<script>"), svg);
        assertTrue(svg.contains("&lt;script&gt;O&#39;Neil"), svg);
        assertTrue(svg.contains("aria-label=\"Replies &lt;per&gt; &quot;agent&quot; &amp; day\""), svg);
        assertTrue(svg.contains("<title>Replies &lt;per&gt; &quot;agent&quot; &amp; day</title>"), svg);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.contains("role=\"img\""), svg);
    }

    @Test
    void lineLeavesGapsWhereNothingWasMeasuredAndEmptyChartsHaveNoData() {
        List<SvgChart.Point> points = List.of(new SvgChart.Point("a", 10.0), new SvgChart.Point("b", 20.0),
                new SvgChart.Point("c", null), new SvgChart.Point("d", 5.0), new SvgChart.Point("e", 15.0));
        String svg = SvgChart.line("First response", "seconds", points);
        assertEquals(2, svg.split("<polyline", -1).length - 1, "two segments around the gap");
        assertEquals(4, svg.split("<circle", -1).length - 1);
        assertTrue(svg.contains("<title>b: 20 seconds</title>"));
        assertTrue(SvgChart.hasData(points));
        assertFalse(SvgChart.hasData(List.of(new SvgChart.Point("a", 0.0), new SvgChart.Point("b", null))));
        assertEquals(1, heights(SvgChart.bars("none", null, List.of(new SvgChart.Point("a", 0.0)))).size(), "no division by zero");
    }

    @Test
    void manyDaysGetThinnedLabels() {
        List<SvgChart.Point> points = new ArrayList<>();
        for (int day = 1; day <= 92; day++) {
            points.add(new SvgChart.Point("d" + day, (double) day));
        }
        String svg = SvgChart.bars("Volume", null, points);
        assertEquals(92, heights(svg).size());
        assertTrue(svg.split("class=\"x-label\"", -1).length - 1 <= 12, "at most twelve x labels");
        assertEquals("90.5", SvgChart.number(90.5));
        assertEquals("3", SvgChart.number(3.0));
    }

    private static List<Double> heights(String svg) {
        List<Double> heights = new ArrayList<>();
        Matcher bar = BAR_HEIGHT.matcher(svg);
        while (bar.find()) {
            heights.add(Double.parseDouble(bar.group(1)));
        }
        return heights;
    }
}
