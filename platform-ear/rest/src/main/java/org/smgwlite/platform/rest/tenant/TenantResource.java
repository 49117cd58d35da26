package org.smgwlite.platform.rest.tenant;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.tenant.Tenant;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/**
 * {@code GET/PUT /api/tenants/<tenant>}, for platform administrators: the tenant's name, kind and curve policy for new
 * certificates ({@code nist} for P-256, {@code brainpool} for brainpoolP256r1; null where none was chosen and the
 * configured default applies). A PUT without {@code curvePolicy} keeps it. Field errors come back as
 * {@code fields}, the policy change refused while the tenant's CA is on the other family among them.
 */
@Path("tenants/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    TenantService tenants;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    public record TenantView(String id, String name, String kind, String curvePolicy) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id().value(), t.name(), t.kind().name(), t.curvePolicy().map(CurvePolicy::name).orElse(null));
        }
    }

    public record TenantEdit(String name, String kind, String curvePolicy) {
    }

    @GET
    public TenantView get() {
        callers.requirePlatformAdmin();
        return TenantView.of(tenants.get(InputIds.tenant(tenantParam)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public TenantView update(TenantEdit body) {
        callers.requirePlatformAdmin();
        TenantId tenant = InputIds.tenant(tenantParam);
        TenantEdit edit = body == null ? new TenantEdit(null, null, null) : body;
        Map<String, String> errors = new LinkedHashMap<>();
        TenantKind kind = kind(edit.kind(), errors);
        Optional<CurvePolicy> policy = policy(edit.curvePolicy(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return TenantView.of(tenants.update(tenant, edit.name(), kind, policy));
    }

    /** A {@link TenantKind} by name, any case; a missing one is left to the tenant's own check ("must be chosen"). */
    static TenantKind kind(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TenantKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("kind", "must be METERING_POINT_OPERATOR or ENERGY_COMMUNITY, was '" + value + "'");
            return null;
        }
    }

    /** {@code nist} or {@code brainpool} (or their curve names); none keeps the tenant's policy. */
    static Optional<CurvePolicy> policy(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CurvePolicy.parse(value));
        } catch (IllegalArgumentException e) {
            errors.put("curvePolicy", e.getMessage());
            return Optional.empty();
        }
    }
}
