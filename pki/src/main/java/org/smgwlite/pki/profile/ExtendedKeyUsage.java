package org.smgwlite.pki.profile;

/** The extended key usages the Wirk-PKI issues, by OID. */
public enum ExtendedKeyUsage {
    SERVER_AUTH("1.3.6.1.5.5.7.3.1"),
    CLIENT_AUTH("1.3.6.1.5.5.7.3.2"),
    /** id-kp-documentSigning (RFC 9336): what a gateway's day-after batch signature is. */
    DOCUMENT_SIGNING("1.3.6.1.5.5.7.3.36");

    private final String oid;

    ExtendedKeyUsage(String oid) {
        this.oid = oid;
    }

    public String oid() {
        return oid;
    }
}
