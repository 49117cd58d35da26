package org.smgwlite.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.net.ssl.SSLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.agent.AgentConfig;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.profile.CertificateProfile;
import org.smgwlite.pki.tls.DevicePortTls;
import org.smgwlite.pki.tls.TlsEndpoint;
import org.smgwlite.pki.pem.PemCredentials;
import org.smgwlite.pki.tls.RootFingerprint;

/** First enrollment against a local EST server: TLS trusting only the pinned root, or plain HTTP only when named. */
class EnrollmentOverTlsTest {

    private static final String CODE = "7KQ2-M9XD-HA3T-0VRC";

    @TempDir
    Path dir;

    @Test
    void enrollsOverTlsWhenTheServerChainsToThePinnedRoot() throws Exception {
        try (FakeEstServer platform = FakeEstServer.https()) {
            EstEnrollment.Credential tls = new EstEnrollment(settings(platform.url(), Optional.empty(), false),
                    List.of(platform.rootCertificate())).enroll(CODE);

            assertThat(tls.certificate().getSubjectX500Principal().getName()).contains("CN=EDEF0012345678");
        }
    }

    @Test
    void refusesAServerOfAnotherRootBeforeTheCodeIsSent() throws Exception {
        X509Certificate otherRoot = CaHierarchy.createRoot("Other Root", CurvePolicy.NIST, Duration.ofDays(30)).certificate();
        try (FakeEstServer platform = FakeEstServer.https()) {
            EstEnrollment est = new EstEnrollment(settings(platform.url(), Optional.empty(), false), List.of(otherRoot));

            // Bouncy Castle's JSSE reports the refused chain as an SSLException (not SSLHandshakeException)
            assertThatThrownBy(() -> est.enroll(CODE)).isInstanceOf(SSLException.class);
            assertThat(platform.requests).hasValue(0);
        }
    }

    @Test
    void aClientCertificateOfAnotherCaIsRefusedInTheHandshakeAlthoughClientAuthIsOnlyWanted() throws Exception {
        CertificateAuthority foreign = CaHierarchy.createTenantCa(CaHierarchy.createRoot("Foreign Root", CurvePolicy.NIST,
                Duration.ofDays(30)), TenantId.of(FakeEstServer.TENANT), CurvePolicy.NIST, Duration.ofDays(20));
        KeyPair keys = GatewayRequests.newKeyPair(Curve.P256);
        IssuedCertificate certificate = foreign.issueGatewayCertificate(Csr.fromDer(GatewayRequests.csrDer(keys,
                GatewayId.of("EDEF0012345678"))), GatewayId.of("EDEF0012345678"), CertificateProfile.GATEWAY_TLS);
        try (FakeEstServer platform = FakeEstServer.https()) {
            TlsEndpoint tls = DevicePortTls.client(keys.getPrivate(), certificate.fullChain(), List.of(platform.rootCertificate()));
            HttpClient client = HttpClient.newBuilder().sslContext(tls.context()).sslParameters(tls.parameters()).build();

            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(EstEnrollment.operation(platform.url(),
                    FakeEstServer.TENANT, "cacerts")).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            assertThat(platform.requests).hasValue(0);
        }
    }

    @Test
    void aFingerprintPinFetchesAndKeepsOnlyTheMatchingRoot() throws Exception {
        try (FakeEstServer platform = FakeEstServer.https()) {
            UploadSettings settings = settings(platform.url(), Optional.of(RootFingerprint.of(platform.rootCertificate())), false);

            X509Certificate root = PinnedRoot.load(settings);

            assertThat(root).isEqualTo(platform.rootCertificate());
            assertThat(PemCredentials.readChain(settings.rootPem())).containsExactly(platform.rootCertificate());
            assertThat(new EstEnrollment(settings, List.of(root)).enroll(CODE).certificate()).isNotNull();
        }
    }

    @Test
    void aFingerprintThatMatchesNoRootOfCacertsIsRefusedAndNothingStored() throws Exception {
        X509Certificate otherRoot = CaHierarchy.createRoot("Other Root", CurvePolicy.NIST, Duration.ofDays(30)).certificate();
        try (FakeEstServer platform = FakeEstServer.https()) {
            UploadSettings settings = settings(platform.url(), Optional.of(RootFingerprint.of(otherRoot)), false);

            assertThatThrownBy(() -> PinnedRoot.load(settings)).isInstanceOf(IOException.class)
                    .hasMessageContaining("is a root with SHA-256 fingerprint " + RootFingerprint.of(otherRoot));
            assertThat(settings.rootPem()).doesNotExist();
        }
    }

    @Test
    void aRootFileThatDoesNotMatchTheFingerprintIsRefused() throws Exception {
        X509Certificate otherRoot = CaHierarchy.createRoot("Other Root", CurvePolicy.NIST, Duration.ofDays(30)).certificate();
        X509Certificate root = CaHierarchy.createRoot("Root", CurvePolicy.NIST, Duration.ofDays(30)).certificate();
        UploadSettings settings = settings(URI.create("https://localhost:8443"), Optional.of(RootFingerprint.of(otherRoot)), false);
        PemCredentials.writeChain(settings.rootPem(), List.of(root));

        assertThatThrownBy(() -> PinnedRoot.load(settings)).isInstanceOf(IOException.class)
                .hasMessageContaining("platform.root-sha256 is " + RootFingerprint.of(otherRoot));
    }

    @Test
    void plainHttpEnrollmentIsRefusedWithoutTheDevelopmentFlag() {
        assertThatThrownBy(() -> settings(URI.create("http://localhost:8080"), Optional.empty(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("platform.url http://localhost:8080 is plain HTTP")
                .hasMessageContaining(UploadSettings.INSECURE_ENROLLMENT + "=true");
        assertThatThrownBy(() -> AgentConfig.parse(properties("http://platform.example:8080", null), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is plain HTTP");
    }

    @Test
    void plainHttpEnrollmentWorksOnlyInTheNamedDevelopmentMode() throws Exception {
        assertThat(AgentConfig.parse(properties("http://platform.example:8080", "true"), dir).upload().insecureEnrollment()).isTrue();
        try (FakeEstServer platform = FakeEstServer.plainHttp()) {
            EstEnrollment.Credential tls = new EstEnrollment(settings(platform.url(), Optional.empty(), true),
                    List.of(platform.rootCertificate())).enroll(CODE);

            assertThat(tls.certificate()).isNotNull();
        }
    }

    @Test
    void theDevicePortIsNeverPlainHttp() {
        assertThatThrownBy(() -> new UploadSettings(URI.create("https://localhost:8443"), URI.create("http://localhost:8443"),
                FakeEstServer.TENANT, "EDEF0012345678", CODE, dir.resolve("root.pem"), dir, Duration.ZERO, Duration.ZERO,
                Optional.empty(), true, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("platform.device.url");
    }

    private UploadSettings settings(URI platform, Optional<RootFingerprint> pin, boolean insecure) {
        return new UploadSettings(platform, URI.create("https://localhost:8443"), FakeEstServer.TENANT, "EDEF0012345678", CODE,
                dir.resolve("root.pem"), dir.resolve("credentials"), Duration.ZERO, Duration.ZERO, pin, insecure, Optional.empty());
    }

    private static Properties properties(String url, String insecure) {
        Properties p = new Properties();
        p.setProperty("source", "simulate");
        p.setProperty("platform.url", url);
        p.setProperty("platform.device.url", "https://platform.example:8443");
        p.setProperty("platform.tenant", FakeEstServer.TENANT);
        p.setProperty("gateway.id", "EDEF0012345678");
        p.setProperty("platform.root", "root.pem");
        if (insecure != null) {
            p.setProperty(UploadSettings.INSECURE_ENROLLMENT, insecure);
        }
        return p;
    }
}
