package org.smgwlite.pki;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Optional;

/**
 * The elliptic curves the Wirk-PKI issues for. brainpool curves are what TR-03109/TR-03116-3 require for
 * smart meter gateways; the NIST curves are what every TLS stack (and the ESP32) speaks.
 * The signature hash follows the curve's strength: SHA-256 for 256-bit curves, SHA-384 for 384-bit ones.
 */
public enum Curve {
    P256("secp256r1", "1.2.840.10045.3.1.7", 256, "SHA256withECDSA"),
    BRAINPOOL_P256R1("brainpoolP256r1", "1.3.36.3.3.2.8.1.1.7", 256, "SHA256withECDSA"),
    P384("secp384r1", "1.3.132.0.34", 384, "SHA384withECDSA"),
    BRAINPOOL_P384R1("brainpoolP384r1", "1.3.36.3.3.2.8.1.1.11", 384, "SHA384withECDSA");

    private final String standardName;
    private final String oid;
    private final int bits;
    private final String signatureAlgorithm;

    Curve(String standardName, String oid, int bits, String signatureAlgorithm) {
        this.standardName = standardName;
        this.oid = oid;
        this.bits = bits;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The name key generators and openssl know the curve by ({@code secp256r1}, {@code brainpoolP256r1}). */
    public String standardName() {
        return standardName;
    }

    public String oid() {
        return oid;
    }

    public int bits() {
        return bits;
    }

    /** The JCA signature algorithm a key on this curve signs certificates and CRLs with. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public boolean isBrainpool() {
        return this == BRAINPOOL_P256R1 || this == BRAINPOOL_P384R1;
    }

    public static Optional<Curve> byOid(String oid) {
        return Arrays.stream(values()).filter(c -> c.oid.equals(oid)).findFirst();
    }

    /** Accepts the enum name, the standard name or the usual aliases ({@code P-256}, {@code prime256v1}). */
    public static Curve parse(String name) {
        String n = name.trim().toLowerCase().replace("_", "").replace("-", "");
        return switch (n) {
            case "p256", "secp256r1", "prime256v1" -> P256;
            case "p384", "secp384r1" -> P384;
            case "brainpoolp256r1", "bp256" -> BRAINPOOL_P256R1;
            case "brainpoolp384r1", "bp384" -> BRAINPOOL_P384R1;
            default -> throw new IllegalArgumentException("unknown curve '" + name + "'");
        };
    }

    /**
     * The curve of an EC public key, read from the named-curve OID of its X.509 encoding.
     *
     * @throws UnsupportedKeyException for RSA, DSA, EdDSA, explicit curve parameters or any other curve
     */
    public static Curve of(PublicKey key) {
        if (!(key instanceof ECPublicKey) && !"EC".equals(key.getAlgorithm()) && !"ECDSA".equals(key.getAlgorithm())) {
            throw new UnsupportedKeyException("key type " + key.getAlgorithm() + " is not allowed, only EC keys");
        }
        String oid = CurveOids.namedCurveOid(key.getEncoded())
                .orElseThrow(() -> new UnsupportedKeyException("EC key does not name its curve (explicit parameters)"));
        return byOid(oid).orElseThrow(() -> new UnsupportedKeyException(
                "EC curve " + CurveOids.describe(oid) + " is not allowed"));
    }
}
