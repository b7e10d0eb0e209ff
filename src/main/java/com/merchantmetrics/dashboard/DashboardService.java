package com.merchantmetrics.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.merchantmetrics.metrics.MetricCatalogue;
import com.merchantmetrics.metrics.MetricDefinition;
import com.merchantmetrics.metrics.MetricDefinition.Group;
import com.merchantmetrics.metrics.MetricDefinition.Unit;
import com.merchantmetrics.metrics.MetricFilter.Dimension;
import com.merchantmetrics.metrics.MetricsReport;
import com.merchantmetrics.metrics.MetricsService;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.web.Languages;
import com.merchantmetrics.web.Messages;

/** Turns the metrics service's report into the tiles and charts of the overview and the three group pages. */
@ApplicationScoped
public class DashboardService {

    static final List<String> OVERVIEW = List.of("mrr", "net_new_mrr", "revenue", "new_customers", "visitor_conversion_rate",
            "subscriber_churn_rate", "buyer_churn_rate", "cac", "ltv_cac");

    /** A line of a time-series chart; negative lines are drawn below zero (churn, contraction). */
    record Line(String metric, String type, String stack, boolean negative) {
        static Line line(String metric) {
            return new Line(metric, "line", null, false);
        }

        static Line bar(String metric, String stack) {
            return new Line(metric, "bar", stack, false);
        }

        static Line barBelow(String metric, String stack) {
            return new Line(metric, "bar", stack, true);
        }
    }

    private final MetricsService metrics;
    private final CohortHeatmaps cohortHeatmaps;
    private final ObjectMapper json;

    DashboardService(MetricsService metrics, CohortHeatmaps cohortHeatmaps, ObjectMapper json) {
        this.metrics = metrics;
        this.cohortHeatmaps = cohortHeatmaps;
        this.json = json;
    }

    public Dashboard overview(TenantAccess tenant, Period period, Locale locale) {
        View view = view(tenant, period, locale);
        Messages msg = view.msg();
        List<Tile> tiles = OVERVIEW.stream().map(id -> view.tile(MetricCatalogue.byId(id).orElseThrow())).toList();
        List<Chart> charts = List.of(view.timeSeries("overview-mrr", msg.chartOverviewMrr(), msg.chartOverviewMrrDescription(),
                Line.line("mrr"), Line.bar("revenue", null)));
        return view.dashboard("overview", msg.overview(), tiles, charts, List.of());
    }

    public Dashboard group(TenantAccess tenant, Group group, Period period, Locale locale) {
        View view = view(tenant, period, locale);
        Messages msg = view.msg();
        List<Tile> tiles = MetricCatalogue.byGroup(group).stream().map(view::tile).toList();
        List<Chart> charts = switch (group) {
            case acquisition -> List.of(
                    view.timeSeries("conversion", msg.chartConversion(), msg.chartConversionDescription(),
                            Line.line("visitor_conversion_rate"), Line.line("one_time_conversion_rate"),
                            Line.line("subscription_conversion_rate")),
                    view.breakdown("lead-conversion", msg.chartLeadConversion(), "lead_conversion_rate", "channel"),
                    view.breakdown("cac-channel", msg.chartCacChannel(), "cac", "channel"),
                    view.timeSeries("spend", msg.chartSpend(), msg.chartSpendDescription(),
                            Line.bar("marketing_spend", "spend"), Line.bar("sales_spend", "spend"), Line.line("cac")),
                    view.breakdown("visitor-conversion-channel", msg.chartVisitorConversionChannel(), "visitor_conversion_rate", "channel"));
            case retention -> List.of(
                    view.timeSeries("mrr-movements", msg.chartMrrMovements(), msg.chartMrrMovementsDescription(),
                            Line.bar("new_mrr", "movements"), Line.bar("expansion_mrr", "movements"),
                            Line.bar("reactivation_mrr", "movements"), Line.barBelow("contraction_mrr", "movements"),
                            Line.barBelow("churned_mrr", "movements"), Line.line("net_new_mrr")),
                    view.timeSeries("churn-rates", msg.chartChurnRates(), msg.chartChurnRatesDescription(),
                            Line.line("subscriber_churn_rate"), Line.line("buyer_churn_rate"), Line.line("gross_mrr_churn_rate"),
                            Line.line("net_mrr_churn_rate")),
                    view.breakdownOverPeriod("churn-reasons", msg.chartChurnReasons(), "churned_mrr", "reason"),

                    RenewalChart.of(view.monthsOfPeriod(), view.report.currency(), msg.periodLabel(view.period).toLowerCase(locale),
                            view.formats, msg, json));
            case revenue -> List.of(
                    view.timeSeries("mrr-arr", msg.chartMrrArr(), msg.chartMrrArrDescription(), Line.line("mrr"), Line.line("arr")),
                    view.timeSeries("revenue", msg.chartRevenue(), msg.chartRevenueDescription(),
                            Line.bar("revenue", null)),
                    view.timeSeries("order-value", msg.chartOrderValue(), msg.chartOrderValueDescription(),
                            Line.line("arpa"), Line.line("aov")),
                    view.timeSeries("repeat", msg.chartRepeat(), msg.chartRepeatDescription(),
                            Line.line("repeat_purchase_rate")));
        };
        List<CohortHeatmap> heatmaps = group == Group.retention ? cohortHeatmaps.of(tenant, period, view.formats, msg) : List.of();
        return view.dashboard(group.name(), title(group, msg), tiles, charts, heatmaps);
    }

    /** The metrics of a period as rows (month, metric, value, reason) for the CSV export. */
    public MetricsReport report(TenantAccess tenant, Period period, Optional<Group> group) {
        return metrics.report(tenant, period.from(), period.to(), group, period.filter(), period.view());
    }

    private View view(TenantAccess tenant, Period period, Locale locale) {
        YearMonth yearBefore = period.to().minusMonths(12);
        YearMonth from = yearBefore.isBefore(period.from()) ? yearBefore : period.from();
        MetricsReport report = metrics.report(tenant, from, period.to(), Optional.empty(), period.filter(), period.view());
        Messages msg = Languages.messages(locale);
        Formats formats = Formats.of(locale, tenant.reportingCurrency());
        return new View(tenant, report, period, formats, msg, json, metrics.filterOptions(tenant));
    }

    static String title(Group group, Messages msg) {
        return switch (group) {
            case acquisition -> msg.acquisition();
            case retention -> msg.retention();
            case revenue -> msg.revenue();
        };
    }

    /** One report read once, shaped into tiles and charts in one language. */
    private record View(TenantAccess tenant, MetricsReport report, Period period, Formats formats, Messages msg, ObjectMapper json,
            MetricsService.FilterOptions filterOptions) {

        Dashboard dashboard(String section, String title, List<Tile> tiles, List<Chart> charts, List<CohortHeatmap> heatmaps) {
            return new Dashboard(tenant, section, title, period, msg.periodLabel(period), formats.month(period.from()),
                    formats.month(period.to()), tiles, charts, heatmaps, formats.dateTime(report.refreshedAt(), ZoneId.of(tenant.timeZone())),
                    filterChoices(), filterLabel());
        }

        List<FilterChoice> filterChoices() {
            return List.of(choice(Dimension.channel, filterOptions.channels()), choice(Dimension.country, filterOptions.countries()),
                    choice(Dimension.plan, filterOptions.plans()));
        }

        /** A value from a link that the data does not hold (yet) stays selectable, so the form keeps it. */
        private FilterChoice choice(Dimension dimension, List<String> options) {
            String selected = period.filter().value(dimension).orElse(null);
            List<String> all = selected == null || options.contains(selected) ? options
                    : Stream.concat(options.stream(), Stream.of(selected)).toList();
            return new FilterChoice(dimension.name(), label(dimension), all, selected);
        }

        /** "segment b2b · channel paid_search" in the reader's language. */
        String filterLabel() {
            return period.filter().applied().entrySet().stream()
                    .map(applied -> label(applied.getKey()).toLowerCase(formats.locale()) + " " + applied.getValue())
                    .collect(Collectors.joining(" · "));
        }

        private String label(Dimension dimension) {
            return switch (dimension) {
                case segment -> msg.filterSegment();
                case channel -> msg.filterChannel();
                case country -> msg.filterCountry();
                case plan -> msg.filterPlan();
            };
        }

        MetricsReport.Value value(YearMonth month, String metric) {
            return report.months().stream().filter(m -> m.month().equals(month.toString())).findFirst()
                    .map(m -> m.metrics().get(metric)).orElse(null);
        }

        BigDecimal number(YearMonth month, String metric) {
            MetricsReport.Value value = value(month, metric);
            return value == null ? null : value.value();
        }

        List<MetricsReport.Month> monthsOfPeriod() {
            return report.months().stream().filter(m -> !YearMonth.parse(m.month()).isBefore(period.from())).toList();
        }

        List<YearMonth> months() {
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth month = period.from(); !month.isAfter(period.to()); month = month.plusMonths(1)) {
                months.add(month);
            }
            return months;
        }

        Tile tile(MetricDefinition definition) {
            YearMonth month = period.to();
            MetricsReport.Value current = value(month, definition.id());
            BigDecimal now = current == null ? null : current.value();
            String reason = now == null ? reason(definition, current) : null;
            return new Tile(definition, msg.metricName(definition), msg.metricFormula(definition), msg.metricExplanation(definition),
                    formats.month(month), formats.value(now, definition.unit()),
                    change(definition, number(month.minusMonths(1), definition.id()), now),
                    change(definition, number(month.minusMonths(12), definition.id()), now),
                    Sparkline.points(months().stream().map(m -> number(m, definition.id())).toList()), reason,
                    definition.needs(), inputs(current));
        }

        /** Why a metric has no value, in the page's language. */
        String reason(MetricDefinition definition, MetricsReport.Value current) {
            if (current == null || current.reason() == null) {
                return msg.noDataForMonth();
            }
            if (current.reason().equals(MetricsService.noDataReason(definition))) {
                return msg.noDataYetUpload(String.join(" " + msg.and() + " ", definition.needs()));
            }
            MetricCatalogue.Filtering filtering = MetricCatalogue.filtering(definition.id());
            if (filtering.reasonNotApplicable(period.filter()).filter(current.reason()::equals).isPresent()) {
                return msg.notBrokenDown(current.reason(), filtering.notBrokenDown(),
                        filtering.dimensionNotApplicable(period.filter()).orElseThrow().name());
            }
            return msg.metricReason(current.reason());
        }

        Tile.Change change(MetricDefinition definition, BigDecimal before, BigDecimal now) {
            String text = formats.change(before, now, definition.unit());
            if (text == null) {
                return null;
            }
            int direction = now.compareTo(before);
            String tone = direction == 0 ? "neutral" : (direction > 0) == definition.higherIsBetter() ? "good" : "bad";
            return new Tile.Change(text, tone);
        }

        List<Tile.Input> inputs(MetricsReport.Value value) {
            List<Tile.Input> inputs = new ArrayList<>();
            if (value == null || value.inputs() == null) {
                return inputs;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.inputs().fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode node = field.getValue();
                String text = node.isNumber() ? formats.number(node.decimalValue(), node.isIntegralNumber() ? 0 : 2) : node.asText();
                inputs.add(new Tile.Input(msg.inputName(field.getKey().replace('_', ' ')), text));
            }
            return inputs;
        }

        Chart timeSeries(String id, String title, String description, Line... lines) {
            List<YearMonth> months = months();
            ObjectNode spec = json.createObjectNode();
            ArrayNode categories = spec.putArray("categories");
            months.forEach(m -> categories.add(formats.month(m)));
            ArrayNode series = spec.putArray("series");
            List<String> columns = new ArrayList<>(List.of(msg.month()));
            boolean anyValue = false;
            for (Line line : lines) {
                MetricDefinition definition = MetricCatalogue.byId(line.metric()).orElseThrow();
                columns.add(msg.metricName(definition));
                ObjectNode entry = series.addObject().put("name", msg.metricName(definition)).put("type", line.type())
                        .put("unit", definition.unit().name());
                if (line.stack() != null) {
                    entry.put("stack", line.stack());
                }
                ArrayNode data = entry.putArray("data");
                for (YearMonth month : months) {
                    BigDecimal value = number(month, line.metric());
                    anyValue |= value != null;
                    if (value == null) {
                        data.addNull();
                    } else {
                        data.add(line.negative() ? value.negate() : value);
                    }
                }
            }
            spec.put("currency", report.currency());
            List<List<Chart.Cell>> rows = new ArrayList<>();
            if (anyValue) {
                for (YearMonth month : months) {
                    List<Chart.Cell> row = new ArrayList<>(List.of(new Chart.Cell(formats.month(month), month.toString())));
                    for (Line line : lines) {
                        BigDecimal value = number(month, line.metric());
                        Unit unit = MetricCatalogue.byId(line.metric()).orElseThrow().unit();
                        row.add(new Chart.Cell(formats.value(value, unit), value == null ? "" : value.toPlainString()));
                    }
                    rows.add(row);
                }
            }
            return new Chart(id, title, description, spec.toString(), columns, rows);
        }

        /** A breakdown (per channel, reason…) of one metric in the last month of the period. */
        Chart breakdown(String id, String title, String metric, String dimension) {
            MetricsReport.Value value = value(period.to(), metric);
            Map<String, MetricsReport.Value> parts = value == null ? Map.of()
                    : value.breakdowns().getOrDefault(dimension, Map.of());
            return breakdownChart(id, title, msg.breakdownInMonth(title, formats.month(period.to())), metric, dimension, parts);
        }

        /** A breakdown of a metric that adds up over months (churned MRR by reason), summed over the period. */
        Chart breakdownOverPeriod(String id, String title, String metric, String dimension) {
            Map<String, BigDecimal> sums = new TreeMap<>();
            Map<String, Long> customers = new TreeMap<>();
            for (YearMonth month : months()) {
                MetricsReport.Value value = value(month, metric);
                if (value == null) {
                    continue;
                }
                value.breakdowns().getOrDefault(dimension, Map.of()).forEach((key, part) -> {
                    sums.merge(key, part.value() == null ? BigDecimal.ZERO : part.value(), BigDecimal::add);
                    customers.merge(key, part.inputs() == null ? 0L : part.inputs().path("customers").asLong(), Long::sum);
                });
            }
            Map<String, MetricsReport.Value> parts = new LinkedHashMap<>();
            sums.forEach((key, sum) -> parts.put(key, new MetricsReport.Value(sum, null, null,
                    json.createObjectNode().put("customers", customers.get(key)), Map.of())));
            return breakdownChart(id, title, msg.breakdownOverPeriod(title, msg.periodLabel(period).toLowerCase(formats.locale())), metric,
                    dimension, parts);
        }

        private Chart breakdownChart(String id, String title, String description, String metric, String dimension,
                Map<String, MetricsReport.Value> parts) {
            MetricDefinition definition = MetricCatalogue.byId(metric).orElseThrow();
            ObjectNode spec = json.createObjectNode().put("horizontal", true).put("currency", report.currency());
            ArrayNode categories = spec.putArray("categories");
            ArrayNode series = spec.putArray("series");
            ArrayNode data = series.addObject().put("name", msg.metricName(definition)).put("type", "bar")
                    .put("unit", definition.unit().name()).putArray("data");
            List<String> columns = new ArrayList<>(List.of(msg.dimension(dimension), msg.metricName(definition)));
            List<String> inputNames = new ArrayList<>();
            parts.values().stream().filter(p -> p.inputs() != null).findFirst()
                    .ifPresent(p -> p.inputs().fieldNames().forEachRemaining(inputNames::add));
            inputNames.forEach(name -> columns.add(capitalised(msg.inputName(name.replace('_', ' ')))));
            List<List<Chart.Cell>> rows = new ArrayList<>();
            parts.forEach((key, part) -> {
                categories.add(msg.breakdownKey(key));
                if (part.value() == null) {
                    data.addNull();
                } else {
                    data.add(part.value());
                }
                List<Chart.Cell> row = new ArrayList<>(List.of(new Chart.Cell(msg.breakdownKey(key), key),
                        new Chart.Cell(formats.value(part.value(), definition.unit()),
                                part.value() == null ? "" : part.value().toPlainString())));
                for (String name : inputNames) {
                    JsonNode input = part.inputs() == null ? null : part.inputs().get(name);
                    String text = input == null || input.isNull() ? "–"
                            : input.isNumber() ? formats.number(input.decimalValue(), input.isIntegralNumber() ? 0 : 1) : input.asText();
                    row.add(new Chart.Cell(text, input == null || input.isNull() ? "" : input.asText()));
                }
                rows.add(row);
            });
            return new Chart(id, title, description, spec.toString(), columns, rows);
        }

        private static String capitalised(String text) {
            return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }
}
