package com.merchantmetrics.dashboard;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.merchantmetrics.metrics.MetricDefinition.Group;
import com.merchantmetrics.metrics.MetricsService;
import com.merchantmetrics.tenant.TenantAccess;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The overview and group pages' content (everything inside the page shell), rendered once per tenant, rollup
 * version, section, period, view, filters and language. Like the metrics reports, an entry is keyed by the rollup's
 * refresh instant, so a page is never older than the rollup on any replica. The content is the same for every member
 * (nothing in it depends on the reader's role); the shell around it (the reader's name, tenants, CSRF token) is
 * rendered on every request.
 */
@ApplicationScoped
public class DashboardPages {

    @CheckedTemplate(basePath = "Dashboard")
    static class Templates {
        static native TemplateInstance overviewContent(Dashboard dashboard);

        static native TemplateInstance groupContent(Dashboard dashboard);
    }

    /** A page's title and its rendered content. */
    public record Rendered(String title, String html) {
    }

    private record PageKey(long tenantId, String name, String currency, String timeZone, String rollupVersion, Optional<Group> group,
            Period period, String language) {
    }

    private final DashboardService dashboards;
    private final MetricsService metrics;
    private final Cache pages;

    DashboardPages(DashboardService dashboards, MetricsService metrics, @CacheName("dashboard-pages") Cache pages) {
        this.dashboards = dashboards;
        this.metrics = metrics;
        this.pages = pages;
    }

    /** group: empty for the overview. */
    public Rendered page(TenantAccess tenant, Optional<Group> group, Period period, Locale locale) {
        PageKey key = new PageKey(tenant.tenantId(), tenant.name(), tenant.reportingCurrency(), tenant.timeZone(),
                metrics.rollupVersion(tenant.schema()), group, period, locale.getLanguage());
        return pages.get(key, k -> render(tenant, group, period, locale)).await().indefinitely();
    }

    private Rendered render(TenantAccess tenant, Optional<Group> group, Period period, Locale locale) {
        Dashboard dashboard = group.map(g -> dashboards.group(tenant, g, period, locale))
                .orElseGet(() -> dashboards.overview(tenant, period, locale));
        TemplateInstance content = group.isPresent() ? Templates.groupContent(dashboard) : Templates.overviewContent(dashboard);
        content.setLocale(locale);
        return new Rendered(dashboard.title(), content.render());
    }
}
