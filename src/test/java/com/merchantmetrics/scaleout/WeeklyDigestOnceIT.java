package com.merchantmetrics.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.merchantmetrics.digest.DigestPreference;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestUsers;

/**
 * Two replicas with the weekly-summary job on a cron of a few seconds (clustered Quartz on one PostgreSQL), sending
 * to one GreenMail server in this JVM: every recipient gets exactly one mail per summary, however often and on
 * whichever replica the job fires.
 */
class WeeklyDigestOnceIT {

    private static final int TENANTS = 8;
    private static final String CRON = "*/2 * * * * ?";
    /** Zones from UTC-11 to UTC+14: one of them is always a day or more away from the default Monday 08:00. */
    private static final List<String> ZONES = List.of("Pacific/Pago_Pago", "America/Los_Angeles", "America/New_York", "UTC",
            "Europe/Berlin", "Asia/Ho_Chi_Minh", "Asia/Tokyo", "Pacific/Kiritimati");

    @Test
    void everyRecipientGetsEachWeeklySummaryExactlyOnce() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        String database = TestPostgres.newDatabase("weekly_digest_once");
        Map<String, String> mailer = Map.of(
                "merchant-metrics.digest.cron", CRON,
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                // Small batches, so that the runs of both replicas take their share of one week's summaries.
                "merchant-metrics.digest.claim-batch", "2",
                // Every run of the job is logged, so the test sees that both replicas ran it.
                "quarkus.log.category.\"com.merchantmetrics.digest\".level", "DEBUG");
        try (AppCluster cluster = AppCluster.start("digest", 2, database, index -> mailer)) {
            ZoneId zone = zoneWithoutDefaultSummaryDue();
            List<String> owners = new ArrayList<>();
            for (int i = 1; i <= TENANTS; i++) {
                AppInstance via = cluster.get(i % 2);
                String slug = "weekly-" + i;
                Forms.submit("admin", via.url("/admin/tenants"), via.url("/admin/tenants"), Map.of(
                        "name", "Shop " + slug, "slug", slug, "reportingCurrency", "USD", "timeZone", zone.getId()))
                        .then().statusCode(303);
                for (String person : List.of("first-owner-" + slug + "@it.test", "second-owner-" + slug + "@it.test")) {
                    grant(via, slug, person, TenantRole.owner);
                    owners.add(person);
                }
                grant(via, slug, TestUsers.email("marco"), TenantRole.account_manager);
            }
            // Everyone's summary is due from the start of this hour in the tenants' zone (the replicas fire every 2 s).
            ZonedDateTime local = ZonedDateTime.now(zone);
            execute(database, "INSERT INTO control.digest_preference (tenant_id, user_id, enabled, day_of_week, hour) "
                    + "SELECT tenant_id, user_id, true, " + local.getDayOfWeek().getValue() + ", " + local.getHour()
                    + " FROM (SELECT tenant_id, user_id FROM control.membership "
                    + "UNION SELECT tenant_id, user_id FROM control.account_manager_assignment) people");

            List<String> recipients = new ArrayList<>(owners);
            recipients.add(TestUsers.email("marco"));
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> smtp.getReceivedMessages().length >= recipients.size());
            // Clustered Quartz favours the replica that fired last, so the other one may stay idle for minutes: stop
            // the replicas that have run the job; the others then take it over, and nothing may go out again.
            List<AppInstance> ran = cluster.instances().stream().filter(WeeklyDigestOnceIT::ranTheJob).toList();
            if (ran.size() < cluster.instances().size()) {
                ran.forEach(AppInstance::close);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> cluster.instances().stream().allMatch(WeeklyDigestOnceIT::ranTheJob));
            }
            Thread.sleep(Duration.ofSeconds(20).toMillis());

            Map<String, Long> mailsPerRecipient = Arrays.stream(smtp.getReceivedMessages())
                    .collect(Collectors.groupingBy(WeeklyDigestOnceIT::recipient, TreeMap::new, Collectors.counting()));
            assertThat(mailsPerRecipient).as("one mail per recipient and summary")
                    .isEqualTo(recipients.stream().collect(Collectors.toMap(Function.identity(), r -> 1L, (a, b) -> a, TreeMap::new)));
            assertThat(Arrays.stream(smtp.getReceivedMessages()).map(WeeklyDigestOnceIT::subject))
                    .filteredOn(subject -> !subject.startsWith("Your week at")).as("the account manager's portfolio summary")
                    .hasSize(1);
            assertThat(query(database, "SELECT status || ' ' || attempts || ' ' || count(*) FROM control.digest_send GROUP BY status, attempts"))
                    .as("the send log: every summary sent at the first attempt").containsExactly("sent 1 " + recipients.size());

            Map<String, Integer> sentBy = new TreeMap<>();
            cluster.instances().forEach(instance -> sentBy.put(instance.name(), sentIn(instance.log())));
            System.out.println("Weekly summaries sent per replica: " + sentBy);
            assertThat(sentBy.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(recipients.size());
            cluster.instances().forEach(instance -> assertThat(instance.errors()).as(instance.name() + " errors").isEmpty());
        } finally {
            smtp.stop();
        }
    }

    /** A zone where neither now nor the next half hour falls within a day after Monday 08:00 (the default schedule). */
    private static ZoneId zoneWithoutDefaultSummaryDue() {
        DigestPreference byDefault = DigestPreference.defaultFor(TenantRole.owner);
        Instant now = Instant.now();
        return ZONES.stream().map(ZoneId::of)
                .filter(zone -> Stream.of(now, now.plus(Duration.ofMinutes(30)))
                        .allMatch(at -> byDefault.dueWeek(at, zone, Duration.ofDays(1)).isEmpty()))
                .findFirst().orElseThrow();
    }

    private static void grant(AppInstance via, String slug, String email, TenantRole role) {
        Forms.submit("admin", via.url("/admin/tenants/" + slug), via.url("/admin/tenants/" + slug + "/people"),
                Map.of("email", email, "grant", role.name())).then().statusCode(303);
    }

    private static boolean ranTheJob(AppInstance instance) {
        return instance.log().contains("Weekly summaries: ");
    }

    /** The sum of "N sent" over the job's log lines ("Weekly summaries: 3 due, 2 sent, 0 failed"). */
    private static int sentIn(String log) {
        return log.lines().map(line -> line.replaceAll(".*Weekly summaries: \\d+ due, (\\d+) sent.*", "$1"))
                .filter(count -> count.matches("\\d+")).mapToInt(Integer::parseInt).sum();
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String database, String sql) throws Exception {
        try (Connection connection = TestPostgres.connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(String database, String sql) throws Exception {
        try (Connection connection = TestPostgres.connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
