package com.merchantmetrics.portfolio;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.core.CsvDownload;
import com.merchantmetrics.dashboard.Formats;
import com.merchantmetrics.security.CurrentUser;
import com.merchantmetrics.web.Languages;
import com.merchantmetrics.web.Messages;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** An account manager's clients side by side, the ones needing attention first. */
@Path("/portfolio")
@Produces(MediaType.TEXT_HTML)
public class PortfolioResource {

    @CheckedTemplate(basePath = "Portfolio")
    static class Templates {
        static native TemplateInstance index(View view);
    }

    /** What the page shows; query is the URL state (month and filters) for links and the export. */
    public record View(YearMonth month, String filter, boolean flaggedOnly, List<Line> lines, int clients,
            PortfolioThresholds thresholds, List<String> problems, String message, String query, Locale locale) {

        public List<String> columns() {
            Messages msg = Languages.messages(locale);
            return ClientRow.COLUMNS.stream().map(msg::portfolioColumn).toList();
        }

        public YearMonth periodStart() {
            return month.minusMonths(11);
        }
    }

    /** A client's row with its cells, formatted once for the page. */
    public record Line(ClientRow row, List<ClientRow.Cell> cells) {
    }

    private final PortfolioService portfolio;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;

    private final Languages languages;

    PortfolioResource(PortfolioService portfolio, CurrentUser currentUser, AuditLog auditLog, Languages languages) {
        this.languages = languages;
        this.portfolio = portfolio;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    @GET
    public TemplateInstance index(@QueryParam("month") String month, @QueryParam("q") String filter,
            @QueryParam("flagged") boolean flaggedOnly) {
        return Templates.index(view(month, filter, flaggedOnly, List.of(), null));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("month") String month, @QueryParam("q") String filter,
            @QueryParam("flagged") boolean flaggedOnly) {
        View view = view(month, filter, flaggedOnly, List.of(), null);
        String fileName = "portfolio-" + view.month() + ".csv";
        auditLog.record(currentUser.actor(), null, "portfolio.exported", fileName + " (" + view.lines().size() + " clients)");
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("month", "slug", "currency"));
        header.addAll(ClientRow.COLUMNS);
        rows.add(header);
        for (Line line : view.lines()) {
            ClientRow row = line.row();
            List<String> record = new ArrayList<>(List.of(view.month().toString(), row.tenant().slug(), row.tenant().reportingCurrency()));
            line.cells().forEach(cell -> record.add(cell.sortValue()));
            rows.add(record);
        }
        return CsvDownload.of(fileName, rows);
    }

    @POST
    @Path("thresholds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveThresholds(@RestForm("min_ltv_cac") String minLtvCac,
            @RestForm("max_churn_rise_points") String maxChurnRise, @RestForm("max_days_without_upload") String maxDays) {
        Messages msg = languages.messages();
        List<String> problems = new ArrayList<>();
        BigDecimal ltvCac = decimal(msg.minimumLtvCac(), minLtvCac, false, problems, msg);
        BigDecimal churnRise = decimal(msg.churnRise(), maxChurnRise, true, problems, msg);
        Integer days = null;
        try {
            days = Integer.valueOf(maxDays == null ? "" : maxDays.trim());
            if (days < 1) {
                problems.add(msg.daysMustBePositive(maxDays));
            }
        } catch (NumberFormatException e) {
            problems.add(msg.daysNotAWholeNumber(maxDays));
        }
        if (!problems.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.index(view(null, null, false, problems, null))).build();
        }
        save(ltvCac, churnRise, days);
        return Response.ok(Templates.index(view(null, null, false, List.of(), msg.thresholdsSaved()))).build();
    }

    private void save(BigDecimal minLtvCac, BigDecimal maxChurnRise, int maxDays) {
        long userId = currentUser.get().id;
        QuarkusTransaction.requiringNew().run(() -> {
            PortfolioThresholds thresholds = PortfolioThresholds.forUser(userId);
            thresholds.minLtvCac = minLtvCac;
            thresholds.maxChurnRisePoints = maxChurnRise;
            thresholds.maxDaysWithoutUpload = maxDays;
            if (!thresholds.isPersistent()) {
                thresholds.persist();
            }
        });
    }

    private View view(String monthText, String filter, boolean flaggedOnly, List<String> problems, String message) {
        List<String> allProblems = new ArrayList<>(problems);
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        if (monthText != null && !monthText.isBlank()) {
            try {
                month = YearMonth.parse(monthText.trim());
            } catch (DateTimeParseException e) {
                allProblems.add(languages.messages().notAMonth(monthText, month.toString()));
            }
        }
        long userId = currentUser.get().id;
        PortfolioThresholds thresholds = QuarkusTransaction.joiningExisting().call(() -> PortfolioThresholds.forUser(userId));
        List<ClientRow> all = portfolio.rows(userId, month, thresholds);
        String needle = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        List<ClientRow> shown = all.stream()
                .filter(row -> needle.isEmpty() || row.tenant().name().toLowerCase(Locale.ROOT).contains(needle)
                        || row.tenant().slug().contains(needle))
                .filter(row -> !flaggedOnly || row.flagged()).toList();
        String query = "month=" + month + (needle.isEmpty() ? "" : "&q=" + URLEncoder.encode(filter.trim(), StandardCharsets.UTF_8))
                + (flaggedOnly ? "&flagged=true" : "");
        Locale locale = languages.locale();
        return new View(month, filter == null ? "" : filter, flaggedOnly, lines(shown, locale), all.size(), thresholds, allProblems,
                message, query, locale);
    }

    private static List<Line> lines(List<ClientRow> rows, Locale locale) {
        Messages msg = Languages.messages(locale);
        Map<String, Formats> formatsByCurrency = new HashMap<>();
        return rows.stream().map(row -> new Line(row, row.cells(
                formatsByCurrency.computeIfAbsent(row.tenant().reportingCurrency(), currency -> Formats.of(locale, currency)), msg)))
                .toList();
    }

    private static BigDecimal decimal(String field, String text, boolean positive, List<String> problems, Messages msg) {
        try {
            BigDecimal value = new BigDecimal(text == null ? "" : text.trim());
            if (value.signum() < 0 || (positive && value.signum() == 0)) {
                problems.add(positive ? msg.mustBeAboveZero(field, text) : msg.mustBeAtLeastZero(field, text));
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(msg.notANumber(field, text));
            return null;
        }
    }
}
