package org.smgwlite.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smgwlite.platform.certificate.CertificateRefusedException;
import org.smgwlite.platform.metering.BatchRefusedException;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;

/** Domain exceptions to statuses; anything else is logged once and answered with a generic 500. */
public final class DomainExceptionMappers {

    private DomainExceptionMappers() {
    }

    static Response json(int status, String message, Map<String, String> fields) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, message, fields)).build();
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return json(400, e.getMessage(), e.fieldErrors());
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return json(404, e.getMessage(), Map.of());
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return json(409, e.getMessage(), Map.of());
        }
    }

    /**
     * PKI refusals: a bad request 400, missing or wrong credentials 401 (with the EST Basic challenge),
     * a known caller that may not do this 403; the reason is in {@code fields.reason}.
     */
    @Provider
    public static class CertificateRefused implements ExceptionMapper<CertificateRefusedException> {
        @Override
        public Response toResponse(CertificateRefusedException e) {
            int status = switch (e.kind()) {
                case INVALID_REQUEST -> 400;
                case NOT_AUTHENTICATED -> 401;
                case FORBIDDEN -> 403;
            };
            Response response = json(status, e.getMessage(), Map.of("reason", e.reason()));
            return status == 401
                    ? Response.fromResponse(response).header("WWW-Authenticate", "Basic realm=\"smgw-est\"").build()
                    : response;
        }
    }

    /** A refused reading batch: 403 if the caller may not send it (another gateway's key), else 400. */
    @Provider
    public static class BatchRefused implements ExceptionMapper<BatchRefusedException> {
        @Override
        public Response toResponse(BatchRefusedException e) {
            int status = e.forbidden() ? 403 : e.reason() == BatchRefusedException.Reason.TOO_LARGE ? 413 : 400;
            return json(status, e.getMessage(), Map.of("reason", e.reason().name()));
        }
    }

    /** Catch-all: the client gets an incident id, the log gets the stack trace. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof WebApplicationException wae) {
                Response r = wae.getResponse();
                return json(r.getStatus(), String.valueOf(e.getMessage()), Map.of());
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "unexpected error, incident " + incident, e);
            return json(500, "internal error, incident " + incident, Map.of());
        }
    }
}
