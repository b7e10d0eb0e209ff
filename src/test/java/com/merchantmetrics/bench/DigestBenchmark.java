package com.merchantmetrics.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.digest.DigestSender;
import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.members.PeopleService;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.testsupport.GreenMailTestResource;
import com.merchantmetrics.testsupport.TestTenants;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * bench/digest-benchmark.sh: the weekly summaries of 1,000 generated tenants with 2 recipients each (owners, so on
 * by default), all due at the same hour: total time of the run that sends them and the peak heap while it runs.
 * Mails go over real SMTP to GreenMail in the same JVM. Asserts nothing about time.
 */
@QuarkusTest
class DigestBenchmark {

    static final int TENANTS = Integer.getInteger("bench.tenants", 1000);

    @Inject
    TestTenants tenants;

    @Inject
    PeopleService people;

    @Inject
    DigestSender sender;

    @Inject
    DataSource dataSource;

    /** Alice (analyst: summaries off by default) uploads; the two owners are the recipients. */
    private void twoOwnersAndData(Tenant tenant, int seed) {
        tenants.grant(tenant, "alice", TenantRole.analyst);
        for (int r = 1; r <= 2; r++) {
            people.grant(tenant, "owner" + r + "-" + tenant.slug + "@bench.test", TenantRole.owner.name(), AuditLog.Actor.SYSTEM);
        }
        Uploads.post(tenant, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period,cancel_reason
                s1,c1,2024-01-01,,%d,USD,month,
                s2,c2,2024-02-01,2024-05-10,50,USD,month,price
                s3,c3,2024-03-01,,30,USD,year,
                """.formatted(100 + seed % 50)).then().statusCode(200);
    }

    /** Runs the task for 0 … count-1 on a few threads (the machine has two cores); prints how long it took. */
    private static <T> List<T> inParallel(String what, int count, IntFunction<T> task) throws Exception {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                running.add(pool.submit(() -> task.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get());
            }
            System.out.printf("setup: %s for %d tenants in %.1f s%n", what, count, (System.nanoTime() - started) / 1e9);
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * CPU seconds used so far by this JVM (the senders and GreenMail) and by the PostgreSQL server's processes: under
     * a shared machine's load the wall time says little, the CPU time says what the run costs.
     */
    private double[] cpuSeconds() throws Exception {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        long backend = QuarkusTransaction.requiringNew().call(() -> {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                    var row = statement.executeQuery("SELECT pg_backend_pid()")) {
                row.next();
                return row.getLong(1);
            }
        });
        String postmaster = stat(Path.of("/proc", String.valueOf(backend), "stat"))[3];
        double postgres = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] fields = stat(process.resolve("stat"));
                if (fields.length > 14 && (fields[3].equals(postmaster) || fields[0].equals(postmaster))) {
                    postgres += (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0; // clock ticks
                }
            }
        }
        return new double[] {jvm, postgres};
    }

    /** The fields of /proc/<pid>/stat after the command name (field 3 on: state, ppid, …), shifted to their usual index. */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            String afterName = line.substring(line.lastIndexOf(')') + 2);
            return (line.substring(0, line.indexOf(' ')) + " name " + afterName).split(" ");
        } catch (IOException e) {
            return new String[0];
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    @Test
    void digestsOfManyTenants() throws Exception {
        long setup = System.nanoTime();
        System.out.printf("setup: load average %s%n", loadAverage());
        Tenant first = tenants.create("bench-digest");
        twoOwnersAndData(first, 0); // adds alice, whom the others share
        List<Tenant> created = inParallel("schemas (role, schema, tenant migrations)", TENANTS - 1, i -> tenants.create("bench-digest"));
        inParallel("members and data (3 grants, one upload with its rollup refresh)", TENANTS - 1, i -> {
            twoOwnersAndData(created.get(i), i + 1);
            return null;
        });
        System.out.printf("setup: %d tenants in %.1f s%n", TENANTS, (System.nanoTime() - setup) / 1e9);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        int mailsBefore = GreenMailTestResource.mailbox().getReceivedMessages().length;
        String loadBefore = loadAverage();
        double[] cpuBefore = cpuSeconds();
        long started = System.nanoTime();
        DigestSender.Run run = sender.runDue(Instant.parse("2024-06-03T08:00:00Z"));
        double seconds = (System.nanoTime() - started) / 1e9;
        double[] cpuAfter = cpuSeconds();
        sampler.interrupt();
        sampler.join();
        int mails = GreenMailTestResource.mailbox().getReceivedMessages().length - mailsBefore;
        System.out.printf("digests: %d tenants, %d due, %d sent, %d failed, %d mails received in %.1f s (%.0f mails/s)%n", TENANTS,
                run.recorded(), run.sent(), run.failed(), mails, seconds, run.sent() / seconds);
        System.out.printf("digests: heap before %d MiB, peak %d MiB during the run (GreenMail's stored mails included)%n",
                before >> 20, peak.get() >> 20);
        System.out.printf("digests: CPU time of the run: this JVM (senders and GreenMail) %.1f s, PostgreSQL %.1f s%n",
                cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1]);
        System.out.printf("digests: load average before the run %s, after %s (%d cores)%n", loadBefore, loadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
