package com.merchantmetrics.dashboard;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.core.CsvDownload;
import com.merchantmetrics.metrics.MetricCatalogue;
import com.merchantmetrics.metrics.MetricDefinition.Group;
import com.merchantmetrics.security.CurrentUser;
import com.merchantmetrics.tenant.CurrentTenant;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.web.Languages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/** The overview and the acquisition, retention and revenue pages of a tenant, and their CSV exports. */
@Path("/t/{slug}")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate(basePath = "Dashboard")
    static class Templates {
        static native TemplateInstance page(String title, TenantAccess tenant, RawString content);
    }

    private final CurrentTenant currentTenant;
    private final CurrentUser currentUser;
    private final DashboardService dashboards;
    private final DashboardPages pages;
    private final AuditLog auditLog;
    private final Languages languages;

    DashboardResource(CurrentTenant currentTenant, CurrentUser currentUser, DashboardService dashboards, DashboardPages pages,
            AuditLog auditLog, Languages languages) {
        this.languages = languages;
        this.pages = pages;
        this.currentTenant = currentTenant;
        this.currentUser = currentUser;
        this.dashboards = dashboards;
        this.auditLog = auditLog;
    }

    /** The URL's parameters of every dashboard page and export: months, view and filters (see {@link Period}). */
    public static class PeriodParameters {
        @QueryParam("range")
        String range;
        @QueryParam("from")
        String from;
        @QueryParam("to")
        String to;
        @QueryParam("view")
        String view;
        @QueryParam("segment")
        String segment;
        @QueryParam("channel")
        String channel;
        @QueryParam("country")
        String country;
        @QueryParam("plan")
        String plan;

        Period.Selection selection() {
            return new Period.Selection(range, from, to, view, segment, channel, country, plan);
        }
    }

    @GET
    public TemplateInstance overview(@BeanParam PeriodParameters parameters) {
        return page(Optional.empty(), parameters);
    }

    @GET
    @Path("acquisition")
    public TemplateInstance acquisition(@BeanParam PeriodParameters parameters) {
        return page(Optional.of(Group.acquisition), parameters);
    }

    @GET
    @Path("retention")
    public TemplateInstance retention(@BeanParam PeriodParameters parameters) {
        return page(Optional.of(Group.retention), parameters);
    }

    @GET
    @Path("revenue")
    public TemplateInstance revenue(@BeanParam PeriodParameters parameters) {
        return page(Optional.of(Group.revenue), parameters);
    }

    /**
     * section: overview, acquisition, retention or revenue; chart: the id of one chart of that page for its table,
     * or absent for every metric of the section month by month.
     */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("section") String section, @QueryParam("chart") String chart,
            @BeanParam PeriodParameters parameters) {
        Period period = period(parameters);
        Optional<Group> group = section == null || section.isBlank() || section.equals("overview") ? Optional.empty()
                : Optional.of(parseGroup(section));
        List<List<String>> rows = new ArrayList<>();
        String fileName;
        if (chart != null && !chart.isBlank()) {
            Dashboard dashboard = group.map(g -> dashboards.group(tenant(), g, period, languages.locale()))
                    .orElseGet(() -> dashboards.overview(tenant(), period, languages.locale()));
            Optional<Chart> table = dashboard.charts().stream().filter(c -> c.id().equals(chart)).findFirst();
            Optional<CohortHeatmap> heatmap = dashboard.heatmaps().stream().filter(h -> h.id().equals(chart)).findFirst();
            if (table.isPresent()) {
                rows.add(table.get().columns());
                table.get().rows().forEach(row -> rows.add(row.stream().map(Chart.Cell::sortValue).toList()));
            } else {
                rows.addAll(heatmap.orElseThrow(() -> new NotFoundException("No chart " + chart + " on this page")).table());
            }
            fileName = chart;
        } else {
            rows.add(List.of("month", "metric", "name", "value", "unit", "reason"));
            dashboards.report(tenant(), period, group).months().forEach(month -> month.metrics().forEach((id, value) -> rows.add(
                    List.of(month.month(), id, MetricCatalogue.byId(id).orElseThrow().name(),
                            value.value() == null ? "" : value.value().toPlainString(), value.unit(),
                            value.reason() == null ? "" : value.reason()))));
            fileName = group.map(Group::name).orElse("metrics");
        }
        fileName = tenant().slug() + "-" + fileName + "-" + period.from() + "-" + period.to() + ".csv";
        auditLog.record(currentUser.actor(), tenant().tenantId(), "metrics.exported", fileName);
        return CsvDownload.of(fileName, rows);
    }

    private TemplateInstance page(Optional<Group> group, PeriodParameters parameters) {
        DashboardPages.Rendered page = pages.page(tenant(), group, period(parameters), languages.locale());
        return Templates.page(page.title(), tenant(), new RawString(page.html()));
    }

    private Period period(PeriodParameters parameters) {
        return Period.of(parameters.selection(), ZoneId.of(tenant().timeZone()));
    }

    private static Group parseGroup(String section) {
        try {
            return Group.valueOf(section);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No section " + section);
        }
    }

    private TenantAccess tenant() {
        return currentTenant.access();
    }
}
