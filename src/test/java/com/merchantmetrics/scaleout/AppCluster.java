package com.merchantmetrics.scaleout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Several replicas of the application against one database, started at the same moment (as a Deployment's pods
 * are) and stopped together. Each replica can get configuration of its own, e.g. the SMTP server a test listens on.
 */
public final class AppCluster implements AutoCloseable {

    private static final Duration START_UP = Duration.ofMinutes(4);

    private final List<AppInstance> instances;

    private AppCluster(List<AppInstance> instances) {
        this.instances = instances;
    }

    public static AppCluster start(String name, int size, String jdbcUrl) {
        return start(name, size, jdbcUrl, index -> Map.of());
    }

    /** Launches all replicas at once, then waits until every one is ready. */
    public static AppCluster start(String name, int size, String jdbcUrl, IntFunction<Map<String, String>> extraConfig) {
        AppCluster cluster = new AppCluster(IntStream.range(0, size)
                .mapToObj(index -> AppInstance.launch(name + "-" + (char) ('a' + index), jdbcUrl, extraConfig.apply(index)))
                .toList());
        try {
            cluster.instances.forEach(instance -> instance.awaitReady(START_UP));
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public AppInstance get(int index) {
        return instances.get(index);
    }

    public List<AppInstance> instances() {
        return instances;
    }

    @Override
    public void close() {
        instances.forEach(instance -> System.out.println(instance.resourceUsage()));
        instances.parallelStream().forEach(AppInstance::close);
    }
}
