package com.merchantmetrics.digest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import com.pngencoder.PngEncoder;

/** The MRR trend of a summary as a PNG, drawn on the server (mail clients run no JavaScript). */
final class TrendChart {

    static final String CONTENT_ID = "mrr-trend";
    static final int WIDTH = 560;
    static final int HEIGHT = 220;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TrendChart() {
    }

    /** Months in order; a month without MRR is left as a gap. */
    static byte[] png(Map<YearMonth, BigDecimal> mrrByMonth, Locale locale) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        mrrByMonth.forEach((month, mrr) -> dataset.addValue(mrr, "MRR", month.toString()));
        JFreeChart chart = ChartFactory.createLineChart(null, null, null, dataset, PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xDEE2E6));
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        plot.getDomainAxis().setTickLabelFont(font);
        plot.getRangeAxis().setTickLabelFont(font);
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(NumberFormat.getNumberInstance(locale));
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, new Color(0x0D6EFD));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setDefaultShapesVisible(true);
        // Opaque RGB at a fast compression level: the PNG is a few KB either way, and one is drawn per tenant and language.
        return new PngEncoder().withBufferedImage(chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null))
                .withCompressionLevel(1).withMultiThreadedCompressionEnabled(false).toBytes();
    }
}
