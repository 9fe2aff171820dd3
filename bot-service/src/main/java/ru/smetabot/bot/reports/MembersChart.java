package ru.smetabot.bot.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link MemberSeries} as a PNG of the views chart's size: per day a green bar of joins and a
 * red bar of leaves, and the member count as a line over them. Dates are already the owner's days. Pure.
 */
final class MembersChart {

    static final Color JOINS = new Color(0x3C, 0xA5, 0x5C);
    static final Color LEAVES = new Color(0xD9, 0x53, 0x4F);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");

    private MembersChart() {
    }

    /** What the picture says, already in the owner's language. */
    record Labels(String title, String xAxis, String members, String joins, String leaves) {
    }

    static byte[] render(MemberSeries series, Labels labels, Locale locale) {
        CategoryChart chart = new CategoryChartBuilder().width(ViewsChart.WIDTH).height(ViewsChart.HEIGHT)
                .title(labels.title()).xAxisTitle(labels.xAxis()).build();
        style(chart.getStyler(), series, locale);
        List<String> days = series.days().stream().map(d -> DAY.format(d.day())).toList();
        CategorySeries joins = chart.addSeries(labels.joins(), days,
                series.days().stream().map(MemberSeries.Day::joins).toList());
        joins.setFillColor(JOINS);
        CategorySeries leaves = chart.addSeries(labels.leaves(), days,
                series.days().stream().map(MemberSeries.Day::leaves).toList());
        leaves.setFillColor(LEAVES);
        CategorySeries members = chart.addSeries(labels.members(), days,
                series.days().stream().map(MemberSeries.Day::members).toList());
        members.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        members.setLineColor(ViewsChart.LINE);
        members.setLineStyle(new BasicStroke(4f));
        members.setMarker(SeriesMarkers.NONE);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
    }

    private static void style(CategoryStyler styler, MemberSeries series, Locale locale) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleBoxVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        styler.setChartPadding(20);
        styler.setLocale(locale);
        styler.setOverlapped(false);
        styler.setXAxisMaxLabelCount(12); // 60 days of labels would overlap; every fifth or so is enough
        styler.setYAxisMin(0.0);
        styler.setYAxisDecimalPattern("#,##0");
        long top = series.days().stream().mapToLong(d -> Math.max(d.members(), Math.max(d.joins(), d.leaves()))).max().orElse(0);
        if (top < 5) {
            styler.setYAxisMax(5.0); // a few members must not fill the height with fractional ticks
        }
        styler.setAntiAlias(true);
    }
}
