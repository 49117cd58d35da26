package org.smgwlite.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.agent.AgentConfig;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.pem.PemCredentials;

/**
 * The gateway makes its keys on its tenant's curve: the tenant CA that {@code /cacerts} answers decides (once it chains
 * to the pinned root), {@code gateway.key-curve} may force one.
 */
class TenantKeyCurveTest {

    private static final String CODE = "7KQ2-M9XD-HA3T-0VRC";

    @TempDir
    Path dir;

    @Test
    void aBrainpoolTenantGetsBrainpoolKeysThatEnrollOverMutualTlsAndSignBatchesThePlatformVerifies() throws Exception {
        try (FakeEstServer platform = FakeEstServer.https(CurvePolicy.BRAINPOOL)) {
            EstEnrollment est = new EstEnrollment(settings(platform.url(), Optional.empty()), List.of(platform.rootCertificate()));

            EstEnrollment.Credential enrolled = est.enroll(CODE);
            // kept and read back as the upload service keeps it in credentials/
            PemCredentials.writePrivateKey(dir.resolve("tls.key"), enrolled.keys().getPrivate());
            EstEnrollment.Credential tls = new EstEnrollment.Credential(new KeyPair(enrolled.certificate().getPublicKey(),
                    PemCredentials.readPrivateKey(dir.resolve("tls.key"))), enrolled.chain());
            // the signature certificate comes over mutual TLS, authenticated by the brainpool TLS key
            EstEnrollment.Credential signature = est.signatureCredential(tls);

            assertThat(Curve.of(tls.certificate().getPublicKey())).isEqualTo(Curve.BRAINPOOL_P256R1);
            assertThat(Curve.of(signature.certificate().getPublicKey())).isEqualTo(Curve.BRAINPOOL_P256R1);
            ReadingBatch batch = new ReadingBatch("EDEF0012345678", Instant.parse("2026-11-30T00:00:00Z"), List.of(
                    new BatchValue(7, 7, Instant.parse("2026-11-29T23:45:00Z"), "1-0:1.8.0*255", BigInteger.valueOf(12345),
                            -1, "Wh", 0, 0, null)), List.of());
            byte[] signed = SignedBatches.sign(batch, signature.keys().getPrivate(), signature.certificate());
            SignedBatches.Opened opened = SignedBatches.open(signed, List.of(signature.certificate()));
            assertThat(opened.batch()).isEqualTo(batch);
            assertThat(opened.signer()).isEqualTo(signature.certificate());
        }
    }

    @Test
    void aNistTenantStillGetsP256Keys() throws Exception {
        try (FakeEstServer platform = FakeEstServer.https(CurvePolicy.NIST)) {
            EstEnrollment est = new EstEnrollment(settings(platform.url(), Optional.empty()), List.of(platform.rootCertificate()));

            EstEnrollment.Credential tls = est.enroll(CODE);

            assertThat(Curve.of(tls.certificate().getPublicKey())).isEqualTo(Curve.P256);
            assertThat(Curve.of(est.signatureCredential(tls).certificate().getPublicKey())).isEqualTo(Curve.P256);
        }
    }

    @Test
    void aForcedCurveIsUsedEvenWhereTheTenantCaRefusesIt() throws Exception {
        try (FakeEstServer platform = FakeEstServer.https(CurvePolicy.BRAINPOOL)) {
            EstEnrollment est = new EstEnrollment(settings(platform.url(), Optional.of(Curve.P256)), List.of(platform.rootCertificate()));

            assertThatThrownBy(() -> est.enroll(CODE)).isInstanceOf(IOException.class)
                    .hasMessageContaining("EST refused with 400").hasMessageContaining("KEY_NOT_ALLOWED")
                    .hasMessageContaining("requires brainpoolP256r1");
        }
    }

    @Test
    void aTenantCaThatDoesNotChainToThePinnedRootDecidesNothingAndNoKeyIsRequested() throws Exception {
        X509Certificate otherRoot = CaHierarchy.createRoot("Other Root", CurvePolicy.BRAINPOOL, Duration.ofDays(30)).certificate();
        // plain HTTP (development mode), so that only the /cacerts check stands between the answer and the key curve
        try (FakeEstServer platform = FakeEstServer.plainHttp()) {
            UploadSettings development = new UploadSettings(platform.url(), URI.create("https://localhost:8443"), FakeEstServer.TENANT,
                    "EDEF0012345678", CODE, dir.resolve("root.pem"), dir.resolve("credentials"), Duration.ZERO, Duration.ZERO,
                    Optional.empty(), true, Optional.empty());

            assertThatThrownBy(() -> new EstEnrollment(development, List.of(otherRoot)).enroll(CODE))
                    .isInstanceOf(IOException.class).hasMessageContaining("cannot decide the key curve");
            assertThat(platform.requests).as("/cacerts only, no simpleenroll").hasValue(1);
        }
    }

    @Test
    void theForcingSettingNamesItselfAndTheAllowedValuesWhenWrong() {
        Properties p = properties();
        p.setProperty(UploadSettings.KEY_CURVE, "secp384r1");
        assertThatThrownBy(() -> AgentConfig.parse(p, dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway.key-curve=secp384r1 is not allowed")
                .hasMessageContaining("P-256 or brainpoolP256r1");
        p.setProperty(UploadSettings.KEY_CURVE, "brainpool256");
        assertThatThrownBy(() -> AgentConfig.parse(p, dir)).hasMessageContaining("gateway.key-curve=brainpool256 is not allowed");

        p.setProperty(UploadSettings.KEY_CURVE, "brainpoolP256r1");
        assertThat(AgentConfig.parse(p, dir).upload().keyCurve()).contains(Curve.BRAINPOOL_P256R1);
        p.remove(UploadSettings.KEY_CURVE);
        assertThat(AgentConfig.parse(p, dir).upload().keyCurve()).isEmpty();
    }

    private UploadSettings settings(URI platform, Optional<Curve> keyCurve) {
        return new UploadSettings(platform, platform, FakeEstServer.TENANT, "EDEF0012345678", CODE, dir.resolve("root.pem"),
                dir.resolve("credentials"), Duration.ZERO, Duration.ZERO, Optional.empty(), false, keyCurve);
    }

    private static Properties properties() {
        Properties p = new Properties();
        p.setProperty("source", "simulate");
        p.setProperty("platform.url", "https://platform.example:8443");
        p.setProperty("platform.device.url", "https://platform.example:8443");
        p.setProperty("platform.tenant", FakeEstServer.TENANT);
        p.setProperty("gateway.id", "EDEF0012345678");
        p.setProperty("platform.root", "root.pem");
        return p;
    }
}
