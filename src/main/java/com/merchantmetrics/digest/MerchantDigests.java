package com.merchantmetrics.digest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.merchantmetrics.dashboard.Formats;
import com.merchantmetrics.metrics.MetricDefinition.Unit;
import com.merchantmetrics.metrics.MetricsReport;
import com.merchantmetrics.metrics.MetricsService;
import com.merchantmetrics.metrics.UpcomingRenewals;
import com.merchantmetrics.tenant.TenantAccess;

/** Reads a tenant's figures from the metrics service and words them for one recipient: tables, movements, what moved and why. */
@ApplicationScoped
public class MerchantDigests {

    /** The net new MRR movements, each with the sign of its effect on net new MRR. */
    private record Movement(String metric, int sign) {
    }

    private static final List<Movement> MOVEMENTS = List.of(new Movement("new_mrr", 1), new Movement("expansion_mrr", 1),
            new Movement("reactivation_mrr", 1), new Movement("contraction_mrr", -1), new Movement("churned_mrr", -1));

    static final Duration RENEWALS_AHEAD = Duration.ofDays(30);

    private final MetricsService metrics;
    private final UpcomingRenewals upcomingRenewals;

    MerchantDigests(MetricsService metrics, UpcomingRenewals upcomingRenewals) {
        this.metrics = metrics;
        this.upcomingRenewals = upcomingRenewals;
    }

    MerchantFigures figures(TenantAccess tenant, LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        return new MerchantFigures(tenant, asOf,
                metrics.report(tenant, month.minusMonths(MerchantFigures.TREND_MONTHS - 1L), month, Optional.empty()),
                upcomingRenewals.within(tenant, asOf.atStartOfDay(ZoneId.of(tenant.timeZone())).toInstant(), RENEWALS_AHEAD));
    }

    MerchantDigest view(MerchantFigures figures, DigestMessages words, Locale locale, MerchantDigest.Links links, String why) {
        Formats formats = Formats.of(locale, figures.tenant().reportingCurrency());
        String monthName = DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(figures.month());
        String lastMonthName = DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(figures.month().minusMonths(1));
        String intro = words.intro(figures.tenant().name(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(figures.asOf()));
        List<String> reasons = topReasons(figures, words, formats).stream().map(Reason::text).toList();
        String freshness = figures.hasData() ? words.freshness(figures.report().refreshedAt().replace('T', ' ').replace("Z", ""))
                : words.noData();
        return new MerchantDigest(words.subject(figures.tenant().name()), figures.tenant().name(), intro, figures.hasData(),
                new MerchantDigest.Section(words.monthToDate(monthName), lines(figures, 0, words, formats)),
                new MerchantDigest.Section(words.lastMonth(lastMonthName), lines(figures, 1, words, formats)),
                movements(figures, words, formats), reasons,
                words.renewalsDue(figures.renewals().count(), formats.money(figures.renewals().mrrAtRisk())),
                highlights(figures, words, formats), freshness, links, why);
    }

    private List<MerchantDigest.Line> lines(MerchantFigures figures, int monthsAgo, DigestMessages words, Formats formats) {
        return List.of(line(figures, monthsAgo, words.mrr(), "mrr", Unit.money, formats),
                line(figures, monthsAgo, words.netNewMrr(), "net_new_mrr", Unit.money, formats),
                line(figures, monthsAgo, words.newCustomers(), "new_customers", Unit.count, formats),
                line(words.churnedCustomers(), churnedCustomers(figures, monthsAgo), churnedCustomers(figures, monthsAgo + 1),
                        Unit.count, formats),
                line(figures, monthsAgo, words.visitorConversion(), "visitor_conversion_rate", Unit.rate, formats),
                line(figures, monthsAgo, words.leadConversion(), "lead_conversion_rate", Unit.rate, formats),
                line(figures, monthsAgo, words.cac(), "cac", Unit.money, formats),
                line(figures, monthsAgo, words.ltvCac(), "ltv_cac", Unit.ratio, formats));
    }

    private List<MerchantDigest.Line> movements(MerchantFigures figures, DigestMessages words, Formats formats) {
        return MOVEMENTS.stream().map(movement -> line(figures, 1, label(movement.metric(), words), movement.metric(), Unit.money, formats))
                .toList();
    }

    private static MerchantDigest.Line line(MerchantFigures figures, int monthsAgo, String label, String metric, Unit unit,
            Formats formats) {
        return line(label, figures.value(monthsAgo, metric), figures.value(monthsAgo + 1, metric), unit, formats);
    }

    private static MerchantDigest.Line line(String label, BigDecimal now, BigDecimal before, Unit unit, Formats formats) {
        String change = formats.change(before, now, unit);
        return new MerchantDigest.Line(label, formats.value(now, unit), formats.value(before, unit), change == null ? "–" : change);
    }

    /** Subscribers who churned in the month; buyers who became inactive for merchants without subscriptions. */
    private static BigDecimal churnedCustomers(MerchantFigures figures, int monthsAgo) {
        for (String metric : List.of("subscriber_churn_rate", "buyer_churn_rate")) {
            MetricsReport.Value value = figures.monthsAgo(monthsAgo).get(metric);
            if (value != null && value.value() != null && value.inputs() != null && value.inputs().has("churned")) {
                return value.inputs().get("churned").decimalValue();
            }
        }
        return null;
    }

    private record Reason(String name, String text, long customers) {
    }

    private static List<Reason> topReasons(MerchantFigures figures, DigestMessages words, Formats formats) {
        MetricsReport.Value churned = figures.monthsAgo(1).get("churned_mrr");
        Map<String, MetricsReport.Value> byReason = churned == null ? Map.of() : churned.breakdowns().getOrDefault("reason", Map.of());
        return byReason.entrySet().stream()
                .map(entry -> {
                    JsonNode inputs = entry.getValue().inputs();
                    long customers = inputs == null ? 0 : inputs.path("customers").asLong();
                    String reason = entry.getKey().equals("not given") ? words.noReason() : entry.getKey();
                    return new Reason(reason, words.churnReason(reason, customers, formats.money(entry.getValue().value())), customers);
                })
                .sorted(Comparator.comparingLong(Reason::customers).reversed().thenComparing(Reason::text))
                .limit(3).toList();
    }

    /** A few sentences on last month against the month before: net new MRR and what drove it, then MRR, customers, conversion. */
    private List<String> highlights(MerchantFigures figures, DigestMessages words, Formats formats) {
        List<String> sentences = new ArrayList<>();
        BigDecimal netNow = figures.value(1, "net_new_mrr");
        BigDecimal netBefore = figures.value(2, "net_new_mrr");
        if (netNow != null && netBefore != null && netNow.compareTo(netBefore) != 0) {
            String change = formats.change(netBefore, netNow, Unit.money);
            String sentence = change == null
                    ? words.movementWas(words.netNewMrr(), formats.money(netNow), formats.money(netBefore))
                    : moved(words, words.netNewMrr(), netNow.compareTo(netBefore) > 0, change.substring(1));
            driver(figures, netNow.subtract(netBefore).signum(), words, formats)
                    .ifPresentOrElse(reason -> sentences.add(words.because(sentence, reason)), () -> sentences.add(sentence));
        }
        BigDecimal mrrNow = figures.value(1, "mrr");
        BigDecimal mrrBefore = figures.value(2, "mrr");
        String mrrChange = formats.change(mrrBefore, mrrNow, Unit.money);
        if (mrrChange != null && mrrNow.compareTo(mrrBefore) != 0) {
            sentences.add(mrrNow.compareTo(mrrBefore) > 0 ? words.roseTo(words.mrr(), mrrChange.substring(1), formats.money(mrrNow))
                    : words.fellTo(words.mrr(), mrrChange.substring(1), formats.money(mrrNow)));
        }
        BigDecimal newNow = figures.value(1, "new_customers");
        BigDecimal newBefore = figures.value(2, "new_customers");
        if (newNow != null && newBefore != null && newNow.compareTo(newBefore) != 0) {
            sentences.add(words.countWas(words.newCustomers(), formats.value(newNow, Unit.count), formats.value(newBefore, Unit.count)));
        }
        for (String metric : List.of("visitor_conversion_rate", "lead_conversion_rate")) {
            BigDecimal now = figures.value(1, metric);
            BigDecimal before = figures.value(2, metric);
            if (now != null && before != null && now.subtract(before).abs().compareTo(new BigDecimal("0.001")) >= 0) {
                sentences.add(words.moved(label(metric, words), formats.change(before, now, Unit.rate)));
            }
        }
        return sentences.isEmpty() ? List.of(words.nothingMoved()) : sentences;
    }

    /** The movement that pushed net new MRR most in the direction it moved, as a reason; churn names its customers and reasons. */
    private static Optional<String> driver(MerchantFigures figures, int direction, DigestMessages words, Formats formats) {
        Movement strongest = null;
        BigDecimal strongestEffect = BigDecimal.ZERO;
        for (Movement movement : MOVEMENTS) {
            BigDecimal now = figures.value(1, movement.metric());
            BigDecimal before = figures.value(2, movement.metric());
            if (now != null && before != null) {
                BigDecimal effect = now.subtract(before).multiply(BigDecimal.valueOf(movement.sign()));
                if (effect.signum() == direction && effect.abs().compareTo(strongestEffect) > 0) {
                    strongest = movement;
                    strongestEffect = effect.abs();
                }
            }
        }
        if (strongest == null) {
            return Optional.empty();
        }
        if (strongest.metric().equals("churned_mrr") && churnedCustomers(figures, 1) != null) {
            List<Reason> reasons = topReasons(figures, words, formats);
            String names = String.join(", ", reasons.stream().limit(2).map(Reason::name).toList());
            return Optional.of(words.customersChurned(churnedCustomers(figures, 1).longValue(), names));
        }
        return Optional.of(words.movementWas(label(strongest.metric(), words), formats.money(figures.value(1, strongest.metric())),
                formats.money(figures.value(2, strongest.metric()))));
    }

    private static String moved(DigestMessages words, String label, boolean rose, String change) {
        return rose ? words.rose(label, change) : words.fell(label, change);
    }

    private static String label(String metric, DigestMessages words) {
        return switch (metric) {
            case "new_mrr" -> words.newMrr();
            case "expansion_mrr" -> words.expansionMrr();
            case "reactivation_mrr" -> words.reactivationMrr();
            case "contraction_mrr" -> words.contractionMrr();
            case "churned_mrr" -> words.churnedMrr();
            case "visitor_conversion_rate" -> words.visitorConversion();
            case "lead_conversion_rate" -> words.leadConversion();
            default -> throw new IllegalArgumentException(metric);
        };
    }
}
