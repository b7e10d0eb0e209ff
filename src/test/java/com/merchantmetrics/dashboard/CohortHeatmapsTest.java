package com.merchantmetrics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.metrics.CohortReport;
import com.merchantmetrics.web.Languages;

import io.quarkus.test.junit.QuarkusTest;

/** Heatmap shading and cell text (the server only lends the message bundle). */
@QuarkusTest
class CohortHeatmapsTest {

    @Test
    void shadesSplitTheScaleInFifthsAndCapAtTheFullValue() {
        assertThat(CohortHeatmaps.shade(null, BigDecimal.ONE)).isEqualTo(-1);
        assertThat(CohortHeatmaps.shade(BigDecimal.ZERO, BigDecimal.ONE)).isZero();
        assertThat(CohortHeatmaps.shade(new BigDecimal("0.01"), BigDecimal.ONE)).isEqualTo(1);
        assertThat(CohortHeatmaps.shade(new BigDecimal("0.2"), BigDecimal.ONE)).isEqualTo(1);
        assertThat(CohortHeatmaps.shade(new BigDecimal("0.21"), BigDecimal.ONE)).isEqualTo(2);
        assertThat(CohortHeatmaps.shade(new BigDecimal("1"), BigDecimal.ONE)).isEqualTo(5);
        assertThat(CohortHeatmaps.shade(new BigDecimal("1.2"), BigDecimal.ONE)).isEqualTo(5);
        assertThat(CohortHeatmaps.shade(new BigDecimal("-5"), BigDecimal.ONE)).isZero();
    }

    @Test
    void cellsShowShareAndCountAndExportPlainValues() {
        CohortReport.Cohort jan = new CohortReport.Cohort("2024-01", 3, List.of(
                new CohortReport.Cell(0, "2024-01", 2, new BigDecimal("0.666667"), 2, new BigDecimal("0.666667"),
                        new BigDecimal("150.00"), BigDecimal.ONE, new BigDecimal("160.00"), new BigDecimal("53.33")),
                new CohortReport.Cell(1, "2024-02", 1, new BigDecimal("0.333333"), 0, BigDecimal.ZERO,
                        new BigDecimal("180.00"), new BigDecimal("1.2"), new BigDecimal("180.00"), new BigDecimal("113.33"))));
        CohortReport.Cohort feb = new CohortReport.Cohort("2024-02", 2, List.of(new CohortReport.Cell(0, "2024-02", 1,
                new BigDecimal("0.5"), 1, new BigDecimal("0.5"), BigDecimal.ZERO.setScale(2), null, BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2))));
        List<CohortHeatmap> heatmaps = CohortHeatmaps.heatmaps(List.of(jan, feb), new Formats(Locale.ENGLISH, "USD", "pts", "MMM yyyy"),
                Languages.messages(Locale.ENGLISH));
        assertThat(heatmaps).extracting(CohortHeatmap::kind).containsExactly("subscription", "buyer", "revenue", "revenue-per-customer");

        CohortHeatmap subscription = heatmaps.get(0);
        assertThat(subscription.columns()).containsExactly("Cohort", "Customers", "Month 0", "Month 1");
        assertThat(subscription.rows().get(0)).extracting(CohortHeatmap.Cell::text).containsExactly("2024-01", "3", "66.7% (2)", "33.3% (1)");
        assertThat(subscription.rows().get(0)).extracting(CohortHeatmap.Cell::shadeClass).containsExactly("", "", "heat-4", "heat-2");
        assertThat(subscription.rows().get(1)).extracting(CohortHeatmap.Cell::text).containsExactly("2024-02", "2", "50.0% (1)", "");
        assertThat(subscription.table()).containsExactly(List.of("Cohort", "Customers", "Month 0", "Month 1"),
                List.of("2024-01", "3", "0.666667", "0.333333"), List.of("2024-02", "2", "0.5", ""));

        assertThat(heatmaps.get(2).rows().get(0)).extracting(CohortHeatmap.Cell::text)
                .containsExactly("2024-01", "3", "100.0% ($150.00)", "120.0% ($180.00)");
        assertThat(heatmaps.get(2).rows().get(1).get(2).text()).isEqualTo("–");
        // revenue per customer shades against the largest value: 113.33 is full, 53.33 is 3 of 5
        assertThat(heatmaps.get(3).rows().get(0)).extracting(CohortHeatmap.Cell::shadeClass).containsExactly("", "", "heat-3", "heat-5");
    }
}
