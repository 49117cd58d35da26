package org.smgwlite.platform.rest.device;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.gateway.AgentStatusJson;
import org.smgwlite.platform.gateway.AgentStatusReports;
import org.smgwlite.platform.rest.ClientCertificates;
import org.smgwlite.platform.rest.LimitedBody;

/**
 * {@code POST /api/device/status}: the gateway of the client certificate reports how its agent is doing (version,
 * meter protocol, last telegram, values waiting for upload, store use, last error, uptime; see {@link AgentStatusJson}).
 * The latest replaces the one before; the operator's gateway list shows it. 204; 400 naming the member that breaks a
 * rule; 413 above {@link #MAX_STATUS_BYTES}.
 */
@Path("device/status")
public class StatusResource {

    /** A status is a few short fields; 4 KiB leaves room for the fields a newer agent adds. */
    static final int MAX_STATUS_BYTES = 4 * 1024;

    @Inject
    EnrollmentService enrollment;

    @Inject
    AgentStatusReports reports;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(InputStream body) {
        DeviceIdentity gw = enrollment.identify(ClientCertificates.of(request));
        byte[] json = LimitedBody.read(body, request.getContentLengthLong(), MAX_STATUS_BYTES, "agent status");
        reports.received(gw, AgentStatusJson.parse(json));
        return Response.noContent().build();
    }
}
