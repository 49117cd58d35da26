package org.smgwlite.platform.rest.device;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.smgwlite.metering.contract.BatchFormat;
import org.smgwlite.platform.metering.IngestionReport;
import org.smgwlite.platform.rest.ClientCertificates;
import org.smgwlite.platform.rest.LimitedBody;
import org.smgwlite.platform.metering.ReadingIngestion;

/**
 * {@code POST /api/device/batches} on the device port: the body is the signed day-after batch
 * (CMS SignedData, see metering-contract/README.md); the answer is the {@link IngestionReport} as JSON
 * (200 also for a repeated upload). A refused batch is 400/403 with {@code fields.reason}; a body over
 * {@link BatchFormat#MAX_SIGNED_BYTES} is 413 ({@code TOO_LARGE}) while it is read, before anything else is done.
 */
@Path("device/batches")
public class BatchResource {

    @Inject
    ReadingIngestion ingestion;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public IngestionReport upload(InputStream body) {
        byte[] signed = LimitedBody.read(body, request.getContentLengthLong(), BatchFormat.MAX_SIGNED_BYTES, "signed batch");
        return ingestion.ingest(ClientCertificates.of(request), signed, request.getRemoteAddr());
    }
}
