package org.smgwlite.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.internal.Bc;

/** Test fixtures: keys on any curve (also those the PKI refuses), CSRs as a gateway would send them, CAs. */
public final class TestPki {

    private TestPki() {
    }

    public static KeyPair ecKeys(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", Bc.PROVIDER);
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DER PKCS#10 request for {@code subject}, signed with the pair's own key. */
    public static byte[] csrDer(KeyPair keys, String subject) {
        try {
            String algorithm = keys.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(Bc.PROVIDER).build(keys.getPrivate()))
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.Map<CertificateAuthority, CertificateAuthority> ROOTS =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** The root CA (with its key) that {@link #tenantCa} created the given tenant CA under. */
    public static CertificateAuthority rootOf(CertificateAuthority tenantCa) {
        return ROOTS.get(tenantCa);
    }

    /** Records the root of a tenant CA created elsewhere, for {@link #rootOf}. */
    public static void remember(CertificateAuthority tenantCa, CertificateAuthority root) {
        ROOTS.put(tenantCa, root);
    }

    /** Root (P-384 or brainpoolP384r1 by policy) plus a tenant CA under it, both fresh. */
    public static CertificateAuthority tenantCa(CurvePolicy policy, String tenant) {
        CertificateAuthority root = CaHierarchy.createRoot("SMGW.Lite Test Root", policy, Duration.ofDays(3650));
        CertificateAuthority ca = CaHierarchy.createTenantCa(root, TenantId.of(tenant), policy, Duration.ofDays(1825));
        ROOTS.put(ca, root);
        return ca;
    }
}
