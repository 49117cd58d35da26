package org.smgwlite.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smgwlite.platform.certificate.CertificateRefusedException;
import org.smgwlite.platform.certificate.EnrollmentThrottledException;
import org.smgwlite.platform.infra.DatabaseUnavailable;
import org.smgwlite.platform.infra.RetryAfter;
import org.smgwlite.platform.legacy.LegacyAccessDeniedException;
import org.smgwlite.platform.legacy.LegacyThrottledException;
import org.smgwlite.platform.legacy.UploadTooLargeException;
import org.smgwlite.platform.metering.BatchRefusedException;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.DomainException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;

/**
 * Exceptions to responses, all with an {@link ErrorBody}: the domain exceptions by their type (one mapper), JAX-RS's
 * own with their status and headers, the database being unavailable 503 with {@code Retry-After}, anything else
 * logged once and answered with a generic 500.
 */
public final class DomainExceptionMappers {

    /** The challenge of a 401 from the EST endpoints. */
    static final String EST_CHALLENGE = "Basic realm=\"smgw-est\"";

    private DomainExceptionMappers() {
    }

    static Response json(int status, String message, Map<String, String> fields) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, message, fields)).build();
    }

    /**
     * Each domain exception to its status: invalid input 400 with the per-field messages, not found 404, conflict
     * 409 (with the field that collides, if one does); PKI refusals 400, 401 (with the EST Basic challenge) or 403; a
     * refused reading batch 403 if the caller may
     * not send it (another gateway's key), 413 if too large, else 400; a body over its limit 413; enrollment
     * throttled after too many failures 429 with {@code Retry-After} in seconds; SMGW.Lite: wrong id or token 403,
     * an upload over its limit 413, too many refusals 429 with {@code Retry-After}. Refusals carry {@code fields.reason}.
     */
    @Provider
    public static class Domain implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            if (e instanceof InvalidInputException invalid) {
                return json(400, e.getMessage(), invalid.fieldErrors());
            }
            if (e instanceof NotFoundException) {
                return json(404, e.getMessage(), Map.of());
            }
            if (e instanceof ConflictException conflict) {
                return json(409, e.getMessage(), conflict.field().map(f -> Map.of(f, e.getMessage())).orElse(Map.of()));
            }
            if (e instanceof CertificateRefusedException refused) {
                return certificateRefused(refused);
            }
            if (e instanceof BatchRefusedException refused) {
                int status = refused.forbidden() ? 403 : refused.reason() == BatchRefusedException.Reason.TOO_LARGE ? 413 : 400;
                return json(status, e.getMessage(), Map.of("reason", refused.reason().name()));
            }
            if (e instanceof BodyTooLargeException) {
                return json(413, e.getMessage(), Map.of("reason", "TOO_LARGE"));
            }
            if (e instanceof LegacyAccessDeniedException) {
                return json(403, e.getMessage(), Map.of("reason", "ACCESS_DENIED"));
            }
            if (e instanceof UploadTooLargeException) {
                return json(413, e.getMessage(), Map.of("reason", "TOO_LARGE"));
            }
            if (e instanceof LegacyThrottledException throttled) {
                return Response.fromResponse(json(429, e.getMessage(), Map.of("reason", "TOO_MANY_FAILURES")))
                        .header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds()).build();
            }
            if (e instanceof EnrollmentThrottledException throttled) {
                return Response.fromResponse(json(429, e.getMessage(), Map.of("reason", "TOO_MANY_FAILURES")))
                        .header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds()).build();
            }
            return Unexpected.incident(e);
        }

        private static Response certificateRefused(CertificateRefusedException e) {
            int status = switch (e.kind()) {
                case INVALID_REQUEST -> 400;
                case NOT_AUTHENTICATED -> 401;
                case FORBIDDEN -> 403;
            };
            Response response = json(status, e.getMessage(), Map.of("reason", e.reason()));
            return status == 401
                    ? Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, EST_CHALLENGE).build()
                    : response;
        }
    }

    /**
     * Catch-all: JAX-RS's own exceptions keep their status and headers (a 401's {@code WWW-Authenticate} challenge,
     * a 405's {@code Allow}) with an {@link ErrorBody}; a failure because the database cannot be reached
     * ({@link DatabaseUnavailable}: stopped, restarting, pool exhausted) is 503 with {@code Retry-After} in seconds
     * ({@link RetryAfter}) and {@code fields.reason} {@code DATABASE_UNAVAILABLE}, on every door alike (device port,
     * EST, SMGW.Lite, operator API), so a gateway keeps its batch and comes back; anything else gets an incident id,
     * the log the stack trace.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());
        /** During an outage every request fails alike: one log line per this many milliseconds is enough. */
        private static final long OUTAGE_LOG_INTERVAL_MILLIS = 10_000;
        private static final AtomicLong lastOutageLog = new AtomicLong(Long.MIN_VALUE / 2);

        private final Supplier<RetryAfter> retryAfter;

        public Unexpected() {
            this(RetryAfter::current);
        }

        Unexpected(Supplier<RetryAfter> retryAfter) {
            this.retryAfter = retryAfter;
        }

        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof WebApplicationException wae) {
                Response r = wae.getResponse();
                return Response.fromResponse(r).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new ErrorBody(r.getStatus(), String.valueOf(e.getMessage()), Map.of())).build();
            }
            if (DatabaseUnavailable.isCause(e)) {
                return databaseUnavailable(e);
            }
            return incident(e);
        }

        private Response databaseUnavailable(Throwable e) {
            int seconds = retryAfter.get().jittered(ThreadLocalRandom.current());
            long now = System.currentTimeMillis();
            long last = lastOutageLog.get();
            if (now - last >= OUTAGE_LOG_INTERVAL_MILLIS && lastOutageLog.compareAndSet(last, now)) {
                LOG.warning("database unavailable, answering 503 (Retry-After " + seconds + " s): " + rootMessage(e));
            }
            return Response.fromResponse(json(503, "the database is unavailable, retry in " + seconds + " s",
                            Map.of("reason", "DATABASE_UNAVAILABLE")))
                    .header(HttpHeaders.RETRY_AFTER, seconds).build();
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 64; depth++) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }

        static Response incident(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "unexpected error, incident " + incident, e);
            return json(500, "internal error, incident " + incident, Map.of());
        }
    }
}
