package com.merchantmetrics.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.core.MailAttempts;
import com.merchantmetrics.dashboard.Formats;
import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.members.PeopleService;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.tenant.TenantService;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.GreenMailTestResource;
import com.merchantmetrics.testsupport.TestTenants;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Weekly summaries through real SMTP (GreenMail): who gets what when, in their time zones, the content against the
 * metrics API, unsubscribe without signing in, two senders racing over a simulated week, and SMTP outages.
 */
@QuarkusTest
class DigestTest {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("<(http[^>]+/unsubscribe/[^>]+)>");

    @Inject
    TenantService tenantService;

    @Inject
    PeopleService people;

    @Inject
    TestTenants tenants;

    @Inject
    DigestSender sender;

    @Inject
    DigestPreferences preferences;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    DigestSendLog sendLog;

    @Inject
    DigestMails mails;

    @Inject
    MerchantDigests merchantDigests;

    @Inject
    com.merchantmetrics.tenant.TenantAccessService accessService;

    @Inject
    ReactiveMailer mailer;

    @Inject
    MailAttempts mailAttempts;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    private static int sequence;

    private String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() % 10000 + "-" + (++sequence);
    }

    private Tenant tenant(String zone) {
        String slug = unique("digest");
        return tenantService.create(new TenantService.NewTenant("Shop " + slug, slug, "USD", zone));
    }

    private String person(Tenant tenant, String name, TenantRole role) {
        String email = unique(name) + "@digest.test";
        people.grant(tenant, email, role.name(), AuditLog.Actor.SYSTEM);
        return email;
    }

    /**
     * Two sender instances with worker pools of their own (as two replicas would have), sharing only the database,
     * run every half hour of the week from {@code monday} at the same time.
     */
    private Map<String, List<Instant>> simulateWeek(Instant monday, List<String> recipients) {
        DigestSender otherReplica = new DigestSender(preferences, sendLog, mails, merchantDigests, accessService, mailer, mailAttempts, registry,
                Duration.ofDays(1), Duration.ofMinutes(2), 10, 4, 10, Duration.ofMinutes(15));
        Map<String, List<Instant>> received = new TreeMap<>();
        recipients.forEach(recipient -> received.put(recipient, new ArrayList<>()));
        try {
            for (Instant now = monday; now.isBefore(monday.plus(Duration.ofDays(7))); now = now.plus(Duration.ofMinutes(30))) {
                Instant tick = now;
                CompletableFuture<DigestSender.Run> first = CompletableFuture.supplyAsync(() -> sender.runDue(tick));
                CompletableFuture<DigestSender.Run> second = CompletableFuture.supplyAsync(() -> otherReplica.runDue(tick));
                CompletableFuture.allOf(first, second).join();
                record(received, tick);
            }
        } finally {
            otherReplica.stop();
        }
        return received;
    }

    /** Each mail that arrived since the last tick is noted with this tick. */
    private static void record(Map<String, List<Instant>> received, Instant tick) {
        for (String recipient : received.keySet()) {
            int total = mailsTo(recipient).size();
            while (received.get(recipient).size() < total) {
                received.get(recipient).add(tick);
            }
        }
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(GreenMailTestResource.mailbox().getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void uploadSubscriptions(Tenant tenant) {
        Uploads.post(tenant, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period,cancel_reason
                s1,c1,2024-01-01,,100,USD,month,
                s2,c2,2024-01-01,2024-05-10,50,USD,month,price
                s3,c3,2024-02-15,2024-05-20,30,USD,month,price
                s4,c4,2024-03-01,2024-05-03,20,USD,month,service
                s5,c5,2024-04-10,,80,USD,month,
                s6,c6,2024-06-01,,40,USD,month,
                """).then().statusCode(200);
    }

    @Test
    void everyDigestGoesOutOnceToTheRightPeopleAtTheirHourInTheirTimeZone() throws Exception {
        Tenant hanoi = tenant("Asia/Ho_Chi_Minh");
        Tenant newYork = tenant("America/New_York");
        String hanoiOwner = person(hanoi, "owner", TenantRole.owner);
        String hanoiAnalyst = person(hanoi, "analyst", TenantRole.analyst);
        String hanoiViewer = person(hanoi, "viewer", TenantRole.viewer);
        String newYorkOwner = person(newYork, "owner", TenantRole.owner);
        String manager = person(hanoi, "manager", TenantRole.account_manager);
        people.grant(newYork, manager, TenantRole.account_manager.name(), AuditLog.Actor.SYSTEM);
        tenants.grant(hanoi, "alice", TenantRole.analyst);
        uploadSubscriptions(hanoi);
        QuarkusTransaction.requiringNew().run(() -> {
            long viewerId = com.merchantmetrics.security.AppUser.findByEmail(hanoiViewer).orElseThrow().id;
            preferences.save(hanoi.id, viewerId, new DigestPreference(true, java.time.DayOfWeek.WEDNESDAY, 18));
            com.merchantmetrics.security.AppUser.update("language = 'vi' where email = ?1", newYorkOwner);
        });

        Instant monday = Instant.parse("2024-06-03T00:00:00Z");
        List<String> recipients = List.of(hanoiOwner, hanoiAnalyst, hanoiViewer, newYorkOwner, manager);
        Map<String, List<Instant>> received = simulateWeek(monday, recipients);

        assertThat(retried(recipients)).as("every summary went out at its first attempt (a retry comes a tick later)").isEmpty();
        // Monday 08:00 in Hanoi (UTC+7) is 01:00 UTC; Wednesday 18:00 there is 11:00 UTC; Monday 08:00 in New York (EDT) is 12:00 UTC
        assertThat(received.get(hanoiOwner)).containsExactly(Instant.parse("2024-06-03T01:00:00Z"));
        assertThat(received.get(hanoiAnalyst)).as("analysts are off by default").isEmpty();
        assertThat(received.get(hanoiViewer)).containsExactly(Instant.parse("2024-06-05T11:00:00Z"));
        assertThat(received.get(newYorkOwner)).containsExactly(Instant.parse("2024-06-03T12:00:00Z"));
        assertThat(received.get(manager)).as("one portfolio mail for both clients").containsExactly(Instant.parse("2024-06-03T01:00:00Z"));

        MimeMessage owners = mailsTo(hanoiOwner).get(0);
        assertThat(owners.getSubject()).isEqualTo("Your week at " + hanoi.name);
        String text = GreenMailTestResource.part(owners, "text/plain");
        String html = GreenMailTestResource.part(owners, "text/html");
        assertThat(text).as("text part").isNotBlank();
        // From Monday 3 June in Hanoi for 30 days: s5 renews on 10 June (80.00), s1 and s6 on 1 July (100.00 + 40.00)
        assertThat(text).contains("Renewals due in the 30 days from today: 3, with $220.00 of MRR at risk.");
        assertThat(html).contains("Renewals due in the 30 days from today: 3, with $220.00 of MRR at risk.");
        JsonPath api = given().auth().oauth2(Forms.token("alice"))
                .get("/api/v1/tenants/" + hanoi.slug + "/metrics?from=2024-04&to=2024-06").then().statusCode(200).extract().jsonPath();
        Formats formats = Formats.of(Locale.forLanguageTag("en-US"), "USD");
        for (String month : List.of("2024-06", "2024-05")) {
            int index = month.equals("2024-06") ? 2 : 1;
            BigDecimal mrr = new BigDecimal(api.getString("months[" + index + "].metrics.mrr.value"));
            BigDecimal before = new BigDecimal(api.getString("months[" + (index - 1) + "].metrics.mrr.value"));
            BigDecimal netNew = new BigDecimal(api.getString("months[" + index + "].metrics.net_new_mrr.value"));
            assertThat(text).contains("MRR: " + formats.money(mrr) + " (Before: " + formats.money(before))
                    .contains("Net new MRR: " + formats.money(netNew));
        }
        // May: c2 (50, price), c3 (30, price) and c4 (20, service) churned; MRR 280 at the end of April, 180 at the end of May
        assertThat(text).contains("Churned customers: 3").contains("price: 2 customers, $80.00 MRR")
                .contains("3 customers churned (price, service)").contains("MRR fell 35.7% to $180.00");
        assertThat(html).contains("src=\"cid:mrr-trend@merchantmetrics\"");
        BodyPart chart = inlinePart(owners, "<mrr-trend@merchantmetrics>");
        assertThat(chart.getContentType()).startsWith("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(chart.getInputStream().readAllBytes())).getWidth()).isEqualTo(560);
        assertThat(owners.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(owners.getHeader("List-Unsubscribe")[0]).matches("<http.*/unsubscribe/.+>");

        assertThat(mailsTo(newYorkOwner).get(0).getSubject()).as("Vietnamese").isEqualTo("Tuần của bạn tại " + newYork.name);
        String portfolio = GreenMailTestResource.part(mailsTo(manager).get(0), "text/plain");
        assertThat(portfolio).contains(hanoi.name).contains(newYork.name);
    }

    @Test
    void theUnsubscribeLinkWorksWithoutSigningInAndStopsTheNextSend() throws Exception {
        Tenant shop = tenant("UTC");
        String owner = person(shop, "leaver", TenantRole.owner);
        String stayer = person(shop, "stayer", TenantRole.owner);
        Instant monday = Instant.parse("2024-07-01T08:00:00Z");
        sender.runDue(monday);
        assertThat(mailsTo(owner)).hasSize(1);
        Matcher link = UNSUBSCRIBE.matcher(mailsTo(owner).get(0).getHeader("List-Unsubscribe")[0]);
        assertThat(link.find()).isTrue();
        String path = link.group(1).replaceFirst("^https?://[^/]+", "");

        given().redirects().follow(false).get(path).then().statusCode(200).body(org.hamcrest.Matchers.containsString("Stop getting"));
        given().redirects().follow(false).get(path + "x").then().statusCode(404);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .post(path).then().statusCode(200).body(org.hamcrest.Matchers.containsString("no longer get"));

        sender.runDue(monday.plus(Duration.ofDays(7)));
        assertThat(mailsTo(owner)).as("unsubscribed").hasSize(1);
        assertThat(mailsTo(stayer)).hasSize(2);
    }

    /**
     * An owner whose summary is due on a Friday at noon UTC: no default schedule falls near it (Monday 08:00 in any
     * zone, plus a day of catch-up), so the runs of these tests do not write every other tenant's summary too.
     */
    private String fridayOwner(Tenant tenant, String name, int hour) {
        String email = person(tenant, name, TenantRole.owner);
        QuarkusTransaction.requiringNew().run(() -> preferences.save(tenant.id,
                com.merchantmetrics.security.AppUser.findByEmail(email).orElseThrow().id,
                new DigestPreference(true, java.time.DayOfWeek.FRIDAY, hour)));
        return email;
    }

    /**
     * The send-log rows of these recipients that took more than one attempt, as "recipient: attempts, last error"
     * (the cause of a failure that a retry made good is in the sender's warning in the test log).
     */
    private List<String> retried(List<String> emails) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                    SELECT u.email || ': ' || s.attempts || ' attempts, ' || coalesce(s.last_error, 'since sent')
                    FROM control.digest_send s JOIN control.app_user u ON u.id = s.recipient_id
                    WHERE s.attempts > 1 AND u.email = ANY (?)""")) {
                select.setArray(1, connection.createArrayOf("text", emails.toArray()));
                List<String> retried = new ArrayList<>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        retried.add(rows.getString(1));
                    }
                }
                return retried;
            }
        });
    }

    /** The recipient's row of the send log: status and attempts, e.g. "pending 1". */
    private String sendLogOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                    SELECT s.status || ' ' || s.attempts FROM control.digest_send s JOIN control.app_user u ON u.id = s.recipient_id
                    WHERE u.email = ?""")) {
                select.setString(1, email);
                try (var rows = select.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        });
    }

    private String adminPage() {
        return given().auth().oauth2(Forms.token("admin")).get("/admin/email-summaries").then().statusCode(200).extract().asString();
    }

    @Test
    void aDigestFailingWhileSmtpIsDownIsRetriedAndSentOnce() {
        Tenant shop = tenant("UTC");
        String owner = fridayOwner(shop, "patient", 8);
        Instant due = Instant.parse("2024-08-09T08:00:00Z");
        int port = GreenMailTestResource.stopSmtp();
        try {
            sender.runDue(due);
            assertThat(sendLogOf(owner)).isEqualTo("pending 1");
            assertThat(adminPage()).contains(owner, "The mail server could not be reached.", "Technical detail");
            sender.runDue(due.plusSeconds(60));
            assertThat(sendLogOf(owner)).as("back-off: not yet retried").isEqualTo("pending 1");
        } finally {
            GreenMailTestResource.restartSmtp(port);
        }
        sender.runDue(due.plusSeconds(60));
        assertThat(mailsTo(owner)).as("still waiting for its back-off").isEmpty();
        sender.runDue(due.plus(Duration.ofMinutes(3)));
        sender.runDue(due.plus(Duration.ofHours(2)));
        assertThat(mailsTo(owner)).hasSize(1);
        assertThat(sendLogOf(owner)).isEqualTo("sent 2");
        assertThat(adminPage()).doesNotContain(owner);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("(?m)^merchant_metrics_digest_sends_total [1-9]")
                .containsPattern("(?m)^merchant_metrics_digest_failures_total [1-9]");
    }

    @Test
    void aTenantWhoseSummaryCannotBeWrittenDoesNotStopTheOthers() {
        // Claims go by tenant: the broken tenant's summaries come first in the run.
        Tenant broken = tenant("UTC");
        Tenant healthy = tenant("UTC");
        String brokenOwner = fridayOwner(broken, "broken", 9);
        String healthyOwner = fridayOwner(healthy, "healthy", 9);
        Instant due = Instant.parse("2024-09-13T09:00:00Z");
        String schema = broken.schema().schemaName();
        runSql("ALTER SCHEMA " + schema + " RENAME TO " + schema + "_away");
        try {
            DigestSender.Run run = sender.runDue(due);
            assertThat(run.failed()).isPositive();
            assertThat(mailsTo(healthyOwner)).hasSize(1);
            assertThat(mailsTo(brokenOwner)).isEmpty();
            assertThat(sendLogOf(brokenOwner)).isEqualTo("pending 1");
            assertThat(adminPage()).contains(brokenOwner, broken.name, "The summary could not be written: its figures could not be read.");
        } finally {
            runSql("ALTER SCHEMA " + schema + "_away RENAME TO " + schema);
        }
        sender.runDue(due.plus(Duration.ofMinutes(3)));
        assertThat(mailsTo(brokenOwner)).as("retried once the tenant is readable again").hasSize(1);
        assertThat(mailsTo(healthyOwner)).hasSize(1);
        assertThat(adminPage()).doesNotContain(brokenOwner);
    }

    private void runSql(String sql) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void membersPreviewAndSendThemselvesATest() {
        Tenant shop = tenant("Europe/Berlin");
        tenants.grant(shop, "alice", TenantRole.analyst);
        uploadSubscriptions(shop);
        String page = "/t/" + shop.slug + "/email-summary";
        assertThat(Forms.page("alice", page).then().statusCode(200).extract().asString()).contains("Weekly e-mail summary")
                .contains("Preview this week").contains("Send me a test");
        assertThat(Forms.page("alice", page + "/preview").then().statusCode(200).extract().asString())
                .contains("data:image/png;base64,").contains(shop.name);
        Forms.submit("alice", page, page, Map.of("enabled", "on", "day", "3", "hour", "17")).then().statusCode(200);
        assertThat(Forms.page("alice", page).asString()).contains("<option value=\"3\" selected>").contains("<option value=\"17\" selected>");
        Forms.submit("alice", page, page, Map.of("day", "9", "hour", "7")).then().statusCode(400);
        int before = mailsTo("alice@").size();
        Forms.submit("alice", page, page + "/test", Map.of()).then().statusCode(200);
        assertThat(mailsTo("alice@")).hasSize(before + 1);
    }

    @Test
    void scheduledJobsLiveInTheClusteredQuartzStoreOfTheControlSchema() {
        // The test profile turns the digest cron off (tests play the clock themselves); the other jobs are Quartz jobs.
        List<String> triggers = QuarkusTransaction.requiringNew().call(() -> {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT j.job_class_name || ' ' || t.trigger_name FROM control.qrtz_triggers t "
                            + "JOIN control.qrtz_job_details j USING (sched_name, job_name, job_group)")) {
                List<String> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
                return found;
            }
        });
        assertThat(String.join("\n", triggers)).contains("RollupRefresh").contains("AuditTrail");
        assertThat(QuarkusTransaction.requiringNew().call(() -> {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT count(*) FROM control.qrtz_scheduler_state")) {
                rows.next();
                return rows.getInt(1);
            }
        })).as("this instance checked in to the cluster").isPositive();
    }

    private static BodyPart inlinePart(Part mail, String contentId) throws MessagingException, IOException {
        if (mail.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) mail.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String[] ids = part.getHeader("Content-ID");
                if (ids != null && ids[0].equals(contentId)) {
                    return part;
                }
                if (part.isMimeType("multipart/*")) {
                    BodyPart found = inlinePart(part, contentId);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }
}
