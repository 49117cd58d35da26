package org.smgwlite.pki.crl;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.smgwlite.pki.internal.Bc;
import org.smgwlite.pki.profile.ExtendedKeyUsage;

/**
 * Checks a certificate chain against trusted roots and the issuers' CRLs, failing closed: a chain whose
 * issuing CA has no current CRL is refused. The device port calls this for every gateway that connects.
 * Works for brainpool chains as well, since path validation and signature checks run on the private provider.
 */
public final class ChainValidator {

    /** Which certificates of a chain need a CRL from their issuer. */
    public enum RevocationScope {
        /** Only the end-entity certificate (its tenant CA's CRL); the root's CRL is not needed. */
        END_ENTITY,
        /** Every certificate below the trust anchor, including tenant CA certificates (needs the root's CRL). */
        FULL_CHAIN
    }

    private final Set<TrustAnchor> anchors;
    private final RevocationScope scope;

    public ChainValidator(Collection<X509Certificate> trustedRoots, RevocationScope scope) {
        if (trustedRoots.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted root is needed");
        }
        Set<TrustAnchor> set = new HashSet<>();
        trustedRoots.forEach(root -> set.add(new TrustAnchor(root, null)));
        this.anchors = Set.copyOf(set);
        this.scope = scope;
    }

    /**
     * Validates {@code chain} (end entity first; the root may be included or left out) at {@code at}.
     *
     * @return the path that was validated, end entity first, without the trust anchor
     * @throws CertificateRejectedException naming the certificate and why it was refused
     */
    public List<X509Certificate> validate(List<X509Certificate> chain, Collection<X509CRL> crls, Instant at) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
        List<X509Certificate> path = withoutAnchors(chain);
        PKIXCertPathValidatorResult result = validatePath(path, at);
        int checked = scope == RevocationScope.END_ENTITY ? 1 : path.size();
        for (int i = 0; i < checked; i++) {
            PublicKey issuerKey = i + 1 < path.size() ? path.get(i + 1).getPublicKey()
                    : result.getTrustAnchor().getTrustedCert().getPublicKey();
            checkRevocation(path.get(i), issuerKey, crls, at);
        }
        return path;
    }

    /**
     * {@link #validate} for a certificate that authenticates a gateway (the device port's mutual TLS, the
     * platform's {@code /simplereenroll}): the end entity must also carry the clientAuth EKU.
     */
    public List<X509Certificate> validateClientCertificate(List<X509Certificate> chain, Collection<X509CRL> crls, Instant at) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
        X509Certificate leaf = chain.get(0);
        List<String> usages;
        try {
            usages = leaf.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            usages = null;
        }
        if (usages == null || !usages.contains(ExtendedKeyUsage.CLIENT_AUTH.oid())) {
            throw new CertificateRejectedException(CertificateRejectedException.Reason.UNTRUSTED,
                    "certificate " + describe(leaf) + " is not a TLS client certificate (no clientAuth EKU)", null);
        }
        return validate(chain, crls, at);
    }

    /**
     * Checks an issuing CA's chain (the CA first, e.g. a tenant CA from EST {@code /cacerts}) up to a trusted root,
     * without CRLs: for a gateway, which holds no CRL of the root and only needs to know that the CA it is about to
     * enroll with is one of its platform's.
     *
     * @return the validated path, the CA first, without the trust anchor
     * @throws CertificateRejectedException if the first certificate is no CA certificate or the chain does not
     *                                      lead to a trusted root
     */
    public List<X509Certificate> validateIssuingCa(List<X509Certificate> chain, Instant at) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
        List<X509Certificate> path = withoutAnchors(chain);
        if (path.get(0).getBasicConstraints() < 0) {
            throw new CertificateRejectedException(CertificateRejectedException.Reason.UNTRUSTED,
                    "certificate " + describe(path.get(0)) + " is not a CA certificate", null);
        }
        validatePath(path, at);
        return path;
    }

    private List<X509Certificate> withoutAnchors(List<X509Certificate> chain) {
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            if (anchors.stream().noneMatch(a -> a.getTrustedCert().equals(certificate))) {
                path.add(certificate);
            }
        }
        if (path.isEmpty()) {
            throw new CertificateRejectedException(CertificateRejectedException.Reason.UNTRUSTED,
                    "chain holds only trust anchors, no certificate to validate", null);
        }
        return path;
    }

    private PKIXCertPathValidatorResult validatePath(List<X509Certificate> path, Instant at) {
        try {
            CertificateFactory bc = CertificateFactory.getInstance("X.509", Bc.PROVIDER);
            // Certificates parsed by the JDK (a servlet container's client certificates) verify their signatures with
            // the JDK's providers, which have no brainpool arithmetic: validate Bouncy Castle's reading of the same bytes.
            List<X509Certificate> ours = new ArrayList<>();
            for (X509Certificate certificate : path) {
                ours.add((X509Certificate) bc.generateCertificate(new ByteArrayInputStream(certificate.getEncoded())));
            }
            CertPath certPath = bc.generateCertPath(ours);
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX", Bc.PROVIDER)
                    .validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            X509Certificate failed = e.getIndex() >= 0 && e.getIndex() < path.size() ? path.get(e.getIndex()) : path.get(0);
            boolean expired = e.getCause() instanceof CertificateExpiredException
                    || e.getCause() instanceof CertificateNotYetValidException;
            throw new CertificateRejectedException(
                    expired ? CertificateRejectedException.Reason.EXPIRED : CertificateRejectedException.Reason.UNTRUSTED,
                    "certificate " + describe(failed) + " refused: " + e.getMessage(), e);
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("PKIX parameters built from non-empty anchors", e);
        } catch (GeneralSecurityException e) {
            throw new CertificateRejectedException(CertificateRejectedException.Reason.UNTRUSTED,
                    "certificate chain cannot be read: " + e.getMessage(), e);
        }
    }

    private static void checkRevocation(X509Certificate certificate, PublicKey issuerKey, Collection<X509CRL> crls, Instant at) {
        X509CRL crl = currentCrlOf(certificate, issuerKey, crls, at);
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry != null) {
            throw new CertificateRejectedException(CertificateRejectedException.Reason.REVOKED,
                    "certificate " + describe(certificate) + " was revoked at " + entry.getRevocationDate().toInstant()
                            + " (" + CrlSigner.reasonOf(entry) + ")", null);
        }
    }

    /** The issuer's CRL that verifies with the issuer's key and is current at {@code at}. */
    private static X509CRL currentCrlOf(X509Certificate certificate, PublicKey issuerKey, Collection<X509CRL> crls, Instant at) {
        String problem = "no CRL of " + certificate.getIssuerX500Principal().getName();
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            try {
                crl.verify(issuerKey, Bc.PROVIDER);
            } catch (GeneralSecurityException e) {
                problem = "CRL of " + crl.getIssuerX500Principal().getName() + " does not verify with the issuer's key";
                continue;
            }
            Date next = crl.getNextUpdate();
            if (crl.getThisUpdate().toInstant().isAfter(at) || next == null || !next.toInstant().isAfter(at)) {
                problem = "CRL of " + crl.getIssuerX500Principal().getName() + " is not current at " + at
                        + " (thisUpdate " + crl.getThisUpdate().toInstant() + ", nextUpdate "
                        + (next == null ? "none" : next.toInstant()) + ")";
                continue;
            }
            return crl;
        }
        throw new CertificateRejectedException(CertificateRejectedException.Reason.REVOCATION_UNKNOWN,
                "revocation status of " + describe(certificate) + " unknown: " + problem, null);
    }

    private static String describe(X509Certificate certificate) {
        return "'" + certificate.getSubjectX500Principal().getName() + "' (serial "
                + certificate.getSerialNumber().toString(16) + ")";
    }
}
