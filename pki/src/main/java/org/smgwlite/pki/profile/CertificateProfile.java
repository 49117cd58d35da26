package org.smgwlite.pki.profile;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a certificate of each kind contains. Every profile gets BasicConstraints (critical), KeyUsage
 * (critical), subject and authority key identifiers; end entities also get an EKU and never a CA flag.
 * Gateways get two certificates on two keys, as in the smart metering PKI: one for TLS, one for signing.
 */
public enum CertificateProfile {
    /** The platform root: long-lived, kept offline; signs tenant CAs (and the device-port server certificate). */
    ROOT_CA(true, 1, Set.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN), List.of(), Duration.ofDays(20 * 365)),
    /** A tenant's issuing CA ("MSB CA"): signs its gateways' certificates and its CRL, no further CAs. */
    TENANT_CA(true, 0, Set.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN), List.of(), Duration.ofDays(10 * 365)),
    /** A gateway's TLS client certificate for the device port. ECDHE-ECDSA needs only digitalSignature. */
    GATEWAY_TLS(false, -1, Set.of(KeyUsage.DIGITAL_SIGNATURE), List.of(ExtendedKeyUsage.CLIENT_AUTH), Duration.ofDays(2 * 365)),
    /** A gateway's signature certificate for day-after batches: content commitment, document signing. */
    GATEWAY_SIGNATURE(false, -1, Set.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.NON_REPUDIATION),
            List.of(ExtendedKeyUsage.DOCUMENT_SIGNING), Duration.ofDays(2 * 365)),
    /** The platform's device-port TLS server certificate; carries its host names as subjectAltName. */
    SERVER_TLS(false, -1, Set.of(KeyUsage.DIGITAL_SIGNATURE), List.of(ExtendedKeyUsage.SERVER_AUTH), Duration.ofDays(397));

    private final boolean ca;
    private final int pathLength;
    private final Set<KeyUsage> keyUsages;
    private final List<ExtendedKeyUsage> extendedKeyUsages;
    private final Duration defaultValidity;

    CertificateProfile(boolean ca, int pathLength, Set<KeyUsage> keyUsages, List<ExtendedKeyUsage> extendedKeyUsages,
                       Duration defaultValidity) {
        this.ca = ca;
        this.pathLength = pathLength;
        this.keyUsages = keyUsages;
        this.extendedKeyUsages = extendedKeyUsages;
        this.defaultValidity = defaultValidity;
    }

    public boolean isCa() {
        return ca;
    }

    /** The BasicConstraints path length of a CA profile; empty for end entities. */
    public Optional<Integer> pathLength() {
        return ca ? Optional.of(pathLength) : Optional.empty();
    }

    public Set<KeyUsage> keyUsages() {
        return keyUsages;
    }

    public List<ExtendedKeyUsage> extendedKeyUsages() {
        return extendedKeyUsages;
    }

    public Duration defaultValidity() {
        return defaultValidity;
    }

    public boolean isGateway() {
        return this == GATEWAY_TLS || this == GATEWAY_SIGNATURE;
    }

    /**
     * The gateway profile an EST request asks for through its optional label
     * ({@code /.well-known/est/<label>/simpleenroll}, RFC 7030 section 3.2.2): none or {@code tls} is the
     * TLS client certificate, {@code signature} the signature certificate.
     */
    public static CertificateProfile forEstLabel(Optional<String> label) {
        String l = label.map(String::trim).orElse("");
        return switch (l) {
            case "", "tls" -> GATEWAY_TLS;
            case "signature", "sign" -> GATEWAY_SIGNATURE;
            default -> throw new IllegalArgumentException("unknown EST label '" + l + "' (tls or signature)");
        };
    }
}
