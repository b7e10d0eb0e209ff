package com.merchantmetrics.clusters;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Database clusters besides the main one, configured by the operator:
 * {@code merchant-metrics.clusters.<name>.jdbc-url / username / password / max-size}.
 */
@ConfigMapping(prefix = "merchant-metrics.clusters")
public interface ClusterSettings {

    @WithParentName
    Map<String, Cluster> clusters();

    interface Cluster {
        String jdbcUrl();

        String username();

        Optional<String> password();

        /** Connections of this replica's pool to the cluster. */
        @WithDefault("10")
        int maxSize();
    }
}
