package com.merchantmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** docs/metrics.md documents every metric of the catalogue with the catalogue's own formula and explanation. */
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
}
