package org.smgwlite.pki.csr;

import java.io.IOException;
import java.security.KeyPair;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.PkiFailure;
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
