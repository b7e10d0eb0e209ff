package com.merchantmetrics.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** The points of a small SVG trend line (viewBox 0 0 100 24), drawn on the server so it needs no script. */
final class Sparkline {

    static final int WIDTH = 100;
    static final int HEIGHT = 24;

    private Sparkline() {
    }

    /** Missing months are skipped; fewer than two values give no line (empty string). */
    static String points(List<BigDecimal> values) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        int present = 0;
        for (BigDecimal value : values) {
            if (value != null) {
                min = Math.min(min, value.doubleValue());
                max = Math.max(max, value.doubleValue());
                present++;
            }
        }
        if (present < 2) {
            return "";
        }
        double span = max - min == 0 ? 1 : max - min;
        double step = values.size() == 1 ? 0 : (double) WIDTH / (values.size() - 1);
        StringJoiner points = new StringJoiner(" ");
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                double y = HEIGHT - 2 - (values.get(i).doubleValue() - min) / span * (HEIGHT - 4);
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", i * step, y));
            }
        }
        return points.toString();
    }
}
