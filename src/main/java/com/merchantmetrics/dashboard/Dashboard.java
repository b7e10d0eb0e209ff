package com.merchantmetrics.dashboard;

import java.util.List;

import com.merchantmetrics.tenant.TenantAccess;

/** Everything one dashboard page shows for a tenant and period. */
public record Dashboard(TenantAccess tenant, String section, String title, Period period, List<Tile> tiles, List<Chart> charts,
        List<CohortHeatmap> heatmaps, String refreshedAt) {

    public boolean hasNoData() {
        return refreshedAt == null;
    }
}
