package com.merchantmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;

/** A new month appears in the rollup without waiting for the next import. */
@QuarkusTest
class RollupCatchUpTest {

    @Inject
    TestTenants tenants;

    @Inject
    RollupRefresh rollup;

    @Test
    void aTenantWhoseRollupEndsBeforeThisMonthIsExtended() {
        Tenant tenant = tenants.create("catch-up");
        tenants.grant(tenant, "alice", TenantRole.owner);
        Uploads.post(tenant, "subscriptions", "subscription_id,customer_id,starts_at,amount,currency,billing_period\ns1,c1,2024-01-01,30,USD,month\n")
                .then().statusCode(200);
        // as if the last import had happened in January 2025
        tenants.sql(tenant, "DELETE FROM rollup_metrics WHERE month > '2025-01-01'; DELETE FROM rollup_customer_mrr WHERE month > '2025-01-01'; "
                + "UPDATE rollup_state SET last_month = '2025-01-01'");
        String thisMonth = YearMonth.now(ZoneOffset.UTC).atDay(1).toString();
        String mrrNow = "SELECT value = 30 FROM rollup_metrics WHERE metric = 'mrr' AND dimension = '' AND month = '" + thisMonth + "'";
        assertThat(tenants.value(tenant, mrrNow)).isNull();

        rollup.catchUpNewMonths();

        assertThat(tenants.value(tenant, mrrNow)).isEqualTo("t");
        assertThat(tenants.value(tenant, "SELECT last_month FROM rollup_state")).isEqualTo(thisMonth);
    }
}
