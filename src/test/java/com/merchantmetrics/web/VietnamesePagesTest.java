package com.merchantmetrics.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.admin.AdminMessages;
import com.merchantmetrics.audit.AuditDetails;
import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.audit.AuditMessages;
import com.merchantmetrics.digest.DigestMessages;
import com.merchantmetrics.digest.UnsubscribeTokens;
import com.merchantmetrics.ingest.ProblemReasons;
import com.merchantmetrics.ingest.UploadMessages;
import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.metrics.MetricCatalogue;
import com.merchantmetrics.metrics.MetricDefinition;
import com.merchantmetrics.security.AppUser;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.testsupport.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Message;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every page a person reads, in Vietnamese: no English words of the interface left in the visible text, both
 * bundles with the same keys, every metric, reason and upload problem with a Vietnamese wording.
 */
@QuarkusTest
class VietnamesePagesTest {

    /** Words of the English interface; data on the pages (file columns, e-mail addresses, codes) never uses them. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(the|and|of|your|you|with|from|this|is|are|not|no|for|yet|rows|errors?"
            + "|warnings?|required|merge|replace|pending|failed|none|never|below|above|days|Show|Download|Save|Settings|Members|Overview"
            + "|Acquisition|Retention|Revenue|Uploads?|Imported|Importing|Cohorts?|Renewals?|Month|Customers|Preview|Reload|Choose|Send"
            + "|Day|Hour|Unsubscribe|Unsubscribed|Every|Nothing|Saved|Summary|Flags?|Client|Last|Next|Attempts|Recipient|Week|Status"
            + "|Mode|File|Dataset|Reason|Value|Column|Row|Severity|Problems|History|Map|Read|Waiting|Weekly|Print|Period|Custom"
            + "|Trend|How|Chart|Due|Renewed|Billing)\\b");
    /** A date and time as code prints it (2025-01-07T10:15:30Z, 2025-01-07 10:15:30), not as a person reads it. */
    private static final Pattern RAW_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}");
    private static final Set<String> SAME_NAME_IN_VIETNAMESE = Set.of("mrr", "arr", "cac", "arpa", "ltv", "ltv_cac", "quick_ratio");
    private static final Set<String> SAME_FORMULA_IN_VIETNAMESE = Set.of("arr", "ltv_cac");

    @Inject
    TestTenants tenants;

    @Inject
    UnsubscribeTokens unsubscribeTokens;

    @Inject
    DataSource dataSource;

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(keys("messages/msg_vi.properties")).isEqualTo(methods(Messages.class));
        assertThat(keys("messages/digest_vi.properties")).isEqualTo(methods(DigestMessages.class));
        assertThat(keys("messages/upload_vi.properties")).isEqualTo(methods(UploadMessages.class));
        assertThat(keys("messages/admin_vi.properties")).isEqualTo(methods(AdminMessages.class));
        assertThat(keys("messages/audit_vi.properties")).isEqualTo(methods(AuditMessages.class));
    }

    @Test
    void everyMetricAndEveryReasonAMetricGivesHasVietnameseWords() throws IOException {
        Messages vi = Languages.messages(Locale.forLanguageTag("vi"));
        for (MetricDefinition metric : MetricCatalogue.all()) {
            if (!SAME_NAME_IN_VIETNAMESE.contains(metric.id())) {
                assertThat(vi.metricName(metric)).as(metric.id()).isNotEqualTo(metric.name());
            }
            if (!SAME_FORMULA_IN_VIETNAMESE.contains(metric.id())) {
                assertThat(vi.metricFormula(metric)).as(metric.id()).isNotEqualTo(metric.formula());
            }
            assertThat(vi.metricExplanation(metric)).as(metric.id()).isNotEqualTo(metric.explanation());
        }
        Pattern reason = Pattern.compile("'((?:no|not) [^']+)'");
        List<String> reasons = new ArrayList<>();
        try (var files = Files.list(Path.of("src/main/resources/metrics"))) {
            for (Path sql : files.toList()) {
                Matcher found = reason.matcher(Files.readString(sql));
                while (found.find()) {
                    reasons.add(found.group(1));
                }
            }
        }
        assertThat(reasons).as("the metric queries' reasons").hasSizeGreaterThan(10);
        for (String english : reasons) {
            String words = english.equals("not set") || english.equals("not given") ? vi.breakdownKey(english) : vi.metricReason(english);
            assertThat(words).as(english).isNotEqualTo(english);
        }
    }

    @Test
    void uploadProblemsAreWordedInVietnameseOnPagesAndKeepTheirEnglish() {
        UploadMessages en = Languages.bundle(UploadMessages.class, Locale.ENGLISH);
        UploadMessages vi = Languages.bundle(UploadMessages.class, Locale.forLanguageTag("vi"));
        List<String> reasons = List.of("the file has a header row but no data rows", "not a column of orders.csv; ignored",
                "mapped to no field of orders.csv; ignored",
                "the row has 3 fields but the header has 5 (a missing delimiter, an extra one or a stray quote)",
                "starts like a spreadsheet formula: kept as text, and neutralised in every export", "required, but empty",
                "not a country: use an ISO 3166-1 code (DE) or an English name (Germany); the customer's country is left as it was",
                "ends before or when the period starts (2024-02-01T00:00:00Z)", "not a number: write a decimal number like 12.50",
                "not a billing period: use week, month, quarter, half_year, year or an ISO 8601 period like P1M, P3M, P1Y, P2W",
                "identifiers are at most 255 characters",
                "not a valid date or time: use YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or ISO 8601 with offset (2024-03-01T10:15:00Z)",
                "not a valid day: use YYYY-MM-DD (e.g. 2024-02-29)", "not a valid month or day: use YYYY-MM or YYYY-MM-DD",
                "write amounts without thousands separators, e.g. 1234.50", "use . as the decimal separator, e.g. 12.50",
                "not an amount: write a decimal number like 12.50", "amounts have at most 15 digits before and 4 after the decimal point",
                "must not be negative here", "not an ISO 4217 currency code (like EUR, USD, VND)",
                "not a yes/no value: use true/false, yes/no or 1/0", "not a whole number of 0 or more",
                "not a positive decimal rate like 1.0850", "must be one of b2b, b2c",
                "no CustomerID: the line belongs to no customer and is skipped",
                "no customer e-mail: the order belongs to no customer and is skipped",
                "status incomplete_expired: the first payment never succeeded, so it was never a subscription",
                "duplicate key (o1) in this file: also on row 2",
                "no FX rate for EUR on or before 2024-01-05 to convert to USD: upload fx_rates.csv with that currency first",
                "periods of one subscription must not overlap: this one overlaps the period on row 2 of this file",
                "periods of one subscription must not overlap: this one overlaps a period of this subscription imported earlier",
                "orders.csv is empty: a file needs at least a header row",
                "orders.csv is not a text file (it contains binary data); upload a CSV file",
                "orders.csv, after row 12: the text is not valid in the chosen encoding; choose Windows-1252 or ISO-8859-1 on upload, "
                        + "or save the file as UTF-8",
                "orders.csv, row 1: column \"amount\" appears twice (columns 2 and 5); each column may appear once",
                "orders.csv, row 1: required columns amount, currency missing for orders.csv (the header has: id, total); "
                        + "map the file's columns to the fields of the dataset",
                "orders.csv, row 1: the header (a, b) matches none of the upload formats or presets; choose the dataset and map "
                        + "the file's columns to its fields",
                "orders.csv is larger than the limit of 200 MB; split it into smaller files",
                "orders.csv, after row 12: the CSV cannot be read (Unterminated quoted field), e.g. an unbalanced quote or a field "
                        + "longer than 1 million characters",
                "orders.zip cannot be unpacked (invalid stored block lengths): the archive is damaged or cut off",
                "orders.zip must contain exactly one CSV file; it contains 2 files",
                "orders.csv.gz unpacks to more than 200 MB; upload a smaller file");
        for (String reason : reasons) {
            assertThat(ProblemReasons.in(en, reason)).as("the English bundle words it as the parser did").isEqualTo(reason);
            String words = ProblemReasons.in(vi, reason);
            assertThat(words).as(reason).isNotEqualTo(reason);
            assertThat(english(words.replace("yes/no", ""))).as(words).isEmpty();
        }
    }

    @Test
    void auditEntriesAreWordedInVietnameseAndInEnglishAsStored() throws IOException {
        AuditDetails.Words en = AuditDetails.Words.in(Locale.ENGLISH);
        AuditDetails.Words vi = AuditDetails.Words.in(Locale.forLanguageTag("vi"));
        Map<String, String> worded = new LinkedHashMap<>();
        worded.put("access.granted", "bob@example.com as Account manager");
        worded.put("member.invited", "bob@example.com as Viewer");
        worded.put("member.joined", "bob@example.com as Analyst");
        worded.put("member.role_changed", "bob@example.com is now Viewer");
        worded.put("api_key.created", "CI key (Analyst, ab12cd…)");
        worded.put("tenant.moved", "Data moved from database cluster main to big (1234 rows)");
        worded.put("upload.previewed", "orders.csv → orders.csv (merge, 200 rows, 0 new, 0 updated, 0 errors) #6");
        worded.put("upload.imported", "orders.csv → orders.csv (replace, 200 rows, 190 new, 10 updated, 0 errors) #7");
        worded.put("upload.unchanged", "orders.csv → orders.csv (merge, 200 rows, 0 new, 0 updated, 0 errors) #8");
        worded.put("upload.rejected", "orders.csv: orders.csv is empty: a file needs at least a header row");
        worded.put("portfolio.exported", "portfolio-2025-01.csv (12 clients)");
        Map<String, String> withoutWords = new LinkedHashMap<>();
        withoutWords.put(AuditLog.SIGNED_IN, null);
        withoutWords.put("tenant.created", "Bloom Box (USD, America/New_York)");
        withoutWords.put("member.removed", "bob@example.com");
        withoutWords.put("member.invitation_revoked", "bob@example.com");
        withoutWords.put("api_key.revoked", "CI key (ab12cd…)");
        withoutWords.put("upload.failed", "orders.csv #9");
        withoutWords.put("metrics.exported", "bloom-box-metrics-2024-01-2024-12.csv");

        Set<String> sampled = new TreeSet<>(worded.keySet());
        sampled.addAll(withoutWords.keySet());
        sampled.add("settings.changed"); // worded in both languages, below
        for (String recorded : actionsRecordedInTheCode()) {
            assertThat(sampled).as("an entry of %s, as the code records it", recorded)
                    .anyMatch(action -> recorded.endsWith(".") ? action.startsWith(recorded) : action.equals(recorded));
        }
        worded.forEach((action, detail) -> {
            assertThat(AuditDetails.in(en, action, detail)).as(action).isEqualTo(detail);
            String words = AuditDetails.in(vi, action, detail);
            assertThat(words).as(detail).isNotEqualTo(detail);
            assertThat(english(words)).as(words).isEmpty();
        });
        withoutWords.forEach((action, detail) -> {
            assertThat(AuditDetails.in(en, action, detail)).as(action).isEqualTo(detail);
            assertThat(AuditDetails.in(vi, action, detail)).as(action).isEqualTo(detail);
        });
        String otherAction = vi.audit().actionName("plugin.installed");
        assertThat(otherAction).isEqualTo("Thao tác khác");
        assertThat(en.audit().actionName("plugin.installed")).isEqualTo("Other action");
        for (String action : sampled) {
            String name = vi.audit().actionName(action);
            assertThat(english(name)).as(action).isEmpty();
            assertThat(name).as(action).isNotIn(en.audit().actionName(action), action, otherAction);
        }

        assertThat(AuditDetails.in(vi, "settings.changed", "reporting_currency: USD → EUR; inactivity_days: none → 60"))
                .isEqualTo("Tiền tệ báo cáo: USD → EUR; Cửa sổ không hoạt động: không có → 60");
        assertThat(AuditDetails.in(en, "tenant.moved", "Moved by hand")).as("an older format, as stored").isEqualTo("Moved by hand");
        assertThat(AuditDetails.in(vi, "tenant.moved", "Moved by hand")).isEqualTo("Bản ghi gốc (tiếng Anh): Moved by hand");
    }

    /** The action of every auditLog.record(…) call in the code; "upload." for the one that appends the upload's status. */
    private static Set<String> actionsRecordedInTheCode() throws IOException {
        Pattern record = Pattern.compile("auditLog\\.record\\([^;]*?\"([a-z_]+\\.[a-z_]*)\"");
        Set<String> actions = new TreeSet<>();
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path java : files.filter(file -> file.toString().endsWith(".java")).toList()) {
                Matcher found = record.matcher(Files.readString(java));
                while (found.find()) {
                    actions.add(found.group(1));
                }
            }
        }
        assertThat(actions).as("the actions recorded in the code").hasSizeGreaterThan(10).contains("upload.");
        return actions;
    }

    @Test
    void everyPageReadsInVietnamese() {
        Tenant tenant = tenants.create("vi-pages");
        tenants.grant(tenant, "alice", TenantRole.owner);
        tenants.grant(tenant, "marco", TenantRole.account_manager);
        Uploads.post(tenant, "subscriptions", """
                subscription_id,customer_id,starts_at,ends_at,amount,currency,billing_period,cancel_reason,retention_offer
                y1,c1,2024-01-10,2025-01-10,1200,USD,year,,
                y1,c1,2025-01-10,,1440,USD,year,,
                m1,c2,2024-12-05,2025-01-05,30,USD,month,price,
                m2,c3,2024-12-20,2025-01-20,40,USD,month,,
                m2,c3,2025-01-20,,30,USD,month,,yes
                m3,c4,2024-11-01,2024-12-01,25,USD,month,,
                """).then().statusCode(200);
        Uploads.post(tenant, "orders", """
                order_id,customer_id,ordered_at,amount,currency
                o1,c1,2024-12-03,120.00,USD
                o2,c5,2025-01-07,80.00,USD
                """).then().statusCode(200);
        Uploads.post("alice", tenant, null, null, false, """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,HEART,6,2024-12-01 08:26:00,2.55,17850.0,Vietnam
                """.getBytes(StandardCharsets.UTF_8), "invoices.csv").then().statusCode(200);
        Uploads.post(tenant, "marketing_spend", "date,channel,amount,currency\n2025-01,search,300,USD\n").then().statusCode(200);
        long rejected = Uploads.post("alice", tenant, "orders", null, true,
                "order_id,customer_id,ordered_at,amount,currency\no9,c9,2025-01-09,ten,USD\no10,,2025-01-10,5,EUR\n"
                        .getBytes(StandardCharsets.UTF_8), "orders.csv").then().extract().jsonPath().getLong("uploadId");
        String period = "?range=custom&from=2024-11&to=2025-01";
        String slug = "/t/" + tenant.slug;
        long aliceId = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(TestUsers.email("alice")).orElseThrow().id);
        String unsubscribe = "/unsubscribe/" + unsubscribeTokens.tokenFor(new UnsubscribeTokens.Subject(aliceId, tenant.id));
        String refusedMailbox = "io.vertx.ext.mail.SMTPException: recipient address not accepted: 550 5.1.1 The mailbox does not exist";
        controlSql("""
                INSERT INTO control.digest_send (recipient_id, scope, week, tenant_id, status, attempts, next_attempt_at, last_error_kind,
                    last_error)
                VALUES (?, 'tenant:' || ?, DATE '2025-01-06', ?, 'failed', 10, now(), 'mailbox_refused', ?)""",
                aliceId, tenant.id, tenant.id, refusedMailbox);

        List<String> users = List.of("alice", "marco", "admin");
        users.forEach(user -> chooseLanguage(user, "vi"));
        try {
            Forms.submit("alice", slug + "/api-keys", slug + "/api-keys", Map.of("name", "Khóa CI", "role", "viewer")).then().statusCode(200);
            Map<String, String> pages = new LinkedHashMap<>();
            for (String path : List.of("", "/acquisition", "/retention", "/revenue")) {
                pages.put(path, page("alice", slug + path + period));
            }
            pages.put("filter not understood", page("alice", slug + period + "&segment=enterprise"));
            for (String path : List.of("/uploads", "/uploads/" + rejected, "/settings", "/members", "/api-keys", "/email-summary")) {
                pages.put(path, page("alice", slug + path));
            }
            pages.put("audit", page("alice", slug + "/audit"));
            pages.put("audit refused", page("alice", slug + "/audit?from=2024-02-31"));
            pages.put("settings refused", Forms.submit("alice", slug + "/settings", slug + "/settings", Map.of("reporting_currency", "EURO",
                    "time_zone", "UTC", "inactivity_days", "0", "cac_window_months", "3", "ltv_window_months", "6")).asString());
            pages.put("e-mail summary refused", Forms.submit("alice", slug + "/email-summary", slug + "/email-summary",
                    Map.of("day", "9", "hour", "8")).asString());
            pages.put("members refused", Forms.submit("alice", slug + "/members", slug + "/members/invitations",
                    Map.of("email", "not-an-address", "role", "viewer")).asString());
            pages.put("portfolio", page("marco", "/portfolio?month=2025-01"));
            pages.put("administration", page("admin", "/admin/tenants"));
            pages.put("administration refused", Forms.submit("admin", "/admin/tenants", "/admin/tenants", Map.of("name", "Shop",
                    "slug", "Not A Slug", "reportingCurrency", "USD", "timeZone", "UTC")).asString());
            pages.put("undelivered summaries", page("admin", "/admin/email-summaries"));
            pages.put("unsubscribe", page("alice", unsubscribe));
            pages.put("unsubscribed", given().header("Accept-Language", "vi").contentType("application/x-www-form-urlencoded")
                    .body("List-Unsubscribe=One-Click").post(unsubscribe).then().statusCode(200).extract().asString());

            List<String> names = QuarkusTransaction.requiringNew().call(() -> Tenant.listByName().stream().map(t -> t.name).toList());
            Map<String, List<String>> english = new LinkedHashMap<>();
            pages.forEach((name, html) -> {
                assertThat(html).as(name).contains("lang=\"vi\"");
                String text = visibleText(html);
                for (String tenantName : names) {
                    text = text.replace(tenantName, "");
                }
                List<String> words = english(text);
                Matcher timestamp = RAW_TIMESTAMP.matcher(text);
                if (timestamp.find()) {
                    words.add("a raw timestamp " + timestamp.group());
                }
                if (!words.isEmpty()) {
                    english.put(name, words);
                }
            });
            assertThat(english).as("English words left on Vietnamese pages").isEmpty();

            assertThat(visibleText(pages.get("/retention"))).contains("Nhóm khách hàng theo tháng thu hút", "Nhóm theo gói đăng ký",
                    "Gia hạn và doanh thu gia hạn theo chu kỳ thanh toán", "Tỷ lệ gia hạn", "năm");
            assertThat(visibleText(pages.get("/uploads/" + rejected))).contains("không phải số tiền: hãy viết số thập phân như 12.50",
                    "bắt buộc nhưng đang để trống", "Ghép các cột của tệp", "lỗi");
            assertThat(visibleText(pages.get("/uploads"))).contains("Dòng hóa đơn (Online Retail)");
            assertThat(visibleText(pages.get("audit"))).contains("Nhập tệp tải lên", "invoices.csv → orders.csv (gộp, 1 dòng");
            assertThat(visibleText(pages.get("administration refused"))).contains("Định danh: “Not A Slug” phải dài 2 đến 40 ký tự");
            assertThat(visibleText(pages.get("settings refused"))).contains("Tiền tệ báo cáo: “EURO”",
                    "Cửa sổ không hoạt động: “0” phải là số nguyên từ 1 đến 3650.");
            assertThat(visibleText(pages.get("audit refused"))).contains("Từ: “2024-02-31” không phải ngày dạng 2026-01-31");
            assertThat(Forms.page("marco", slug + "/audit").then().statusCode(403).extract().asString())
                    .isEqualTo("Vai trò của bạn trong doanh nghiệp này (Quản lý khách hàng) không cho phép thao tác này");
            assertThat(visibleText(pages.get("/email-summary"))).contains("Email tóm tắt hằng tuần", "Thứ Hai", "Xem trước email tuần này");
            assertThat(visibleText(pages.get("unsubscribed"))).contains("Bạn sẽ không nhận bản tóm tắt hằng tuần của " + tenant.name + " nữa.");
            assertThat(visibleText(pages.get("filter not understood")))
                    .contains("không có phân khúc “enterprise”: hãy chọn b2b hoặc b2c");
            assertThat(visibleText(pages.get("undelivered summaries")))
                    .contains("Máy chủ thư từ chối địa chỉ: hộp thư không tồn tại, đã đầy hoặc bị chặn.", "Chi tiết kỹ thuật");
            assertThat(pages.get("undelivered summaries")).as("the raw error, apart and marked as English")
                    .contains("<code class=\"d-block text-break\" lang=\"en\">" + refusedMailbox + "</code>");
        } finally {
            users.forEach(user -> chooseLanguage(user, ""));
            controlSql("DELETE FROM control.digest_send WHERE tenant_id = ?", tenant.id);
        }
    }

    private static List<String> english(String text) {
        Matcher word = ENGLISH.matcher(text);
        List<String> found = new ArrayList<>();
        while (word.find()) {
            int from = Math.max(0, word.start() - 40);
            found.add(word.group() + " in \"" + text.substring(from, Math.min(text.length(), word.end() + 40)).replaceAll("\\s+", " ") + "\"");
        }
        return found;
    }

    /**
     * The text a reader sees: no scripts, no tags; attributes people read (labels, titles) kept. Elements marked as
     * English (lang="en": a mail server's or a database's own words under a technical detail) are left out.
     */
    private static String visibleText(String html) {
        String withoutCode = html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<(\\w+)[^>]* lang=\"en\"[^>]*>.*?</\\1>", " ");
        StringBuilder read = new StringBuilder();
        Matcher attribute = Pattern.compile("(?:aria-label|title|placeholder|alt)=\"([^\"]*)\"").matcher(withoutCode);
        while (attribute.find()) {
            read.append(attribute.group(1)).append('\n');
        }
        read.append(withoutCode.replaceAll("<[^>]*>", "\n"));
        return read.toString().replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static void chooseLanguage(String user, String language) {
        Forms.submit(user, "/", "/language", Map.of("language", language, "return", "/")).then().statusCode(303);
    }

    private static String page(String user, String path) {
        Response response = Forms.page(user, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.asString();
    }

    private void controlSql(String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(VietnamesePagesTest.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Set<String> methods(Class<?> bundle) {
        return Arrays.stream(bundle.getDeclaredMethods()).filter(method -> method.isAnnotationPresent(Message.class)).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
