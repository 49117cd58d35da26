package org.smgwlite.platform.rest.tenant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigInteger;
import java.time.Instant;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.certificate.TenantCaSummary;
import org.smgwlite.platform.certificate.TenantCas;
import org.smgwlite.platform.rest.Formats;
import org.smgwlite.platform.rest.platform.Pem;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.NotFoundException;

/**
 * {@code GET /api/tenants/<tenant>/ca}: the tenant's issuing CA for an operator of the tenant or a platform
 * administrator: subject, curve policy, validity, chain (PEM), current CRL number with this/next update, and the
 * counts of issued and revoked certificates; {@code ?format=pem} gives the chain alone as a file. 404 while the tenant
 * has no CA yet (it is created with the first enrollment).
 */
@Path("tenants/{tenant}/ca")
public class TenantCaResource {

    @Inject
    TenantCas cas;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    public record CaView(String tenant, String subject, String curvePolicy, Instant notBefore, Instant notAfter, String chainPem,
                         BigInteger crlNumber, Instant crlThisUpdate, Instant crlNextUpdate, long issued, long revoked) {
        static CaView of(TenantCaSummary s) {
            return new CaView(s.tenant().value(), s.subject(), s.policy().name(), s.notBefore(), s.notAfter(), s.chainPem(),
                    s.crlNumber(), s.crlThisUpdate(), s.crlNextUpdate(), s.issued(), s.revoked());
        }
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Pem.MEDIA_TYPE})
    public Response get(@QueryParam("format") String format) {
        TenantId tenant = InputIds.tenant(tenantParam);
        callers.requireTenant(tenant, "operator");
        TenantCaSummary summary = cas.summary(tenant).orElseThrow(() -> new NotFoundException("CA of tenant", tenant));
        return Formats.asks(format, "pem")
                ? Pem.download(summary.chainPem(), "ca-chain-" + tenant + ".pem")
                : Response.ok(CaView.of(summary), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
