package org.smgwlite.pki.ca;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.internal.Keys;
import org.smgwlite.pki.profile.CertificateProfile;

/**
 * Creates the two CA levels of the Wirk-PKI: the platform root ({@code CN=<name>, O=SMGW.Lite}) and a
 * tenant's issuing "MSB" CA ({@code CN=MSB CA <tenant>, OU=<tenant>, O=SMGW.Lite}). Keys are generated here
 * and leave only inside the returned {@link CertificateAuthority}.
 */
public final class CaHierarchy {

    public static final String ORGANISATION = "SMGW.Lite";

    private CaHierarchy() {
    }

    /** A self-signed root on P-384 or brainpoolP384r1 ({@code policy.caCurve()}). */
    public static CertificateAuthority createRoot(String commonName, CurvePolicy policy, Duration validity) {
        return createRoot(commonName, policy, validity, Clock.systemUTC());
    }

    public static CertificateAuthority createRoot(String commonName, CurvePolicy policy, Duration validity, Clock clock) {
        Curve curve = policy.caCurve();
        KeyPair keys = Keys.generate(curve);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANISATION).addRDN(BCStyle.CN, commonName).build();
        Instant now = clock.instant();
        X509Certificate certificate = CertificateBuilder.sign(null, keys.getPrivate(), curve, subject, keys.getPublic(),
                CertificateProfile.ROOT_CA, now.minus(CertificateAuthority.BACKDATE), now.plus(validity),
                CertificateBuilder.SubjectAltNames.NONE);
        return CertificateAuthority.of(List.of(certificate), keys.getPrivate()).withClock(clock);
    }

    /**
     * A tenant's issuing CA, signed by {@code root}, with a fresh key on {@code policy.caCurve()}.
     * The root may be of the other curve family: the chain still validates, and only the tenant's policy
     * decides what its gateways get.
     */
    public static CertificateAuthority createTenantCa(CertificateAuthority root, TenantId tenant, CurvePolicy policy,
                                                      Duration validity) {
        KeyPair keys = Keys.generate(policy.caCurve());
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANISATION).addRDN(BCStyle.OU, tenant.value())
                .addRDN(BCStyle.CN, "MSB CA " + tenant.value()).build();
        X509Certificate certificate = root.issueCaCertificate(subject, keys.getPublic(), CertificateProfile.TENANT_CA, validity);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(root.chain());
        return CertificateAuthority.of(chain, keys.getPrivate()).withClock(root.clock());
    }
}
