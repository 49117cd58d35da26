package org.smgwlite.platform.rest.device;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.smgwlite.metering.contract.Taf6OrderFormat;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.metering.taf6.Taf6Requests;
import org.smgwlite.platform.metering.taf6.Taf6Waiters;
import org.smgwlite.platform.rest.ClientCertificates;
import org.smgwlite.platform.rest.LimitedBody;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * TAF 6 on the device port, for the gateway its client certificate names.
 * <ul>
 * <li>{@code GET /api/device/taf6-requests?wait=<0..60>}: the gateway's open requests in the contract's line format
 * ({@link Taf6OrderFormat}); answers at once when there is a request it has not picked up yet, otherwise waits up to
 * {@code wait} seconds for one (long poll: the request is suspended, no thread is held) and then answers with what is
 * open. Picked-up requests become {@code DELIVERED}.</li>
 * <li>{@code POST /api/device/taf6-requests/<id>/failure} with a plain-text reason: the gateway cannot answer
 * (204; 404 for a request that is not the gateway's, 409 for a closed one).</li>
 * </ul>
 * The answer itself is a signed batch to {@code POST /api/device/batches} with the request id on its TAF 6 lines.
 */
@Path("device/taf6-requests")
public class Taf6DeviceResource {

    /** Longest failure reason body read; the reason itself is checked against the contract's shorter limit. */
    static final int MAX_REASON_BYTES = 4 * 1024;

    /** Longest long poll; the agent waits 25 s. */
    static final int MAX_WAIT_SECONDS = 60;

    @Inject
    EnrollmentService enrollment;

    @Inject
    Taf6Requests requests;

    @Inject
    Taf6Waiters waiters;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(Taf6OrderFormat.CONTENT_TYPE)
    public void poll(@QueryParam("wait") @DefaultValue("0") String waitParam, @Suspended AsyncResponse response) {
        DeviceIdentity gw;
        int wait;
        try {
            gw = enrollment.identify(ClientCertificates.of(request));
            wait = waitSeconds(waitParam);
        } catch (RuntimeException e) {
            response.resume(e);
            return;
        }
        if (wait == 0 || requests.hasQueued(gw)) {
            answer(response, gw);
            return;
        }
        Taf6Waiters.Registration waiting = waiters.register(gw.tenant(), gw.gatewayId(), () -> answer(response, gw));
        response.setTimeoutHandler(r -> {
            // the runtime's timer thread is no container thread: answer from the executor, within a grace period
            waiting.cancel();
            r.setTimeout(30, TimeUnit.SECONDS);
            waiters.later(() -> answer(r, gw));
        });
        response.setTimeout(wait, TimeUnit.SECONDS);
        if (requests.hasQueued(gw)) { // queued between the first look and the registration
            waiting.cancel();
            answer(response, gw);
        }
    }

    @POST
    @Path("{id}/failure")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response failed(@PathParam("id") long id, InputStream body) {
        String reason = new String(LimitedBody.read(body, request.getContentLengthLong(), MAX_REASON_BYTES, "TAF 6 failure reason"),
                StandardCharsets.UTF_8);
        requests.failed(enrollment.identify(ClientCertificates.of(request)), id, reason);
        return Response.noContent().build();
    }

    /** Picks up and resumes; a poll answered already (timeout and wake-up at once) is left alone. */
    private void answer(AsyncResponse response, DeviceIdentity gw) {
        if (response.isDone()) {
            return;
        }
        try {
            response.resume(Response.ok(Taf6OrderFormat.encode(requests.pickUp(gw)), Taf6OrderFormat.CONTENT_TYPE).build());
        } catch (RuntimeException e) {
            response.resume(e);
        }
    }

    private static int waitSeconds(String text) {
        try {
            int wait = Integer.parseInt(text.strip());
            if (wait >= 0 && wait <= MAX_WAIT_SECONDS) {
                return wait;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("wait", "must be whole seconds from 0 to " + MAX_WAIT_SECONDS + ", was '" + text + "'");
    }
}
