package org.smgwlite.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import org.smgwlite.platform.certificate.CertificateRefusedException;
import org.smgwlite.platform.certificate.EnrollmentThrottledException;
import org.smgwlite.platform.infra.RetryAfter;
import org.smgwlite.platform.metering.BatchRefusedException;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;

class DomainExceptionMappersTest {

    private final DomainExceptionMappers.Unexpected catchAll = new DomainExceptionMappers.Unexpected();
    private final DomainExceptionMappers.Domain domain = new DomainExceptionMappers.Domain();

    @Test
    void a_401_keeps_its_challenge_through_the_catch_all() {
        Response r = catchAll.toResponse(new NotAuthorizedException("Bearer realm=\"smgw\""));

        assertThat(r.getStatus()).isEqualTo(401);
        assertThat(r.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"smgw\"");
        assertThat(r.getEntity()).isEqualTo(new ErrorBody(401, "HTTP 401 Unauthorized", Map.of()));
    }

    @Test
    void other_jax_rs_exceptions_keep_status_and_headers() {
        Response r = catchAll.toResponse(new NotAllowedException("GET"));
        assertThat(r.getStatus()).isEqualTo(405);
        assertThat(r.getHeaderString(HttpHeaders.ALLOW)).contains("GET");
    }

    @Test
    void anything_else_is_a_500_with_an_incident_id() {
        Response r = catchAll.toResponse(new IllegalStateException("secret detail"));
        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(((ErrorBody) r.getEntity()).error()).startsWith("internal error, incident ").doesNotContain("secret");
    }

    @Test
    void each_domain_exception_has_its_status() {
        assertThat(domain.toResponse(new InvalidInputException("tenantId", "too short")).getEntity())
                .isEqualTo(new ErrorBody(400, new InvalidInputException("tenantId", "too short").getMessage(),
                        Map.of("tenantId", "too short")));
        assertThat(domain.toResponse(new NotFoundException("gateway", "X")).getStatus()).isEqualTo(404);
        assertThat(domain.toResponse(new ConflictException("taken")).getEntity()).isEqualTo(new ErrorBody(409, "taken", Map.of()));
        assertThat(domain.toResponse(new ConflictException("serial", "certificate 7f was revoked already")).getEntity())
                .isEqualTo(new ErrorBody(409, "certificate 7f was revoked already", Map.of("serial", "certificate 7f was revoked already")));
        assertThat(domain.toResponse(new BatchRefusedException(BatchRefusedException.Reason.TOO_LARGE, "big")).getStatus())
                .isEqualTo(413);
        assertThat(domain.toResponse(new BatchRefusedException(BatchRefusedException.Reason.GATEWAY_MISMATCH, "x")).getEntity())
                .isEqualTo(new ErrorBody(403, "x", Map.of("reason", "GATEWAY_MISMATCH")));
        assertThat(domain.toResponse(new BatchRefusedException(BatchRefusedException.Reason.EICHLOG_BROKEN, "x")).getStatus())
                .isEqualTo(400);
        Response est = domain.toResponse(new CertificateRefusedException(CertificateRefusedException.Kind.NOT_AUTHENTICATED,
                "EXPIRED", "code expired"));
        assertThat(est.getStatus()).isEqualTo(401);
        assertThat(est.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(DomainExceptionMappers.EST_CHALLENGE);
    }

    @Test
    void an_oversized_body_is_413_and_a_throttled_enrollment_429_with_retry_after() {
        assertThat(domain.toResponse(new BodyTooLargeException("EST request", 20_000, 16_384)).getEntity())
                .isEqualTo(new ErrorBody(413, "EST request of 20000 bytes exceeds the limit of 16384 bytes", Map.of("reason", "TOO_LARGE")));
        Response throttled = domain.toResponse(new EnrollmentThrottledException("gateway GW1", Duration.ofSeconds(600)));
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("600");
        assertThat(((ErrorBody) throttled.getEntity()).fields()).containsEntry("reason", "TOO_MANY_FAILURES");
    }

    @Test
    void the_smgwlite_door_answers_403_413_400_and_429_and_never_a_500() {
        assertThat(domain.toResponse(new org.smgwlite.platform.legacy.LegacyAccessDeniedException()).getEntity())
                .isEqualTo(new ErrorBody(403, "Access denied.", Map.of("reason", "ACCESS_DENIED")));
        assertThat(domain.toResponse(new org.smgwlite.platform.legacy.UploadTooLargeException(40_000, 36_864)).getStatus())
                .isEqualTo(413);
        Response odd = domain.toResponse(new org.smgwlite.platform.legacy.BodySizeException(17, 8, "fields ts,m180"));
        assertThat(odd.getStatus()).isEqualTo(400);
        assertThat(((ErrorBody) odd.getEntity()).error()).contains("17").contains("8");
        Response throttled = domain.toResponse(new org.smgwlite.platform.legacy.LegacyThrottledException("device AB4",
                Duration.ofSeconds(900)));
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("900");
    }

    @Test
    void the_database_being_unavailable_is_503_with_a_retry_time_and_no_detail() {
        DomainExceptionMappers.Unexpected mapper = new DomainExceptionMappers.Unexpected(() -> new RetryAfter(30));
        // as an EJB hands on what the pool threw while PostgreSQL was stopped
        Response r = mapper.toResponse(new EJBException(new PersistenceException(new IllegalStateException(
                "storing batch 7 failed", new SQLException("Connection to localhost:54329 refused. Check that the hostname"
                + " and port are correct", "08001")))));

        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(Integer.parseInt(r.getHeaderString(HttpHeaders.RETRY_AFTER))).isBetween(30, 45);
        ErrorBody body = (ErrorBody) r.getEntity();
        assertThat(body.fields()).containsExactly(Map.entry("reason", "DATABASE_UNAVAILABLE"));
        assertThat(body.error()).isEqualTo("the database is unavailable, retry in " + r.getHeaderString(HttpHeaders.RETRY_AFTER) + " s")
                .doesNotContain("54329").doesNotContain("batch");
        assertThat(r.getMediaType().toString()).isEqualTo("application/json");
    }

    @Test
    void a_failure_of_the_request_itself_stays_a_500_also_with_a_sql_cause() {
        DomainExceptionMappers.Unexpected mapper = new DomainExceptionMappers.Unexpected(() -> new RetryAfter(30));
        Response r = mapper.toResponse(new EJBException(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(r.getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
