package org.smgwlite.pki.profile;

/** The X.509 KeyUsage bits the Wirk-PKI sets; {@link #bit()} is the index in {@code X509Certificate.getKeyUsage()}. */
public enum KeyUsage {
    DIGITAL_SIGNATURE(0),
    NON_REPUDIATION(1),
    KEY_AGREEMENT(4),
    KEY_CERT_SIGN(5),
    CRL_SIGN(6);

    private final int bit;

    KeyUsage(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
