package com.merchantmetrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;

/** A re-import that moves rows to a later month, or replaces a dataset, also recomputes the months the old rows were in. */
@QuarkusTest
class ReimportRefreshTest {

    private static final String MARCH_REVENUE = "SELECT coalesce(value, 0)::numeric(12, 2)::text FROM rollup_metrics WHERE metric = 'revenue' AND dimension = '' "
            + "AND month = '2024-03-01'";

    @Inject
    TestTenants tenants;

    @Test
    void anOrderMovedToALaterMonthLeavesItsOldMonth() {
        Tenant tenant = owned("moved");
        Uploads.post(tenant, "orders", "order_id,customer_id,ordered_at,amount,currency\n"
                + "o1,c1,2024-03-10,40.00,USD\no2,c2,2024-05-02,10.00,USD\n").then().statusCode(200);
        assertThat(tenants.value(tenant, MARCH_REVENUE)).isEqualTo("40.00");

        Uploads.post(tenant, "orders", "order_id,customer_id,ordered_at,amount,currency\no1,c1,2024-05-10,40.00,USD\n")
                .then().statusCode(200);

        assertThat(tenants.value(tenant, MARCH_REVENUE)).isEqualTo("0.00");
    }

    @Test
    void replacingADatasetRecomputesTheMonthsOfTheRowsItRemoved() {
        Tenant tenant = owned("replaced");
        Uploads.post(tenant, "orders", "order_id,customer_id,ordered_at,amount,currency\n"
                + "o1,c1,2024-03-10,40.00,USD\n").then().statusCode(200);
        assertThat(tenants.value(tenant, MARCH_REVENUE)).isEqualTo("40.00");

        Uploads.post("alice", tenant, "orders", "replace", false,
                "order_id,customer_id,ordered_at,amount,currency\no9,c9,2024-06-01,15.00,USD\n".getBytes(), "orders.csv")
                .then().statusCode(200);

        assertThat(tenants.value(tenant, MARCH_REVENUE)).isEqualTo("0.00");
    }

    /** A tenant whose data starts in January 2024 (traffic), so March stays inside the rollup's range. */
    private Tenant owned(String prefix) {
        Tenant tenant = tenants.create(prefix);
        tenants.grant(tenant, "alice", TenantRole.owner);
        Uploads.post(tenant, "traffic", "date,visitors\n2024-01-01,10\n").then().statusCode(200);
        return tenant;
    }
}
