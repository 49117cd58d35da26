package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smgwlite.pki.crl.CertificateRejectedException;
import org.smgwlite.pki.csr.CsrRejectedException;
import org.smgwlite.pki.enrollment.EnrollmentCodeRejectedException;
import org.smgwlite.platform.certificate.CertificateRefusedException.Kind;

/** Which pki refusal becomes which platform refusal, and what a caller may learn from it. */
class RefusalsTest {

    private static CertificateRefusedException map(RuntimeException e) {
        return (CertificateRefusedException) Refusals.of((org.smgwlite.pki.PkiException) e);
    }

    @Test
    void bad_requests_are_the_callers_fault_except_another_gateways_name_which_is_forbidden() {
        for (CsrRejectedException.Reason r : new CsrRejectedException.Reason[] {
                CsrRejectedException.Reason.MALFORMED, CsrRejectedException.Reason.BAD_SIGNATURE, CsrRejectedException.Reason.KEY_NOT_ALLOWED}) {
            CertificateRefusedException refused = map(new CsrRejectedException(r, "x"));
            assertThat(refused.kind()).as(r.name()).isEqualTo(Kind.INVALID_REQUEST);
            assertThat(refused.reason()).isEqualTo(r.name());
        }
        assertThat(map(new CsrRejectedException(CsrRejectedException.Reason.SUBJECT_MISMATCH, "x")).kind()).isEqualTo(Kind.FORBIDDEN);
    }

    @Test
    void a_wrong_or_malformed_code_and_an_unknown_gateway_look_alike_to_the_caller_but_not_in_the_audit_log() {
        CertificateRefusedException wrong = map(new EnrollmentCodeRejectedException(EnrollmentCodeRejectedException.Reason.WRONG_CODE, "does not match"));
        CertificateRefusedException malformed = map(new EnrollmentCodeRejectedException(EnrollmentCodeRejectedException.Reason.MALFORMED, "length"));
        CertificateRefusedException unknown = Refusals.codeRefused("UNKNOWN_GATEWAY");

        for (CertificateRefusedException e : new CertificateRefusedException[] {wrong, malformed, unknown}) {
            assertThat(e.kind()).isEqualTo(Kind.NOT_AUTHENTICATED);
            assertThat(e.reason()).isEqualTo("CODE_REFUSED");
            assertThat(e.getMessage()).isEqualTo("gateway id or enrollment code not accepted");
        }
        assertThat(wrong.auditReason()).isEqualTo("WRONG_CODE");
        assertThat(malformed.auditReason()).isEqualTo("MALFORMED");
        assertThat(unknown.auditReason()).isEqualTo("UNKNOWN_GATEWAY");
    }

    @Test
    void a_used_or_expired_code_says_so_because_only_the_holder_of_the_right_code_gets_there() {
        CertificateRefusedException used = map(new EnrollmentCodeRejectedException(EnrollmentCodeRejectedException.Reason.ALREADY_USED, "used at t"));
        assertThat(used.kind()).isEqualTo(Kind.NOT_AUTHENTICATED);
        assertThat(used.reason()).isEqualTo("ALREADY_USED");
        assertThat(map(new EnrollmentCodeRejectedException(EnrollmentCodeRejectedException.Reason.EXPIRED, "x")).reason()).isEqualTo("EXPIRED");
    }

    @Test
    void a_refused_client_certificate_is_forbidden_with_its_reason() {
        CertificateRefusedException revoked = map(new CertificateRejectedException(CertificateRejectedException.Reason.REVOKED, "revoked", null));
        assertThat(revoked.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(revoked.reason()).isEqualTo("REVOKED");
    }
}
