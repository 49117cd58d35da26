package org.smgwlite.pki;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.security.auth.x500.X500Principal;

/**
 * The id of a smart meter gateway, as it appears in the common name of its certificates
 * (e.g. {@code EDEF0012345678}). Restricted to characters that need no escaping in a distinguished name.
 */
public record GatewayId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public GatewayId {
        Objects.requireNonNull(value, "gateway id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "gateway id must be 1-64 characters [A-Za-z0-9._-] starting with a letter or digit: '"
                            + printable(value) + "'");
        }
    }

    public static GatewayId of(String value) {
        return new GatewayId(value);
    }

    /**
     * A gateway id as typed (a form, a URL, HTTP Basic credentials): surrounding whitespace is not part of it.
     *
     * @throws IllegalArgumentException if null or malformed
     */
    public static GatewayId parse(String typed) {
        return new GatewayId(typed == null ? "" : typed.strip());
    }

    /**
     * The gateway a certificate was issued to: the single CN of its subject. For {@code /simplereenroll},
     * where the current client certificate authorises the renewal of exactly that gateway.
     *
     * @throws IllegalArgumentException if the subject has no single CN that is a gateway id
     */
    public static GatewayId fromCertificate(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        try {
            var cns = new LdapName(subject).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN")).toList();
            if (cns.size() != 1) {
                throw new IllegalArgumentException("certificate subject '" + subject + "' has no single CN");
            }
            return new GatewayId(String.valueOf(cns.get(0).getValue()));
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("certificate subject '" + subject + "' cannot be parsed", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }

    static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
