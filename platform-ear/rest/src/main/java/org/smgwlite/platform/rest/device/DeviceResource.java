package org.smgwlite.platform.rest.device;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.rest.ClientCertificates;

/**
 * {@code GET /api/device/whoami}: the gateway, household and tenant the client certificate stands for.
 * Every request is checked against the certificate table, so a revoked certificate is refused (403) from
 * the moment the revocation is committed, even on a TLS session that was set up before.
 */
@Path("device")
public class DeviceResource {

    @Inject
    EnrollmentService enrollment;

    @Context
    HttpServletRequest request;

    /** What a gateway learns about itself. */
    public record WhoAmI(String gatewayId, long householdId, String tenant, String certificateSerial) {
    }

    @GET
    @Path("whoami")
    @Produces(MediaType.APPLICATION_JSON)
    public WhoAmI whoami() {
        DeviceIdentity identity = enrollment.identify(ClientCertificates.of(request));
        return new WhoAmI(identity.gatewayId(), identity.householdId(), identity.tenant().value(), identity.certificateSerial());
    }
}
