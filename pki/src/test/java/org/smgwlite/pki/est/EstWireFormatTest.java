package org.smgwlite.pki.est;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TestPki;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.csr.CsrRejectedException;
import org.smgwlite.pki.internal.Pem;
import org.smgwlite.pki.profile.CertificateProfile;

class EstWireFormatTest {

    private static final KeyPair KEYS = TestPki.ecKeys("secp256r1");
    private static final byte[] DER = TestPki.csrDer(KEYS, "CN=EDEF0012345678");

    @Test
    void acceptsPlainWrappedPemAndDerBodies() {
        String plain = Base64.getEncoder().encodeToString(DER);
        String wrapped = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(DER) + "\n";
        String crlf = Base64.getMimeEncoder(76, "\r\n".getBytes()).encodeToString(DER) + "\r\n";
        String pem = Pem.encode("CERTIFICATE REQUEST", DER);

        for (String body : List.of(plain, wrapped, crlf, pem)) {
            assertThat(EstWireFormat.parseEnrollmentRequest(body).encoded()).isEqualTo(DER);
        }
        assertThat(EstWireFormat.parseEnrollmentRequest(DER).encoded()).isEqualTo(DER);
    }

    @Test
    void refusesEmptyOversizedAndNonBase64Bodies() {
        assertMalformed(new byte[0]);
        assertMalformed(new byte[EstWireFormat.MAX_REQUEST_BYTES + 1]);
        assertMalformed("this is not base64!".getBytes(StandardCharsets.US_ASCII));
        assertMalformed("QUJD".getBytes(StandardCharsets.US_ASCII));
        assertMalformed("A===".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void corruptedBase64RequestDoesNotVerify() {
        byte[] tampered = DER.clone();
        tampered[tampered.length - 10] ^= 0x01;
        assertThatThrownBy(() -> EstWireFormat.parseEnrollmentRequest(Base64.getEncoder().encodeToString(tampered)))
                .isInstanceOf(CsrRejectedException.class);
    }

    @Test
    void certsOnlyResponseIsDegenerateSignedDataWithTheCertificates() throws Exception {
        CertificateAuthority ca = TestPki.tenantCa(CurvePolicy.NIST, "msb-1");
        Csr csr = EstWireFormat.parseEnrollmentRequest(Base64.getEncoder().encodeToString(DER));
        IssuedCertificate issued = ca.issueGatewayCertificate(csr, GatewayId.of("EDEF0012345678"), CertificateProfile.GATEWAY_TLS);

        String body = EstWireFormat.certsOnly(List.of(issued.certificate()));
        String cacerts = EstWireFormat.certsOnly(ca.chain());

        assertThat(body.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        CMSSignedData signedData = new CMSSignedData(Base64.getMimeDecoder().decode(body));
        assertThat(signedData.getSignerInfos().size()).isZero();
        assertThat(signedData.getSignedContent()).isNull();
        assertThat(EstWireFormat.parseCertsOnly(body.getBytes(StandardCharsets.US_ASCII)))
                .containsExactly(issued.certificate());
        assertThat(EstWireFormat.parseCertsOnly(cacerts.getBytes(StandardCharsets.US_ASCII)))
                .containsExactlyInAnyOrderElementsOf(ca.chain());
        assertThat(EstWireFormat.parseCertsOnly(EstWireFormat.certsOnlyDer(ca.chain()))).hasSize(2);
    }

    private static void assertMalformed(byte[] body) {
        assertThatThrownBy(() -> EstWireFormat.parseEnrollmentRequest(body))
                .isInstanceOfSatisfying(CsrRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(CsrRejectedException.Reason.MALFORMED));
    }
}
