package org.smgwlite.platform.rest.est;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.shared.InputIds;

/**
 * A tenant CA's current CRL, DER ({@code application/pkix-crl}), over plain HTTP as RFC 5280 expects
 * (the CRL is signed): {@code /api/crl/<tenant>.crl}. Caches may keep it until its nextUpdate.
 */
@Path("crl")
public class CrlResource {

    @Inject
    EnrollmentService enrollment;

    @GET
    @Path("{tenant}.crl")
    public Response crl(@PathParam("tenant") String tenant) throws CRLException {
        X509CRL crl = enrollment.crl(InputIds.tenant(tenant));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        return Response.ok(crl.getEncoded(), "application/pkix-crl")
                .cacheControl(cache)
                .lastModified(crl.getThisUpdate())
                .expires(crl.getNextUpdate())
                .build();
    }
}
