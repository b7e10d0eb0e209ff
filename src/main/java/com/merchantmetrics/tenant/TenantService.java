package com.merchantmetrics.tenant;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.merchantmetrics.admin.AdminMessages;
import com.merchantmetrics.web.Refusal;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Creates tenants: the control row, then the tenant's own role, schema and tables. */
@ApplicationScoped
public class TenantService {

    public record NewTenant(String name, String slug, String reportingCurrency, String timeZone) {
    }

    private final SchemaMigrations migrator;

    TenantService(SchemaMigrations migrator) {
        this.migrator = migrator;
    }

    @Transactional(TxType.NEVER)
    public Tenant create(NewTenant request) {
        validate(request);
        Tenant tenant = QuarkusTransaction.requiringNew().call(() -> {
            if (Tenant.findBySlug(request.slug()).isPresent()) {
                throw new Refusal(AdminMessages.class, words -> words.slugTaken(request.slug()));
            }
            Tenant created = new Tenant();
            created.name = request.name().trim();
            created.slug = request.slug();
            created.reportingCurrency = request.reportingCurrency().toUpperCase();
            created.timeZone = request.timeZone();
            created.status = Tenant.Status.provisioning;
            created.persist();
            return created;
        });
        migrator.provision(tenant.schema());
        return QuarkusTransaction.requiringNew().call(() -> {
            Tenant active = Tenant.findById(tenant.id);
            active.status = Tenant.Status.active;
            return active;
        });
    }

    private static void validate(NewTenant request) {
        if (request.name() == null || request.name().isBlank()) {
            throw new Refusal(AdminMessages.class, AdminMessages::nameTheTenant);
        }
        if (request.slug() == null || !TenantSchema.SLUG.matcher(request.slug()).matches()) {
            throw new Refusal(AdminMessages.class, words -> words.badSlug(request.slug()));
        }
        try {
            Currency.getInstance(request.reportingCurrency() == null ? "" : request.reportingCurrency().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new Refusal(msg -> msg.badCurrency(request.reportingCurrency()));
        }
        try {
            ZoneId.of(request.timeZone() == null ? "" : request.timeZone());
        } catch (DateTimeException e) {
            throw new Refusal(msg -> msg.badTimeZone(request.timeZone()));
        }
    }
}
