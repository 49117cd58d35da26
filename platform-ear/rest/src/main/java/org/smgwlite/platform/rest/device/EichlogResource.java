package org.smgwlite.platform.rest.device;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.metering.EichlogHead;
import org.smgwlite.platform.metering.EichlogHeads;
import org.smgwlite.platform.rest.ClientCertificates;
import org.smgwlite.platform.rest.ErrorBody;

/**
 * {@code GET /api/device/eichlog/head}: the newest Eichlog entry stored for the gateway of the client certificate,
 * {@code {"n":…,"hash":"…","type":"…"}}. A gateway whose journal was lost or broken chains its closing
 * {@code EICHLOG_RESET} entry to it. 404 with {@code fields.reason = NO_EICHLOG} when nothing is stored (the
 * reason tells it apart from a 404 of a platform that is being deployed).
 */
@Path("device/eichlog")
public class EichlogResource {

    /** {@code fields.reason} of the 404 when the gateway has no stored entry. */
    public static final String NO_EICHLOG = "NO_EICHLOG";

    @Inject
    EnrollmentService enrollment;

    @Inject
    EichlogHeads heads;

    @Context
    HttpServletRequest request;

    @GET
    @Path("head")
    @Produces(MediaType.APPLICATION_JSON)
    public Response head() {
        DeviceIdentity gw = enrollment.identify(ClientCertificates.of(request));
        return heads.newest(gw).map(EichlogResource::found).orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(404, "no Eichlog entry of gateway " + gw.gatewayId() + " is stored",
                        Map.of("reason", NO_EICHLOG)))
                .build());
    }

    private static Response found(EichlogHead head) {
        return Response.ok(head, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
