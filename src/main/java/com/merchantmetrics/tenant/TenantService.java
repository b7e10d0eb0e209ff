package com.merchantmetrics.tenant;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

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
                throw new InvalidTenantException("slug", "A tenant with the slug '" + request.slug() + "' already exists");
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
            throw new InvalidTenantException("name", "Give the tenant a name");
        }
        if (request.slug() == null || !TenantSchema.SLUG.matcher(request.slug()).matches()) {
            throw new InvalidTenantException("slug",
                    "The slug must be 2 to 40 characters: lower-case letters, digits and '-', starting with a letter");
        }
        try {
            Currency.getInstance(request.reportingCurrency() == null ? "" : request.reportingCurrency().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidTenantException("reportingCurrency", "Not an ISO 4217 currency code: " + request.reportingCurrency());
        }
        try {
            ZoneId.of(request.timeZone() == null ? "" : request.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidTenantException("timeZone", "Not a time zone: " + request.timeZone() + " (use e.g. Europe/Berlin)");
        }
    }

    public static class InvalidTenantException extends RuntimeException {
        private final String field;

        public InvalidTenantException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
