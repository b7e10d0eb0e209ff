package com.merchantmetrics.digest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.merchantmetrics.dashboard.Formats;
import com.merchantmetrics.metrics.MetricDefinition.Unit;
import com.merchantmetrics.portfolio.ClientRow;
import com.merchantmetrics.portfolio.PortfolioService;
import com.merchantmetrics.portfolio.PortfolioThresholds;
import com.merchantmetrics.security.AppUser;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.web.Languages;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

/**
 * Writes the summaries as mails: HTML (inline styles, table layout, the trend chart as an inline PNG) and plain
 * text, in the recipient's language, with one-click unsubscribe headers (RFC 8058).
 */
@ApplicationScoped
public class DigestMails {

    private static final String CHART_CID = TrendChart.CONTENT_ID + "@merchantmetrics";

    @CheckedTemplate(basePath = "DigestMail")
    static class Templates {
        static native TemplateInstance merchant(MerchantDigest d, String chartSrc);

        static native TemplateInstance portfolio(PortfolioDigest d);
    }

    /** The mail of one recipient, and the HTML as a browser shows it (the chart inline as a data URI), written on demand. */
    public record Written(Mail mail, Supplier<String> preview) {
        public String previewHtml() {
            return preview.get();
        }
    }

    private final MerchantDigests merchantDigests;
    private final PortfolioService portfolio;
    private final UnsubscribeTokens tokens;
    private final String baseUrl;

    DigestMails(MerchantDigests merchantDigests, PortfolioService portfolio, UnsubscribeTokens tokens,
            @ConfigProperty(name = "merchant-metrics.base-url") String baseUrl) {
        this.merchantDigests = merchantDigests;
        this.portfolio = portfolio;
        this.tokens = tokens;
        this.baseUrl = baseUrl;
    }

    static Locale locale(AppUser user) {
        return "vi".equals(user.language) ? Locale.forLanguageTag("vi-VN") : Locale.forLanguageTag("en-US");
    }

    static DigestMessages words(Locale locale) {
        return Languages.bundle(DigestMessages.class, locale);
    }

    Written merchant(AppUser user, TenantRole role, MerchantFigures figures) {
        Locale locale = locale(user);
        DigestMessages words = words(locale);
        String tenantUrl = baseUrl + "/t/" + figures.tenant().slug();
        String unsubscribe = unsubscribeUrl(new UnsubscribeTokens.Subject(user.id, figures.tenant().tenantId()));
        MerchantDigest digest = merchantDigests.view(figures, words, locale,
                new MerchantDigest.Links(tenantUrl, tenantUrl + "/email-summary", unsubscribe),
                words.why(Languages.messages(locale).role(role.name()), figures.tenant().name()));
        byte[] chart = figures.chart(locale);
        String html = render(Templates.merchant(digest, "cid:" + CHART_CID), locale, Variant.TEXT_HTML);
        String text = render(Templates.merchant(digest, ""), locale, Variant.TEXT_PLAIN);
        Mail mail = withUnsubscribe(Mail.withHtml(user.email, digest.subject(), html).setText(text), unsubscribe)
                .addInlineAttachment(TrendChart.CONTENT_ID + ".png", chart, "image/png", "<" + CHART_CID + ">");
        return new Written(mail, () -> render(Templates.merchant(digest,
                "data:image/png;base64," + Base64.getEncoder().encodeToString(chart)), locale, Variant.TEXT_HTML));
    }

    /** The portfolio of the last complete month, only the clients the manager keeps the summary on for. */
    Written portfolio(AppUser user, Set<Long> clientIds, LocalDate asOf) {
        Locale locale = locale(user);
        DigestMessages words = words(locale);
        YearMonth month = YearMonth.from(asOf).minusMonths(1);
        PortfolioThresholds thresholds = QuarkusTransaction.joiningExisting().call(() -> PortfolioThresholds.forUser(user.id));
        List<ClientRow> rows = portfolio.rows(user.id, month, thresholds).stream()
                .filter(row -> clientIds.contains(row.tenant().tenantId())).toList();
        List<PortfolioDigest.Client> clients = rows.stream().map(row -> {
            Formats formats = Formats.of(locale, row.tenant().reportingCurrency());
            return new PortfolioDigest.Client(row.tenant().name(), baseUrl + "/t/" + row.tenant().slug(),
                    formats.value(row.mrr(), Unit.money), formats.value(row.netNewMrr(), Unit.money),
                    formats.value(row.customerChurn(), Unit.rate), formats.value(row.ltvCac(), Unit.ratio),
                    row.flagged() ? row.flagsText(Languages.messages(locale)) : "–", row.flagged());
        }).toList();
        String unsubscribe = unsubscribeUrl(new UnsubscribeTokens.Subject(user.id, null));
        PortfolioDigest digest = new PortfolioDigest(words.portfolioSubject(),
                words.portfolioIntro(clients.size(), rows.stream().filter(ClientRow::flagged).count(), month.toString()), clients,
                baseUrl + "/portfolio?month=" + month, unsubscribe);
        String html = render(Templates.portfolio(digest), locale, Variant.TEXT_HTML);
        Mail mail = withUnsubscribe(Mail.withHtml(user.email, digest.subject(), html)
                .setText(render(Templates.portfolio(digest), locale, Variant.TEXT_PLAIN)), unsubscribe);
        return new Written(mail, () -> html);
    }

    private String unsubscribeUrl(UnsubscribeTokens.Subject subject) {
        return baseUrl + "/unsubscribe/" + tokens.tokenFor(subject);
    }

    private static Mail withUnsubscribe(Mail mail, String unsubscribeUrl) {
        return mail.addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private static String render(TemplateInstance template, Locale locale, String contentType) {
        return template.setLocale(locale).setVariant(new Variant(locale, contentType, "UTF-8")).render();
    }
}
