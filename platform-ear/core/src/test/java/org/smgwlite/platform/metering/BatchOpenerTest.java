package org.smgwlite.platform.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.metering.contract.BatchFormat;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.profile.CertificateProfile;

class BatchOpenerTest {

    private static final CertificateAuthority CA = CaHierarchy.createTenantCa(
            CaHierarchy.createRoot("Test Root", CurvePolicy.NIST, Duration.ofDays(30)), TenantId.of("opener-test"),
            CurvePolicy.NIST, Duration.ofDays(20));
    private static final KeyPair KEYS = GatewayRequests.newKeyPair(Curve.P256);
    private static final X509Certificate SIGNATURE = CA.issueGatewayCertificate(
            Csr.fromDer(GatewayRequests.csrDer(KEYS, GatewayId.of("EDEF0000000001"))), GatewayId.of("EDEF0000000001"),
            CertificateProfile.GATEWAY_SIGNATURE).certificate();

    private static BatchRefusedException.Reason refusal(byte[] body, List<X509Certificate> certificates) {
        try {
            BatchOpener.open(body, certificates, "EDEF0000000001");
        } catch (BatchRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void the_gateways_own_batch_opens() {
        ReadingBatch batch = new ReadingBatch("EDEF0000000001", Instant.parse("2026-11-24T00:00:00Z"), List.of(), List.of());
        byte[] body = SignedBatches.sign(batch, KEYS.getPrivate(), SIGNATURE);
        assertThat(BatchOpener.open(body, List.of(SIGNATURE), "EDEF0000000001").batch()).isEqualTo(batch);
    }

    @Test
    void each_refusal_has_its_typed_reason() {
        ReadingBatch other = new ReadingBatch("EDEF0000000002", Instant.parse("2026-11-24T00:00:00Z"), List.of(), List.of());
        assertThat(refusal(SignedBatches.sign(other, KEYS.getPrivate(), SIGNATURE), List.of(SIGNATURE)))
                .isEqualTo(BatchRefusedException.Reason.GATEWAY_MISMATCH);
        assertThat(refusal(new byte[BatchFormat.MAX_SIGNED_BYTES + 1], List.of(SIGNATURE)))
                .isEqualTo(BatchRefusedException.Reason.TOO_LARGE);
        assertThat(refusal(new byte[] {1, 2, 3}, List.of(SIGNATURE))).isEqualTo(BatchRefusedException.Reason.MALFORMED);
        assertThat(refusal(new byte[] {1, 2, 3}, List.of())).isEqualTo(BatchRefusedException.Reason.NO_SIGNATURE_CERTIFICATE);
        assertThatThrownBy(() -> BatchOpener.open(new byte[] {1}, List.of(), "EDEF0000000001"))
                .isInstanceOfSatisfying(BatchRefusedException.class, e -> assertThat(e.forbidden()).isTrue());
    }
}
