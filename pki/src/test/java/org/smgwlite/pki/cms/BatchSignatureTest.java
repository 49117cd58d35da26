package org.smgwlite.pki.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TestPki;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.profile.CertificateProfile;

class BatchSignatureTest {

    private static final CertificateAuthority CA = TestPki.tenantCa(CurvePolicy.NIST, "stadtwerke-test");
    private static final byte[] CONTENT = "SMGWLITE-BATCH\t1\nsome values\n".getBytes(StandardCharsets.UTF_8);

    private record Signer(KeyPair keys, X509Certificate certificate) {
    }

    private static Signer signer(String gateway) {
        KeyPair keys = TestPki.ecKeys("secp256r1");
        X509Certificate cert = CA.issueGatewayCertificate(Csr.fromDer(TestPki.csrDer(keys, "CN=" + gateway)),
                GatewayId.of(gateway), CertificateProfile.GATEWAY_SIGNATURE).certificate();
        return new Signer(keys, cert);
    }

    @Test
    void a_signed_batch_verifies_against_the_gateways_certificate_and_yields_its_content() {
        Signer gw = signer("EDEF0000000001");
        byte[] signed = BatchSignature.sign(CONTENT, gw.keys().getPrivate(), gw.certificate());

        BatchSignature.Verified verified = BatchSignature.verify(signed, List.of(gw.certificate()), 1 << 20);

        assertThat(verified.content()).isEqualTo(CONTENT);
        assertThat(verified.signer()).isEqualTo(gw.certificate());
    }

    @Test
    void a_flipped_byte_in_the_content_is_refused_as_bad_signature() {
        Signer gw = signer("EDEF0000000002");
        byte[] signed = BatchSignature.sign(CONTENT, gw.keys().getPrivate(), gw.certificate());
        int at = indexOf(signed, "some values".getBytes(StandardCharsets.UTF_8));
        assertThat(at).isPositive();
        signed[at] ^= 0x01;

        assertThatThrownBy(() -> BatchSignature.verify(signed, List.of(gw.certificate()), 1 << 20))
                .isInstanceOfSatisfying(BatchSignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(BatchSignatureException.Reason.BAD_SIGNATURE));
    }

    @Test
    void every_flipped_byte_of_the_content_or_the_signer_info_is_refused() {
        // the certificate set is not covered by the signature and is never trusted, so it is left out here
        Signer gw = signer("EDEF0000000005");
        byte[] signed = BatchSignature.sign(CONTENT, gw.keys().getPrivate(), gw.certificate());
        int contentAt = indexOf(signed, CONTENT);
        java.util.List<Integer> positions = new java.util.ArrayList<>();
        for (int i = contentAt; i < contentAt + CONTENT.length; i++) {
            positions.add(i);
        }
        for (int i = signed.length - 150; i < signed.length; i++) {
            positions.add(i);
        }
        for (int i : positions) {
            byte[] tampered = signed.clone();
            tampered[i] ^= 0x40;
            int position = i;
            assertThatThrownBy(() -> BatchSignature.verify(tampered, List.of(gw.certificate()), 1 << 20))
                    .as("byte %d flipped", position).isInstanceOf(BatchSignatureException.class);
        }
    }

    @Test
    void a_batch_signed_by_another_gateways_key_is_refused_as_unknown_signer() {
        Signer gw = signer("EDEF0000000003");
        Signer other = signer("EDEF0000000004");
        byte[] signed = BatchSignature.sign(CONTENT, other.keys().getPrivate(), other.certificate());

        assertThatThrownBy(() -> BatchSignature.verify(signed, List.of(gw.certificate()), 1 << 20))
                .isInstanceOfSatisfying(BatchSignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(BatchSignatureException.Reason.UNKNOWN_SIGNER));
    }

    @Test
    void a_certificate_claimed_with_another_key_does_not_verify() {
        Signer gw = signer("EDEF0000000006");
        KeyPair thief = TestPki.ecKeys("secp256r1");
        byte[] signed = BatchSignature.sign(CONTENT, thief.getPrivate(), gw.certificate());

        assertThatThrownBy(() -> BatchSignature.verify(signed, List.of(gw.certificate()), 1 << 20))
                .isInstanceOfSatisfying(BatchSignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(BatchSignatureException.Reason.BAD_SIGNATURE));
    }

    @Test
    void garbage_empty_and_oversized_bodies_are_malformed() {
        Signer gw = signer("EDEF0000000007");
        byte[] signed = BatchSignature.sign(CONTENT, gw.keys().getPrivate(), gw.certificate());
        for (byte[] body : List.of(new byte[0], "not cms".getBytes(StandardCharsets.US_ASCII), CONTENT)) {
            assertThatThrownBy(() -> BatchSignature.verify(body, List.of(gw.certificate()), 1 << 20))
                    .isInstanceOfSatisfying(BatchSignatureException.class,
                            e -> assertThat(e.reason()).isEqualTo(BatchSignatureException.Reason.MALFORMED));
        }
        assertThatThrownBy(() -> BatchSignature.verify(signed, List.of(gw.certificate()), signed.length - 1))
                .isInstanceOfSatisfying(BatchSignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(BatchSignatureException.Reason.MALFORMED));
    }

    /** Where {@code needle} starts in {@code haystack}, or -1 (ISO-8859-1 maps each byte to one char). */
    private static int indexOf(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
    }

    @Test
    void a_signature_by_an_expired_or_not_yet_valid_certificate_is_refused_with_its_validity() {
        Signer gw = signer("EDEF0000000009");
        byte[] signed = BatchSignature.sign(CONTENT, gw.keys().getPrivate(), gw.certificate());
        java.time.Instant after = gw.certificate().getNotAfter().toInstant().plusSeconds(1);
        java.time.Instant before = gw.certificate().getNotBefore().toInstant().minusSeconds(1);

        for (java.time.Instant at : List.of(after, before)) {
            assertThatThrownBy(() -> BatchSignature.verify(signed, List.of(gw.certificate()), 1 << 20, at))
                    .isInstanceOfSatisfying(BatchSignatureException.class,
                            e -> assertThat(e.reason()).isEqualTo(BatchSignatureException.Reason.SIGNER_NOT_VALID))
                    .hasMessageContaining(gw.certificate().getSerialNumber().toString(16)).hasMessageContaining("renew");
        }
        assertThat(BatchSignature.verify(signed, List.of(gw.certificate()), 1 << 20, after.minusSeconds(2)).signer())
                .isEqualTo(gw.certificate());
    }
}
