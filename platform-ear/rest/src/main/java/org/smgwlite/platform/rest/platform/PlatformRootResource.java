package org.smgwlite.platform.rest.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.smgwlite.platform.certificate.PlatformRoot;
import org.smgwlite.platform.certificate.RootSummary;
import org.smgwlite.platform.rest.Formats;

/**
 * {@code GET /api/platform/root}: the platform root a gateway pins, as JSON (subject, validity, {@code sha256} in the
 * form of the enrollment answer's {@code rootSha256}, PEM) or with {@code ?format=pem} as a file. Public: the root is
 * no secret (EST {@code /cacerts} serves it to anyone), and an installer may fetch it without an account.
 */
@Path("platform/root")
public class PlatformRootResource {

    @Inject
    PlatformRoot root;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Pem.MEDIA_TYPE})
    public Response get(@QueryParam("format") String format) {
        RootSummary summary = root.summary();
        return Formats.asks(format, "pem")
                ? Pem.download(summary.pem(), "smgw-root.pem")
                : Response.ok(summary, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
