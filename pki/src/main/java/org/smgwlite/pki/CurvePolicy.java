package org.smgwlite.pki;

import java.util.Objects;

/**
 * A tenant's choice of curves: one for the certificates its CA issues to gateways and the device port,
 * one (stronger) for the CA's own key. Only the two consistent pairs exist: mixing families inside a
 * tenant would make a gateway need both kinds of support.
 */
public record CurvePolicy(String name, Curve endEntityCurve, Curve caCurve) {

    /** NIST P-256 end entities under a P-384 CA: works with every TLS stack, the ESP32 and the JDK. */
    public static final CurvePolicy NIST = new CurvePolicy("nist", Curve.P256, Curve.P384);

    /** brainpoolP256r1 end entities under a brainpoolP384r1 CA: what TR-03109/TR-03116-3 require. */
    public static final CurvePolicy BRAINPOOL = new CurvePolicy("brainpool", Curve.BRAINPOOL_P256R1, Curve.BRAINPOOL_P384R1);

    public CurvePolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endEntityCurve, "endEntityCurve");
        Objects.requireNonNull(caCurve, "caCurve");
        if (endEntityCurve.bits() != 256 || caCurve.bits() != 384 || endEntityCurve.isBrainpool() != caCurve.isBrainpool()) {
            throw new IllegalArgumentException("a curve policy pairs a 256-bit end-entity curve with the 384-bit CA curve "
                    + "of the same family, not " + endEntityCurve + "/" + caCurve);
        }
    }

    public static CurvePolicy parse(String name) {
        return switch (name.trim().toLowerCase()) {
            case "nist", "p256", "p-256" -> NIST;
            case "brainpool", "bp", "brainpoolp256r1" -> BRAINPOOL;
            default -> throw new IllegalArgumentException("unknown curve policy '" + name + "' (nist or brainpool)");
        };
    }

    /**
     * The policy a CA follows, read from its own key: P-384 issues P-256 (NIST), brainpoolP384r1 issues
     * brainpoolP256r1. A gateway picks its key curve this way from the tenant CA it enrolls with.
     *
     * @throws UnsupportedKeyException for any other CA key
     */
    public static CurvePolicy ofCaKey(java.security.PublicKey caKey) {
        Curve curve = Curve.of(caKey);
        return switch (curve) {
            case P384 -> NIST;
            case BRAINPOOL_P384R1 -> BRAINPOOL;
            default -> throw new UnsupportedKeyException("CA keys are P-384 or brainpoolP384r1, not " + curve.standardName());
        };
    }

    /**
     * Checks that an end-entity key (from a CSR or for the device port) uses this policy's curve.
     *
     * @throws UnsupportedKeyException naming the key's type or curve and the curve the policy wants
     */
    public Curve requireEndEntityKey(java.security.PublicKey key) {
        Curve curve = Curve.of(key);
        if (curve != endEntityCurve) {
            throw new UnsupportedKeyException("key on curve " + curve.standardName() + " does not match the tenant's "
                    + name + " policy, which requires " + endEntityCurve.standardName());
        }
        return curve;
    }
}
