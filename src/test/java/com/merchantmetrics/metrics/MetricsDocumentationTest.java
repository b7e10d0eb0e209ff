package com.merchantmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md documents every metric of the catalogue with the catalogue's own formula and explanation, and its
 * filters and trailing-12-months rule.
 */
class MetricsDocumentationTest {

    @Test
    void everyMetricIsDocumentedWithTheCataloguesWords() throws IOException {
        String doc = Files.readString(Path.of("docs/metrics.md"), StandardCharsets.UTF_8);
        SoftAssertions softly = new SoftAssertions();
        for (MetricDefinition definition : MetricCatalogue.all()) {
            String heading = "### " + definition.name() + " (`" + definition.id() + "`)";
            softly.assertThat(doc).as(definition.id()).contains(heading, "**" + definition.formula() + "**", definition.explanation());
            int section = doc.indexOf(heading);
            int next = doc.indexOf("\n### ", section + 1);
            softly.assertThat(section >= 0 ? doc.substring(section, next < 0 ? doc.length() : next) : "")
                    .as(definition.id() + " has a worked example").contains("Example: ");
        }
        softly.assertAll();
        assertThat(doc.split("\n### ")).as("no metric documented that the catalogue does not have")
                .hasSize(MetricCatalogue.all().size() + 1);
    }

    /** The table of filters and trailing-12-months rules in docs/metrics.md says what the catalogue does, metric by metric. */
    @Test
    void filtersAndTrailingRulesAreDocumentedAsTheCatalogueSays() throws IOException {
        String doc = Files.readString(Path.of("docs/metrics.md"), StandardCharsets.UTF_8);
        SoftAssertions softly = new SoftAssertions();
        for (MetricDefinition definition : MetricCatalogue.all()) {
            MetricCatalogue.Trailing trailing = MetricCatalogue.trailing(definition.id());
            softly.assertThat(trailing).as(definition.id() + " has a trailing rule").isNotNull();
            if (trailing == null) {
                continue;
            }
            String rule = switch (trailing.kind()) {
                case sum -> "sum of the 12 months";
                case end -> "value at the end of the month";
                case ratio -> terms(trailing.numerator()) + " ÷ " + terms(trailing.denominator()) + ", each summed over the 12 months";
            };
            MetricCatalogue.Filtering filtering = MetricCatalogue.filtering(definition.id());
            String filters = filtering.dimensions().size() == MetricFilter.Dimension.values().length ? "all"
                    : filtering.dimensions().isEmpty() ? "none"
                    : filtering.dimensions().stream().sorted().map(Enum::name).collect(Collectors.joining(", "))
                            + (filtering.fromChannelBreakdown() ? " (alone: its per-channel breakdown)" : "");
            String otherwise = filtering.notBrokenDown().isEmpty() ? "–" : filtering.notBrokenDown() + " not broken down by …";
            softly.assertThat(doc).contains("| `" + definition.id() + "` | " + rule + " | " + filters + " | " + otherwise + " |");
        }
        softly.assertAll();
    }

    private static String terms(List<String> terms) {
        StringBuilder text = new StringBuilder();
        for (String term : terms) {
            boolean negative = term.startsWith("-");
            String name = "`" + (negative ? term.substring(1) : term) + "`";
            text.append(text.isEmpty() ? (negative ? "− " : "") : negative ? " − " : " + ").append(name);
        }
        return terms.size() > 1 ? "(" + text + ")" : text.toString();
    }
}
