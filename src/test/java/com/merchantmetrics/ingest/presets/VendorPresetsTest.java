package com.merchantmetrics.ingest.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.ingest.Uploads;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.test.junit.QuarkusTest;

/** Shopify's orders export and Stripe's subscriptions export, recognised by their header and imported as canonical data. */
@QuarkusTest
class VendorPresetsTest {

    @Inject
    TestTenants tenants;

    private Tenant tenant;

    @BeforeEach
    void tenantOfAlice() {
        tenant = tenants.create("presets");
        tenants.grant(tenant, "alice", TenantRole.owner);
    }

    @Test
    void shopifyOrdersExportBecomesOrdersOnePerOrder() throws IOException {
        Uploads.post("alice", tenant, null, null, false, fixture("shopify_orders_export.csv"), "orders_export_1.csv")
                .then().statusCode(200).body("status", equalTo("imported")).body("dataset", equalTo("orders"))
                .body("readAs", equalTo("shopify-orders")).body("rows.total", equalTo(9)).body("rows.inserted", equalTo(5))
                .body("warnings.find { it.row == 7 }.column", equalTo("email"));
        assertThat(tenants.value(tenant, "SELECT string_agg(order_id || ' ' || customer_id || ' ' || amount::numeric(10,2) || ' '"
                + " || status || ' ' || ordered_at AT TIME ZONE 'UTC', '; ' ORDER BY order_id) FROM orders"))
                .isEqualTo("#1001 jane@example.com 59.00 completed 2024-03-05 19:22:10; "
                        + "#1002 omar@example.com 30.00 completed 2024-03-06 14:05:44; "
                        + "#1003 jane@example.com 23.00 refunded 2024-03-10 22:40:00; "
                        + "#1004 li@example.com 50.00 cancelled 2024-03-12 15:00:00; "
                        + "#1006 omar@example.com 72.00 completed 2024-03-20 20:45:12");
        assertThat(tenants.value(tenant, "SELECT string_agg(customer_id || ' ' || country, ', ' ORDER BY customer_id) FROM customers"))
                .isEqualTo("jane@example.com US, li@example.com GB, omar@example.com CA");
        assertThat(tenants.value(tenant, "SELECT preset FROM uploads")).isEqualTo("shopify-orders");
    }

    @Test
    void stripeSubscriptionsExportBecomesSubscriptions() throws IOException {
        Uploads.post("alice", tenant, "subscriptions", null, false, fixture("stripe_subscriptions_export.csv"), "subscriptions.csv")
                .then().statusCode(200).body("status", equalTo("imported")).body("readAs", equalTo("stripe-subscriptions"))
                .body("rows.inserted", equalTo(4)).body("rows.skipped", equalTo(1))
                .body("warnings.find { it.row == 6 }.reason", equalTo(
                        "status incomplete_expired: the first payment never succeeded, so it was never a subscription"));
        assertThat(tenants.value(tenant, "SELECT string_agg(subscription_id || ' ' || customer_id || ' ' || amount::numeric(10,2) || ' '"
                + " || billing_period || ' ' || starts_at AT TIME ZONE 'UTC' || ' ' || coalesce((ends_at AT TIME ZONE 'UTC')::text, '-')"
                + " || ' ' || coalesce((trial_ends_at AT TIME ZONE 'UTC')::text, '-') || ' ' || coalesce(cancel_reason, '-'), '; '"
                + " ORDER BY starts_at) FROM subscriptions"))
                .isEqualTo("sub_1OaBcD2eZvKYlo2C0a1b2c3d cus_PQx1a2b3c4d5e6 29.00 month 2024-01-15 10:23:00 - - -; "
                        + "sub_1OaBcF2eZvKYlo2C8i9j0k1l cus_PQx3k4l5m6n7o8 29.00 month 2024-01-20 12:00:00 2024-03-20 12:00:00 - cancellation_requested; "
                        + "sub_1OaBcE2eZvKYlo2C4e5f6g7h cus_PQx7f8g9h0i1j2 720.00 year 2024-02-01 08:00:05 - 2024-02-01 08:00:05 -; "
                        + "sub_1OaBcG2eZvKYlo2Cm2n3o4p5 cus_PQx9p0q1r2s3t4 9.50 week 2024-03-01 07:30:00 - - -");
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = VendorPresetsTest.class.getResourceAsStream("/presets/" + name)) {
            return in.readAllBytes();
        }
    }
}
