package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.certificate.CertificateRefusedException.Kind;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.tenant.Tenant;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/** The abuse rules as {@link EnrollmentService#enroll} applies them, without a container. */
class EnrollmentServiceAbuseTest {

    private static final TenantId KNOWN = new TenantId("stadtwerke-a");

    private final List<String> audited = new ArrayList<>();
    private int enrollCalls;
    private CertificateRefusedException refusal;
    private final EnrollmentService service = new EnrollmentService();

    EnrollmentServiceAbuseTest() {
        service.tenants = new TenantService() {
            @Override
            public Optional<Tenant> find(TenantId id) {
                return id.equals(KNOWN) ? Optional.of(new Tenant(KNOWN, "Stadtwerke A", TenantKind.METERING_POINT_OPERATOR)) : Optional.empty();
            }
        };
        service.audit = new AuditLog() {
            @Override
            public void refused(TenantId tenant, String actor, AuditAction action, String subject, String detail) {
                audited.add(action + " " + detail);
            }
        };
        service.records = new CertificateRecords() {
            @Override
            public IssuedCertificate enroll(TenantId tenant, GatewayId gatewayId, String presentedCode, byte[] csrBody) {
                enrollCalls++;
                throw refusal;
            }
        };
        service.attempts = new EnrollmentAttempts(new FailureLimiterTest.Hands(), 5, 20, Duration.ofMinutes(15));
    }

    @Test
    void the_sixth_wrong_code_for_a_gateway_is_throttled_before_anything_is_looked_at_or_audited() {
        refusal = Refusals.codeRefused("WRONG_CODE");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> service.enroll(KNOWN, "GW1", "AAAA-BBBB-CCCC-DDDD", new byte[0], "192.0.2.1"))
                    .isSameAs(refusal);
        }
        assertThatThrownBy(() -> service.enroll(KNOWN, "GW1", "AAAA-BBBB-CCCC-DDDD", new byte[0], "192.0.2.2"))
                .isInstanceOfSatisfying(EnrollmentThrottledException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(900));
        assertThat(enrollCalls).isEqualTo(5);
        assertThat(audited).hasSize(5);
    }

    @Test
    void a_bad_request_with_the_right_code_is_no_guess_and_does_not_count() {
        refusal = new CertificateRefusedException(Kind.INVALID_REQUEST, "MALFORMED", "not a CSR");
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> service.enroll(KNOWN, "GW1", "code", new byte[0], "192.0.2.1")).isSameAs(refusal);
        }
        assertThat(enrollCalls).isEqualTo(10);
    }

    @Test
    void unknown_tenants_write_no_audit_row_and_count_against_the_address() {
        for (int i = 0; i < 20; i++) {
            TenantId unknown = new TenantId("nosuch-" + i);
            assertThatThrownBy(() -> service.enroll(unknown, "GW1", "code", new byte[0], "192.0.2.9"))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(audited).isEmpty();
        assertThatThrownBy(() -> service.enroll(KNOWN, "GW1", "code", new byte[0], "192.0.2.9"))
                .isInstanceOf(EnrollmentThrottledException.class);
        assertThat(enrollCalls).isZero();
    }
}
