package org.smgwlite.platform.rest.legacy;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.legacy.LegacyAccessDeniedException;
import org.smgwlite.platform.legacy.LegacyAnswer;
import org.smgwlite.platform.legacy.LegacyAttempts;
import org.smgwlite.platform.legacy.LegacyIngestion;
import org.smgwlite.platform.legacy.LegacyRequest;
import org.smgwlite.platform.legacy.RingBufferDecoder;
import org.smgwlite.platform.rest.BodyTooLargeException;
import org.smgwlite.platform.rest.LimitedBody;

/**
 * What an SMGW.Lite gateway calls, with its backend endpoint set to {@code <host>/api/legacy/smgwlite/<tenant>/}
 * (docs/smgwlite-protocol.md): {@code POST} the ring buffer, {@code POST log.php} the event log, {@code GET} or
 * {@code POST ?backend_test=true} the connection test. On the browser ports only (the device port serves only
 * {@code DevicePortPaths}); authenticated by {@code ID} and the {@code X-Auth-Token} header, not by Keycloak.
 *
 * <p>Answers as the firmware reads them: 200 with a JSON body and an explicit {@code Content-Length} (it does not decode
 * chunked encoding) and a {@code Date} header (it sets its clock from it before NTP). Refusals: 403 wrong id or token,
 * 429 after too many, 413 above {@value RingBufferDecoder#MAX_BODY_BYTES} bytes before the body is read, 400 naming
 * the field manifest or the body's and entry's sizes.
 */
@Path("legacy/smgwlite/{tenant}")
public class SmgwLiteResource {

    /** The oldest firmware sent {@code token=<token>}; {@code token=header} means "read the header". */
    static final String TOKEN_HEADER = "X-Auth-Token";

    @Inject
    LegacyIngestion ingestion;

    /** Holds the owner's reverse proxies ({@code smgw.legacy.trusted-proxies}) for {@link ClientAddress}. */
    @Inject
    LegacyAttempts attempts;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @PathParam("tenant")
    String tenantParam;

    /** An upload above the limit is logged for its device (if id and token are right) and refused 413 unread. */
    @POST
    public Response upload(InputStream body) {
        byte[] bytes;
        try {
            bytes = LimitedBody.read(body, request.getContentLengthLong(), RingBufferDecoder.MAX_BODY_BYTES, "SMGW.Lite upload");
        } catch (BodyTooLargeException e) {
            ingestion.tooLarge(tenant(), legacyRequest(new byte[0]), request.getContentLengthLong());
            throw e;
        }
        LegacyRequest legacy = legacyRequest(bytes);
        if (isBackendTest(legacy)) {
            return answer(LegacyAnswer.backendTestJson(ingestion.backendTest(tenant(), legacy)));
        }
        return answer(ingestion.upload(tenant(), legacy).json());
    }

    /** The firmware's connection test ({@code ?backend_test=true}); a GET is never anything else. */
    @GET
    public Response backendTest() {
        return answer(LegacyAnswer.backendTestJson(ingestion.backendTest(tenant(), legacyRequest(new byte[0]))));
    }

    @POST
    @Path("log.php")
    public Response log(InputStream body) {
        byte[] bytes = LimitedBody.read(body, request.getContentLengthLong(), RingBufferDecoder.MAX_BODY_BYTES, "SMGW.Lite log");
        return answer(ingestion.log(tenant(), legacyRequest(bytes)));
    }

    /** 200, JSON, {@code Content-Length} and {@code Date} set explicitly. */
    static Response answer(byte[] json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, json.length)
                .header(HttpHeaders.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .build();
    }

    private static boolean isBackendTest(LegacyRequest r) {
        return "true".equalsIgnoreCase(r.query().get("backend_test"));
    }

    private LegacyRequest legacyRequest(byte[] body) {
        Map<String, String> query = new HashMap<>();
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        params.forEach((k, v) -> {
            if (!v.isEmpty() && v.get(0) != null) {
                query.put(k, v.get(0));
            }
        });
        String token = headers.getHeaderString(TOKEN_HEADER);
        String fromQuery = query.remove("token");
        if ((token == null || token.isEmpty()) && fromQuery != null && !"header".equals(fromQuery)) {
            token = fromQuery;
        }
        String address = ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                ClientAddress.parse(attempts.trustedProxies()));
        return new LegacyRequest(query.get("ID"), token, address, query, body);
    }

    /** A path segment that is no tenant id is refused like a wrong token: nobody learns which tenants exist. */
    private TenantId tenant() {
        try {
            return TenantId.of(tenantParam);
        } catch (RuntimeException e) {
            throw new LegacyAccessDeniedException();
        }
    }
}
