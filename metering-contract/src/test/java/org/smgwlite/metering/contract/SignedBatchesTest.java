package org.smgwlite.metering.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.cms.BatchSignatureException;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.profile.CertificateProfile;

class SignedBatchesTest {

    private static final CertificateAuthority CA = CaHierarchy.createTenantCa(
            CaHierarchy.createRoot("Test Root", CurvePolicy.NIST, Duration.ofDays(30)), TenantId.of("contract-test"),
            CurvePolicy.NIST, Duration.ofDays(20));
    private static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");

    private record Gateway(KeyPair keys, X509Certificate signature) {
    }

    private static Gateway gateway(String id) {
        KeyPair keys = GatewayRequests.newKeyPair(Curve.P256);
        X509Certificate cert = CA.issueGatewayCertificate(Csr.fromDer(GatewayRequests.csrDer(keys, GatewayId.of(id))),
                GatewayId.of(id), CertificateProfile.GATEWAY_SIGNATURE).certificate();
        return new Gateway(keys, cert);
    }

    static ReadingBatch day(String gatewayId) {
        List<BatchValue> values = new ArrayList<>();
        for (int slot = 0; slot < 96; slot++) {
            Instant start = DAY.plus(Duration.ofMinutes(15L * slot));
            values.add(new BatchValue(42, 7, start, "1-0:1.8.0*255", BigInteger.valueOf(1_000_000 + 250L * slot), -1, "Wh", 0, 0));
            values.add(new BatchValue(42, 7, start, "1-0:2.8.0*255", BigInteger.valueOf(5_000 + 10L * slot), -1, "Wh", 0, 0x10));
        }
        return new ReadingBatch(gatewayId, DAY.plus(Duration.ofMinutes(1450)), values,
                List.of("1\t2026-11-24T00:00:00Z\tSTART\tversion 1\t" + "0".repeat(64) + "\t" + "a".repeat(64)));
    }

    @Test
    void a_signed_day_opens_to_exactly_the_batch_that_was_signed() {
        Gateway gw = gateway("EDEF0000000010");
        ReadingBatch batch = day("EDEF0000000010");

        SignedBatches.Opened opened = SignedBatches.open(SignedBatches.sign(batch, gw.keys().getPrivate(), gw.signature()),
                List.of(gw.signature()));

        assertThat(opened.batch()).isEqualTo(batch);
        assertThat(opened.batch().values()).hasSize(192);
        assertThat(opened.signer()).isEqualTo(gw.signature());
    }

    @Test
    void a_tampered_value_is_refused_before_anything_is_decoded() {
        Gateway gw = gateway("EDEF0000000011");
        byte[] signed = SignedBatches.sign(day("EDEF0000000011"), gw.keys().getPrivate(), gw.signature());
        byte[] needle = "1000250".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(signed, needle);
        assertThat(at).isPositive();
        signed[at] = '2'; // 1000250 -> 2000250

        assertThatThrownBy(() -> SignedBatches.open(signed, List.of(gw.signature())))
                .isInstanceOfSatisfying(BatchSignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(BatchSignatureException.Reason.BAD_SIGNATURE));
    }

    @Test
    void a_batch_signed_by_another_gateways_key_is_refused() {
        Gateway mine = gateway("EDEF0000000012");
        Gateway other = gateway("EDEF0000000013");
        byte[] signed = SignedBatches.sign(day("EDEF0000000012"), other.keys().getPrivate(), other.signature());

        assertThatThrownBy(() -> SignedBatches.open(signed, List.of(mine.signature())))
                .isInstanceOfSatisfying(BatchSignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(BatchSignatureException.Reason.UNKNOWN_SIGNER));
    }

    @Test
    void an_upload_over_the_size_limit_is_refused_as_too_large_by_type() {
        Gateway gw = gateway("EDEF0000000015");
        byte[] oversized = new byte[BatchFormat.MAX_SIGNED_BYTES + 1];

        assertThatThrownBy(() -> SignedBatches.open(oversized, List.of(gw.signature())))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessage("signed batch of " + oversized.length + " bytes exceeds " + BatchFormat.MAX_SIGNED_BYTES + " bytes");
    }

    @Test
    void malformed_bodies_name_the_line_and_the_fault() {
        String good = new String(BatchFormat.encode(day("EDEF0000000014")), StandardCharsets.UTF_8);
        record Case(String body, int line, String says) {
        }
        List<Case> cases = List.of(
                new Case(good.replace("SMGWLITE-BATCH\t1", "SMGWLITE-BATCH\t2"), 1, "unsupported batch version"),
                new Case(good.substring(0, good.indexOf("END")), 196, "no END"),
                new Case(good.replace("END\t192\t1", "END\t191\t1"), 197, "counts do not match"),
                new Case(good.replaceFirst("1-0:1\\.8\\.0\\*255", "1.8.0"), 4, "is not A-B:C.D.E*F"),
                new Case(good.replaceFirst("\t1000000\t", "\t1e6\t"), 4, "not a number"),
                new Case(good.replaceFirst("2026-11-24T00:15:00Z", "yesterday"), 6, "not an ISO-8601"),
                new Case(good.replaceFirst("\n", "\nX\tjunk\n"), 2, "expected 'gateway"));
        for (Case c : cases) {
            assertThatThrownBy(() -> BatchFormat.decode(c.body().getBytes(StandardCharsets.UTF_8)))
                    .as(c.says()).isInstanceOfSatisfying(BatchFormatException.class, e -> {
                        assertThat(e.line()).isEqualTo(c.line());
                        assertThat(e.getMessage()).contains(c.says());
                    });
        }
    }

    /** Where {@code needle} starts in {@code haystack}, or -1 (ISO-8859-1 maps each byte to one char). */
    private static int indexOf(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
    }
}
