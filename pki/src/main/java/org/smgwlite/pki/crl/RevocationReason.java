package org.smgwlite.pki.crl;

import java.util.Arrays;

/** CRLReason codes of RFC 5280 section 5.3.1 (value 7 is unused there). */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    CA_COMPROMISE(2),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6),
    PRIVILEGE_WITHDRAWN(9),
    AA_COMPROMISE(10);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RevocationReason ofCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no CRL reason code " + code));
    }

    /** Accepts {@code keyCompromise}, {@code KEY_COMPROMISE} or {@code key-compromise}. */
    public static RevocationReason parse(String name) {
        String n = name.trim().replace("-", "").replace("_", "");
        return Arrays.stream(values()).filter(r -> r.name().replace("_", "").equalsIgnoreCase(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown revocation reason '" + name + "'"));
    }
}
