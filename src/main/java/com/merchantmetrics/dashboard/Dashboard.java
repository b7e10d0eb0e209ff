package com.merchantmetrics.dashboard;

import java.util.List;

import com.merchantmetrics.tenant.TenantAccess;

/**
 * Everything one dashboard page shows for a tenant and period; labels and refreshedAt as the reader's language writes them.
 * filterChoices: the channel, country and plan selects of the filter form; filterLabel: the filters applied, in the reader's language.
 */
public record Dashboard(TenantAccess tenant, String section, String title, Period period, String periodLabel, String fromLabel,
        String toLabel, List<Tile> tiles, List<Chart> charts, List<CohortHeatmap> heatmaps, String refreshedAt,
        List<FilterChoice> filterChoices, String filterLabel) {

    public boolean hasNoData() {
        return refreshedAt == null;
    }
}
