package org.smgwlite.platform.audit;

import java.util.Objects;
import java.util.Optional;
import org.smgwlite.pki.TenantId;

/**
 * Whose audit events a caller reads: one tenant's (an operator, or a platform administrator who picked a tenant), or
 * every tenant's (platform administrators only; the callers check the role). Events without a tenant (the platform's
 * own) appear only in the every-tenant scope.
 */
public final class AuditScope {

    private static final AuditScope ALL = new AuditScope(null);

    private final TenantId tenant;

    private AuditScope(TenantId tenant) {
        this.tenant = tenant;
    }

    public static AuditScope tenant(TenantId tenant) {
        return new AuditScope(Objects.requireNonNull(tenant, "tenant"));
    }

    public static AuditScope allTenants() {
        return ALL;
    }

    /** The one tenant, or empty for every tenant. */
    public Optional<TenantId> single() {
        return Optional.ofNullable(tenant);
    }

    @Override
    public String toString() {
        return tenant == null ? "all tenants" : "tenant " + tenant;
    }
}
