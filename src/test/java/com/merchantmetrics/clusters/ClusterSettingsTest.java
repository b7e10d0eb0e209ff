package com.merchantmetrics.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Clusters are configured by environment variables, as a Kubernetes Secret provides them (README, k8s/README.md). */
class ClusterSettingsTest {

    @Test
    void clustersComeFromEnvironmentVariables() {
        ClusterSettings settings = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of(
                        "MERCHANT_METRICS_CLUSTERS_EU2_JDBC_URL", "jdbc:postgresql://eu2-rw:5432/merchant_metrics",
                        "MERCHANT_METRICS_CLUSTERS_EU2_USERNAME", "merchant_metrics",
                        "MERCHANT_METRICS_CLUSTERS_EU2_PASSWORD", "from-a-secret",
                        "MERCHANT_METRICS_CLUSTERS_BIG1_JDBC_URL", "jdbc:postgresql://big1-rw:5432/merchant_metrics",
                        "MERCHANT_METRICS_CLUSTERS_BIG1_USERNAME", "mm"), 300) {
                })
                .withMapping(ClusterSettings.class)
                .build()
                .getConfigMapping(ClusterSettings.class);

        assertThat(settings.clusters()).containsOnlyKeys("eu2", "big1");
        ClusterSettings.Cluster eu2 = settings.clusters().get("eu2");
        assertThat(eu2.jdbcUrl()).isEqualTo("jdbc:postgresql://eu2-rw:5432/merchant_metrics");
        assertThat(eu2.username()).isEqualTo("merchant_metrics");
        assertThat(eu2.password()).contains("from-a-secret");
        assertThat(eu2.maxSize()).isEqualTo(10);
        assertThat(settings.clusters().get("big1").password()).isEmpty();
    }

    @Test
    void noClustersByDefault() {
        ClusterSettings settings = new SmallRyeConfigBuilder().withMapping(ClusterSettings.class).build()
                .getConfigMapping(ClusterSettings.class);
        assertThat(settings.clusters()).isEmpty();
    }
}
