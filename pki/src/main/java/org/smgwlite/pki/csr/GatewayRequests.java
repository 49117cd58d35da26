package org.smgwlite.pki.csr;

import java.io.IOException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.PkiFailure;
import org.smgwlite.pki.crl.ChainValidator;
import org.smgwlite.pki.internal.Keys;

/**
 * The gateway's side of enrollment: a key pair made on the gateway and a PKCS#10 request for it with
 * {@code CN=<gateway id>} (the CA sets the rest of the subject itself).
 */
public final class GatewayRequests {

    private GatewayRequests() {
    }

    public static KeyPair newKeyPair(Curve curve) {
        return Keys.generate(curve);
    }

    /**
     * The curve of the keys a gateway makes for a tenant: the end-entity curve of the tenant CA's policy, which
     * follows from the CA's own key ({@link CurvePolicy#ofCaKey}), once the CA is shown to chain to a root the gateway
     * trusts. A brainpool tenant CA thus gets brainpoolP256r1 requests, a NIST one P-256.
     *
     * @param caChain the tenant CA first (as EST {@code /cacerts} answers it; the root may be included)
     * @throws org.smgwlite.pki.crl.CertificateRejectedException if the first certificate is no CA of a trusted root
     * @throws org.smgwlite.pki.UnsupportedKeyException          if the CA's key is on no curve of a policy
     */
    public static Curve keyCurveFor(List<X509Certificate> caChain, Collection<X509Certificate> trustedRoots, Instant at) {
        X509Certificate ca = new ChainValidator(trustedRoots, ChainValidator.RevocationScope.END_ENTITY)
                .validateIssuingCa(caChain, at).get(0);
        return CurvePolicy.ofCaKey(ca.getPublicKey()).endEntityCurve();
    }

    /** DER PKCS#10, signed with the pair's own key (SHA-256 with ECDSA). */
    public static byte[] csrDer(KeyPair keys, GatewayId gateway) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + gateway.value()), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(org.smgwlite.pki.internal.Bc.PROVIDER)
                            .build(keys.getPrivate()))
                    .getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new PkiFailure("cannot build a certificate request: " + e.getMessage(), e);
        }
    }
}
