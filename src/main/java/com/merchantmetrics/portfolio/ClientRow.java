package com.merchantmetrics.portfolio;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.merchantmetrics.dashboard.Formats;
import com.merchantmetrics.metrics.MetricDefinition.Unit;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.web.Languages;
import com.merchantmetrics.web.Messages;

/**
 * One client in an account manager's portfolio: the month's figures exactly as the metrics API gives them, how
 * they moved from the month before, renewals due in the next 30 days, data freshness, and the flags with their reasons.
 */
public record ClientRow(TenantAccess tenant, YearMonth month, BigDecimal mrr, BigDecimal netNewMrr, BigDecimal mrrGrowth,
        BigDecimal customerChurn, String churnBasis, BigDecimal churnChangePoints, BigDecimal netMrrChurn, BigDecimal cac,
        BigDecimal ltvCac, BigDecimal visitorConversion, long renewalsDue, BigDecimal mrrAtRisk, String lastUpload, Long daysSinceUpload, String refreshedAt,
        List<PortfolioFlag> flags) {

    public boolean flagged() {
        return !flags.isEmpty();
    }

    /**
     * The row's cells as shown in a language (text, with formats of the tenant's currency) and as sorted or exported
     * (plain numbers), in column order.
     */
    public List<Cell> cells(Formats formats, Messages msg) {
        return List.of(new Cell(tenant.name(), tenant.name()),
                cell(formats, mrr, Unit.money), cell(formats, netNewMrr, Unit.money), cell(formats, mrrGrowth, Unit.rate),
                cell(formats, customerChurn, Unit.rate), cell(formats, netMrrChurn, Unit.rate), cell(formats, cac, Unit.money),
                cell(formats, ltvCac, Unit.ratio), cell(formats, visitorConversion, Unit.rate),
                cell(formats, BigDecimal.valueOf(renewalsDue), Unit.count), cell(formats, mrrAtRisk, Unit.money),
                new Cell(lastUpload == null ? msg.never() : msg.uploadedDaysAgo(lastUpload, daysSinceUpload),
                        daysSinceUpload == null ? "" : daysSinceUpload.toString()),
                new Cell(refreshedAt == null ? "–" : formats.dateTime(refreshedAt, ZoneId.of(tenant.timeZone())),
                        refreshedAt == null ? "" : refreshedAt),
                new Cell(flags.isEmpty() ? "–" : flagsText(msg), flagsText(Languages.messages(Locale.ENGLISH))));
    }

    public static final List<String> COLUMNS = List.of("Client", "MRR", "Net new MRR", "MRR growth", "Customer churn",
            "Net MRR churn", "CAC", "LTV:CAC", "Visitor conversion", "Renewals due (30 days)", "MRR at risk (30 days)",
            "Last upload", "Figures as of", "Flags");

    /** The flags in one line, in the words of msg. */
    public String flagsText(Messages msg) {
        return String.join("; ", flags.stream().map(flag -> flag.text(msg)).toList());
    }

    public record Cell(String text, String sortValue) {
    }

    private static Cell cell(Formats formats, BigDecimal value, Unit unit) {
        return new Cell(formats.value(value, unit), value == null ? "" : value.toPlainString());
    }
}
