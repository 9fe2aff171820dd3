package ru.smetabot.bot.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link ViewSeries} as a PNG sized for a phone: 1000×600 (Telegram shows it full width),
 * large fonts, a step line (a count holds until it changes), dates in the owner's zone. Pure.
 */
final class ViewsChart {

    static final int WIDTH = 1000;
    static final int HEIGHT = 600;
    static final Color LINE = new Color(0x2A, 0x7F, 0xC9);

    private ViewsChart() {
    }

    /** What the picture says, already in the owner's language. */
    record Labels(String title, String xAxis, String yAxis) {
    }

    static byte[] render(ViewSeries series, Labels labels, ZoneId zone, Locale locale) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(labels.title())
                .xAxisTitle(labels.xAxis()).yAxisTitle(labels.yAxis()).build();
        style(chart.getStyler(), series, zone, locale);
        List<Date> at = series.points().stream().map(p -> Date.from(p.at())).toList();
        List<Long> views = series.points().stream().map(ViewSeries.Point::views).toList();
        XYSeries line = chart.addSeries(labels.yAxis(), at, views);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        line.setLineColor(LINE);
        line.setFillColor(new Color(LINE.getRed(), LINE.getGreen(), LINE.getBlue(), 0x40));
        line.setLineStyle(new BasicStroke(4f));
        line.setMarker(SeriesMarkers.NONE);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
    }

    private static void style(XYStyler styler, ViewSeries series, ZoneId zone, Locale locale) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleBoxVisible(false);
        styler.setLegendVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
        styler.setChartPadding(20);
        styler.setLocale(locale);
        styler.setTimezone(TimeZone.getTimeZone(zone));
        styler.setDatePattern(series.unit().datePattern());
        styler.setYAxisMin(0.0);
        styler.setYAxisDecimalPattern("#,##0");
        if (series.last().views() < 5) {
            styler.setYAxisMax(5.0); // a few views must not fill the height with fractional ticks
        }
        styler.setAntiAlias(true);
    }
}
