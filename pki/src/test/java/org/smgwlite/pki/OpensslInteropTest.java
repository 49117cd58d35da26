package org.smgwlite.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.pki.crl.RevokedCertificate;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.est.EstWireFormat;
import org.smgwlite.pki.internal.Pem;
import org.smgwlite.pki.profile.CertificateProfile;

/**
 * A stock client's view: the key and CSR come from {@code openssl req}, the request travels as an EST body,
 * and {@code openssl verify -purpose sslclient} judges the issued chain, with and without the CRL.
 * Skipped only where openssl is not installed.
 */
class OpensslInteropTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void opensslPresent() {
        assumeTrue(!Openssl.version().isEmpty(), "openssl is not installed");
    }

    @ParameterizedTest
    @CsvSource({"nist, P-256", "brainpool, brainpoolP256r1"})
    void opensslCsrIsIssuedAndVerifiesAsSslClientUntilRevoked(String policyName, String opensslCurve) throws Exception {
        CurvePolicy policy = CurvePolicy.parse(policyName);
        CertificateAuthority ca = TestPki.tenantCa(policy, "msb-1");
        run("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:" + opensslCurve, "-nodes",
                "-keyout", dir.resolve("gw.key").toString(), "-subj", "/CN=EDEF0012345678/O=Gateway",
                "-outform", "DER", "-out", dir.resolve("gw.csr.der").toString());
        String estBody = java.util.Base64.getMimeEncoder().encodeToString(Files.readAllBytes(dir.resolve("gw.csr.der")));

        Csr csr = EstWireFormat.parseEnrollmentRequest(estBody);
        IssuedCertificate issued = ca.issueGatewayCertificate(csr, GatewayId.of("EDEF0012345678"), CertificateProfile.GATEWAY_TLS);
        Files.writeString(dir.resolve("root.pem"), Pem.certificates(List.of(ca.root())));
        Files.writeString(dir.resolve("sub.pem"), Pem.certificates(List.of(ca.certificate())));
        Files.writeString(dir.resolve("gw.pem"), issued.certificatePem());
        Files.write(dir.resolve("response.p7"), EstWireFormat.certsOnly(List.of(issued.certificate())).getBytes());

        String verify = run("openssl", "verify", "-purpose", "sslclient", "-CAfile", path("root.pem"),
                "-untrusted", path("sub.pem"), path("gw.pem"));
        assertThat(verify).contains("gw.pem: OK");
        String keyMatches = run("openssl", "x509", "-in", path("gw.pem"), "-noout", "-pubkey");
        assertThat(keyMatches).isEqualTo(run("openssl", "pkey", "-in", path("gw.key"), "-pubout"));
        assertThat(run("openssl", "base64", "-d", "-in", path("response.p7"), "-out", path("response.der"))).isEmpty();
        assertThat(run("openssl", "pkcs7", "-inform", "DER", "-in", path("response.der"), "-print_certs", "-noout"))
                .contains("CN = EDEF0012345678");

        X509CRL crl = ca.issueCrl(List.of(new RevokedCertificate(issued.serial(), Instant.now(), RevocationReason.KEY_COMPROMISE)),
                BigInteger.ONE, Duration.ofDays(1));
        X509CRL rootCrl = TestPki.rootOf(ca).issueCrl(List.of(), BigInteger.ONE, Duration.ofDays(1));
        Files.writeString(dir.resolve("crls.pem"), Pem.encode("X509 CRL", crl.getEncoded()) + Pem.encode("X509 CRL", rootCrl.getEncoded()));
        Openssl.Result revoked = Openssl.start("openssl", "verify", "-crl_check_all", "-CRLfile", path("crls.pem"), "-purpose", "sslclient",
                "-CAfile", path("root.pem"), "-untrusted", path("sub.pem"), path("gw.pem"));
        assertThat(revoked.exitCode()).isNotZero();
        assertThat(revoked.output()).contains("certificate revoked");
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private static String run(String... command) throws Exception {
        Openssl.Result result = Openssl.start(command);
        assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output()).isZero();
        return result.output();
    }
}
