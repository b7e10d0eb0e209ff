package com.merchantmetrics.tenant;

import java.util.regex.Pattern;

/**
 * Where a tenant's data lives in PostgreSQL: its own schema, owned by its own role. Derived from the
 * immutable slug so that an operator can tell which schema belongs to which merchant.
 */
public record TenantSchema(String slug, String schemaName, String roleName) {

    public static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    /** The role Hibernate's "any tenant" connections run as: it owns nothing and is granted nothing. */
    public static final String NO_TENANT_ROLE = "mm_no_tenant";

    public static TenantSchema of(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("Not a tenant slug: " + slug);
        }
        String suffix = slug.replace('-', '_');
        return new TenantSchema(slug, "t_" + suffix, "mm_t_" + suffix);
    }
}
