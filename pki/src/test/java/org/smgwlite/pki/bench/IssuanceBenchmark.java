package org.smgwlite.pki.bench;

import java.time.Duration;
import java.util.List;

import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TestPki;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.est.EstWireFormat;
import org.smgwlite.pki.internal.Keys;
import org.smgwlite.pki.profile.CertificateProfile;

/**
 * Certificates signed per second on one thread, per tenant policy: P-256 end entities under a P-384 CA and
 * brainpoolP256r1 under brainpoolP384r1. Each operation is the library's full issuance path (subject and
 * policy checks, extensions, ECDSA signature, DER encoding and parsing into an X509Certificate); a second
 * figure adds what an EST request costs on top: parsing the base64 body and verifying the CSR signature.
 * Arguments: warm-up seconds, measured seconds (default 3 and 5).
 */
public final class IssuanceBenchmark {

    /** The issue's target for P-256 on one core. */
    private static final double TARGET_PER_SECOND = 1000;

    private static volatile Object sink;

    private IssuanceBenchmark() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf("Wirk-PKI issuance benchmark: 1 thread, %d s warm-up, %d s measured, %s %s%n", warmup, measure,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf("%-36s %14s %12s %19s%n", "end entity / CA", "issue only /s", "vs 1000/s", "EST parse+issue /s");
        for (CurvePolicy policy : List.of(CurvePolicy.NIST, CurvePolicy.BRAINPOOL)) {
            CertificateAuthority ca = TestPki.tenantCa(policy, "bench");
            GatewayId gateway = GatewayId.of("EDEF0012345678");
            byte[] der = TestPki.csrDer(Keys.generate(policy.endEntityCurve()), "CN=" + gateway);
            String body = java.util.Base64.getMimeEncoder().encodeToString(der);
            Csr csr = Csr.fromDer(der);

            Runnable issue = () -> sink = ca.issueGatewayCertificate(csr, gateway, CertificateProfile.GATEWAY_TLS);
            Runnable estIssue = () -> sink = ca.issueGatewayCertificate(EstWireFormat.parseEnrollmentRequest(body), gateway,
                    CertificateProfile.GATEWAY_TLS);
            rate(issue, warmup);
            double issueRate = rate(issue, measure);
            rate(estIssue, warmup);
            double estRate = rate(estIssue, measure);
            System.out.printf("%-36s %14.0f %11.2fx %19.0f%n",
                    policy.endEntityCurve().standardName() + " / " + policy.caCurve().standardName(), issueRate,
                    issueRate / TARGET_PER_SECOND, estRate);
        }
    }

    private static double rate(Runnable operation, int seconds) {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            operation.run();
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
