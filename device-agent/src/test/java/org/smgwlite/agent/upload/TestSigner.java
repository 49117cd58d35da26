package org.smgwlite.agent.upload;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;

import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.profile.CertificateProfile;

/** A gateway's signature key and certificate from a throw-away tenant CA, for tests that sign batches. */
record TestSigner(KeyPair keys, X509Certificate certificate) {

    static TestSigner forGateway(String gatewayId) {
        CertificateAuthority ca = CaHierarchy.createTenantCa(CaHierarchy.createRoot("Test Root", CurvePolicy.NIST, Duration.ofDays(30)),
                TenantId.of("agent-test"), CurvePolicy.NIST, Duration.ofDays(20));
        KeyPair keys = GatewayRequests.newKeyPair(Curve.P256);
        return new TestSigner(keys, ca.issueGatewayCertificate(Csr.fromDer(GatewayRequests.csrDer(keys, GatewayId.of(gatewayId))),
                GatewayId.of(gatewayId), CertificateProfile.GATEWAY_SIGNATURE).certificate());
    }
}
