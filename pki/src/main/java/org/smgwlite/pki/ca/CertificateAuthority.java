package org.smgwlite.pki.ca;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.crl.CrlSigner;
import org.smgwlite.pki.crl.RevokedCertificate;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.internal.Keys;
import org.smgwlite.pki.internal.Pem;
import org.smgwlite.pki.keystore.EncryptedPrivateKeys;
import org.smgwlite.pki.profile.CertificateProfile;

/**
 * A CA that can sign: its certificate, its chain up to the root, its private key, and the curve policy
 * that follows from its key (P-384 issues P-256, brainpoolP384r1 issues brainpoolP256r1).
 * Immutable and safe to share between threads; the private key never leaves except encrypted.
 */
public final class CertificateAuthority {

    /** Issued certificates start a little in the past, so that a gateway with a slow clock accepts them. */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;
    private final Curve curve;
    private final CurvePolicy policy;
    private final Clock clock;

    private CertificateAuthority(List<X509Certificate> chain, PrivateKey privateKey, Clock clock) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a CA needs at least its own certificate");
        }
        this.chain = List.copyOf(chain);
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        X509Certificate own = chain.get(0);
        if (own.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("certificate " + own.getSubjectX500Principal() + " is not a CA certificate");
        }
        this.curve = Curve.of(own.getPublicKey());
        this.policy = CurvePolicy.ofCaKey(own.getPublicKey());
        if (!Keys.belongTogether(privateKey, own.getPublicKey())) {
            throw new IllegalArgumentException("private key does not belong to CA certificate " + own.getSubjectX500Principal());
        }
    }

    /**
     * A CA from its certificate chain (own certificate first, root last) and its private key.
     *
     * @throws IllegalArgumentException if the first certificate is no CA certificate or the key does not match it
     */
    public static CertificateAuthority of(List<X509Certificate> chain, PrivateKey privateKey) {
        return new CertificateAuthority(chain, privateKey, Clock.systemUTC());
    }

    /**
     * A CA as stored by the platform or the command line: PEM chain and PEM encrypted PKCS#8 key.
     *
     * @throws org.smgwlite.pki.keystore.KeyDecryptionException for a wrong secret
     */
    public static CertificateAuthority fromPem(String chainPem, String encryptedKeyPem, char[] secret) {
        return of(Pem.parseCertificates(chainPem), EncryptedPrivateKeys.decrypt(encryptedKeyPem, secret));
    }

    /** The same CA reading the time from another clock (for tests and for back-dated batch issuing). */
    public CertificateAuthority withClock(Clock other) {
        return new CertificateAuthority(chain, privateKey, other);
    }

    Clock clock() {
        return clock;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** This CA's certificate first, root last: what {@code /cacerts} returns. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate root() {
        return chain.get(chain.size() - 1);
    }

    public CurvePolicy policy() {
        return policy;
    }

    public String name() {
        return certificate().getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    /** The tenant a tenant CA serves (the OU of its subject); empty for the root. */
    public Optional<TenantId> tenant() {
        RDN[] ous = subjectName().getRDNs(BCStyle.OU);
        return ous.length == 0 ? Optional.empty()
                : Optional.of(TenantId.of(IETFUtils.valueToString(ous[0].getFirst().getValue())));
    }

    public String chainPem() {
        return Pem.certificates(chain);
    }

    /** The private key as PEM encrypted PKCS#8 under the given secret (see {@link EncryptedPrivateKeys}). */
    public String encryptedPrivateKeyPem(char[] secret) {
        return EncryptedPrivateKeys.encrypt(privateKey, secret);
    }

    /** A gateway certificate with the profile's default validity. */
    public IssuedCertificate issueGatewayCertificate(Csr csr, GatewayId gateway, CertificateProfile profile) {
        return issueGatewayCertificate(csr, gateway, profile, profile.defaultValidity());
    }

    /**
     * Issues a gateway certificate (TLS client or signature) for a verified CSR. The CSR's key must be on the
     * tenant's end-entity curve and its subject must name exactly {@code gateway}; the certificate's subject
     * is built here ({@code CN=<gateway>} under this CA's OU and O), nothing else is copied from the request.
     *
     * @throws org.smgwlite.pki.csr.CsrRejectedException {@code KEY_NOT_ALLOWED} or {@code SUBJECT_MISMATCH};
     *                                                    nothing is issued then
     */
    public IssuedCertificate issueGatewayCertificate(Csr csr, GatewayId gateway, CertificateProfile profile, Duration validity) {
        if (!profile.isGateway()) {
            throw new IllegalArgumentException(profile + " is not a gateway profile");
        }
        csr.requireSubjectNames(gateway);
        csr.requireKeyAllowedBy(policy);
        X509Certificate certificate = sign(endEntitySubject(gateway.value()), csr.publicKey(), profile, validity,
                CertificateBuilder.SubjectAltNames.NONE);
        return new IssuedCertificate(certificate, chain, profile, Optional.of(gateway));
    }

    /**
     * Issues the device-port server certificate for a key on this CA's end-entity curve; {@code hostNames}
     * become DNS subjectAltNames (the first also the CN), {@code ipAddresses} IP subjectAltNames.
     */
    public IssuedCertificate issueServerCertificate(PublicKey key, List<String> hostNames, List<String> ipAddresses,
                                                    Duration validity) {
        if (hostNames.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one host name");
        }
        policy.requireEndEntityKey(key);
        List<String> ips = ipAddresses.stream().map(CertificateAuthority::literalIp).toList();
        X509Certificate certificate = sign(endEntitySubject(hostNames.get(0)), key, CertificateProfile.SERVER_TLS, validity,
                new CertificateBuilder.SubjectAltNames(List.copyOf(hostNames), ips));
        return new IssuedCertificate(certificate, chain, CertificateProfile.SERVER_TLS, Optional.empty());
    }

    /** Signs a subordinate CA certificate; used by {@link CaHierarchy}. */
    X509Certificate issueCaCertificate(X500Name subject, PublicKey key, CertificateProfile profile, Duration validity) {
        return sign(subject, key, profile, validity, CertificateBuilder.SubjectAltNames.NONE);
    }

    /**
     * A CRL of this CA listing {@code revoked}, valid from now until now + {@code validity}.
     * The caller keeps the CRL number increasing (RFC 5280 5.2.3).
     */
    public X509CRL issueCrl(Collection<RevokedCertificate> revoked, BigInteger crlNumber, Duration validity) {
        Instant now = clock.instant();
        return CrlSigner.sign(certificate(), privateKey, revoked, crlNumber, now, now.plus(validity));
    }

    private X509Certificate sign(X500Name subject, PublicKey key, CertificateProfile profile, Duration validity,
                                 CertificateBuilder.SubjectAltNames altNames) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        Instant now = clock.instant();
        return CertificateBuilder.sign(certificate(), privateKey, curve, subject, key, profile,
                now.minus(BACKDATE), now.plus(validity), altNames);
    }

    private X500Name subjectName() {
        return X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded());
    }

    /** The issuer's O and OU with the given CN: a tenant's certificates say which tenant they belong to. */
    private X500Name endEntitySubject(String commonName) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (RDN rdn : subjectName().getRDNs()) {
            if (!rdn.getFirst().getType().equals(BCStyle.CN)) {
                builder.addRDN(rdn.getFirst());
            }
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }

    private static String literalIp(String ip) {
        if (!ip.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("not an IP address literal: " + ip);
        }
        try {
            return InetAddress.getByName(ip).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + ip, e);
        }
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + name() + ", " + curve.standardName() + "]";
    }
}
