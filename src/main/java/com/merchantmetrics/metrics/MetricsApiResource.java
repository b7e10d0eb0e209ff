package com.merchantmetrics.metrics;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import com.merchantmetrics.metrics.MetricDefinition.Group;
import com.merchantmetrics.tenant.CurrentTenant;

/** The metrics of a tenant as JSON, for every member and API key of the tenant. */
@Path("/api/v1/tenants/{slug}/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsApiResource {

    private static final int MAX_MONTHS = 120;

    private final CurrentTenant currentTenant;
    private final MetricsService metrics;
    private final CohortService cohorts;

    MetricsApiResource(CurrentTenant currentTenant, MetricsService metrics, CohortService cohorts) {
        this.currentTenant = currentTenant;
        this.metrics = metrics;
        this.cohorts = cohorts;
    }

    @GET
    @Operation(summary = "Every metric per month", description = "Values per month from the tenant's rollup: money in the "
            + "reporting currency rounded to its minor unit, rates as fractions, null with a reason when a metric cannot be "
            + "computed, inputs the value was computed from, and breakdowns (per channel, page, reason, billing period). "
            + "Filters restrict every metric to the matching customers; a metric a filter cannot restrict is null with the "
            + "reason, e.g. {\"value\": null, \"reason\": \"traffic is not broken down by segment\"}. The answer's \"filters\" "
            + "lists the filters applied, e.g. {\"segment\": \"b2b\", \"channel\": \"paid_search\"}, and \"view\" the view.")
    public Response metrics(
            @Parameter(description = "first month, YYYY-MM", example = "2024-01") @RestQuery String from,
            @Parameter(description = "last month, YYYY-MM", example = "2024-12") @RestQuery String to,
            @Parameter(description = "acquisition, retention or revenue; all when absent") @RestQuery String group,
            @Parameter(description = "b2b or b2c: customers of that segment (customers.csv)", example = "b2b") @RestQuery String segment,
            @Parameter(description = "customers acquired through this channel (acquisition_channel, else the channel of the "
                    + "first order, else of the converted lead)", example = "paid_search") @RestQuery String channel,
            @Parameter(description = "customers of this country, ISO 3166 alpha-2", example = "DE") @RestQuery String country,
            @Parameter(description = "the MRR of subscriptions on this plan (subscription metrics only)", example = "pro") @RestQuery String plan,
            @Parameter(description = "monthly (default) or t12m: each month's value over the 12 months ending with it (flows "
                    + "summed, stocks at the month's end, rates from the 12-month sums)", example = "t12m") @RestQuery String view) {
        YearMonth first = month("from", from);
        YearMonth last = last(first, to);
        MetricFilter filter;
        MetricView metricView;
        try {
            filter = MetricFilter.parse(segment, channel, country, plan);
            metricView = MetricView.parse(view);
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        return Response.ok(metrics.report(currentTenant.access(), first, last, group(group), filter, metricView)).build();
    }

    @Path("/cohorts")
    @GET
    @Operation(summary = "Cohorts by acquisition month", description = "One matrix row per cohort (customers acquired in a "
            + "month of the range), one cell per month since acquisition (0 = the acquisition month) up to \"to\": "
            + "subscription cohorts (subscribers at the end of the month ÷ the cohort's customers), buyer cohorts (customers "
            + "with a completed order above zero in the month ÷ customers) and revenue cohorts (the cohort's MRR at the end "
            + "of the month ÷ at the end of month 0, and cumulative revenue per customer). Example cell: {\"monthsSince\": 1, "
            + "\"month\": \"2024-02\", \"subscribers\": 2, \"subscriberShare\": 0.5, \"buyers\": 1, \"buyerShare\": 0.25, "
            + "\"mrr\": 120.00, \"mrrRetention\": 1.2, \"revenue\": 40.00, \"cumulativeRevenuePerCustomer\": 35.00}")
    public CohortReport cohorts(
            @Parameter(description = "first cohort month, YYYY-MM", example = "2024-01") @RestQuery String from,
            @Parameter(description = "last cohort month and last month of the cells, YYYY-MM", example = "2024-12") @RestQuery String to) {
        YearMonth first = month("from", from);
        return cohorts.cohorts(currentTenant.access(), first, last(first, to));
    }

    private static YearMonth last(YearMonth first, String to) {
        YearMonth last = month("to", to);
        if (last.isBefore(first)) {
            throw badRequest("\"to\" (" + last + ") is before \"from\" (" + first + ")");
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last)) {
            throw badRequest("at most " + MAX_MONTHS + " months per request");
        }
        return last;
    }

    private static YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            throw badRequest("\"" + name + "\" is required, a month like 2024-01");
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw badRequest("\"" + name + "\" must be a month like 2024-01, not \"" + value + "\"");
        }
    }

    private static Optional<Group> group(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(Group.values()).filter(g -> g.name().equals(value.strip())).findFirst()
                .or(() -> {
                    throw badRequest("unknown group \"" + value + "\": choose acquisition, retention or revenue");
                });
    }

    private static BadRequestException badRequest(String message) {
        return new BadRequestException(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "bad_request", "message", message)).build());
    }

    /** The catalogue, for clients that show definitions. */
    @Path("/definitions")
    @GET
    @Operation(summary = "Definitions of every metric: id, name, group, unit, formula and explanation")
    public List<MetricDefinition> definitions() {
        return MetricCatalogue.all();
    }
}
