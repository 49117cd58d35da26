package org.smgwlite.pki;

import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Reads the named-curve OID of a key's SubjectPublicKeyInfo; names refused curves for error messages. */
final class CurveOids {

    private static final Map<String, String> KNOWN_NAMES = Map.of(
            "1.2.840.10045.3.1.1", "secp192r1 (P-192)",
            "1.3.132.0.33", "secp224r1 (P-224)",
            "1.3.132.0.35", "secp521r1 (P-521)",
            "1.3.132.0.10", "secp256k1",
            "1.3.36.3.3.2.8.1.1.3", "brainpoolP192r1",
            "1.3.36.3.3.2.8.1.1.5", "brainpoolP224r1",
            "1.3.36.3.3.2.8.1.1.9", "brainpoolP320r1",
            "1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1");

    private CurveOids() {
    }

    static String describe(String oid) {
        return Optional.ofNullable(KNOWN_NAMES.get(oid)).map(n -> n + " [" + oid + "]").orElse(oid);
    }

    static Optional<String> namedCurveOid(byte[] spki) {
        try {
            var parameters = SubjectPublicKeyInfo.getInstance(spki).getAlgorithm().getParameters();
            return parameters instanceof ASN1ObjectIdentifier oid ? Optional.of(oid.getId()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
