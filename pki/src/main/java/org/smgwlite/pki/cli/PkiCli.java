package org.smgwlite.pki.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.PkiException;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.pki.crl.RevokedCertificate;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.est.EstWireFormat;
import org.smgwlite.pki.internal.Keys;
import org.smgwlite.pki.internal.Pem;
import org.smgwlite.pki.keystore.EncryptedPrivateKeys;
import org.smgwlite.pki.profile.CertificateProfile;

/**
 * The offline Wirk-PKI command line. CA keys are read and written encrypted under the secret from
 * {@code --secret-file} or the environment variable {@value #SECRET_ENV}; the secret is never printed.
 * Exit codes: 0 done, 1 refused (bad CSR, wrong secret), 2 usage error.
 */
public final class PkiCli {

    static final String SECRET_ENV = "SMGWLITE_PKI_SECRET";

    private static final String USAGE = """
            usage: pki COMMAND --dir DIR [options]     (secret: --secret-file FILE or $%s)

              init-root         [--name CN] [--policy nist|brainpool] [--years 20]
              create-tenant-ca  --tenant ID [--policy nist|brainpool] [--years 10]
              issue-server      --host NAME [--host NAME ...] [--ip ADDR ...] [--tenant ID] [--days 397]
                                (key + certificate in DIR/server/; signed by the root unless --tenant)
              issue-gateway     --tenant ID --gateway GATEWAY_ID --csr FILE [--profile tls|signature]
                                [--days 730] [--out FILE]   (CSR as PEM, DER or EST base64)
              revoke            --serial HEX [--tenant ID] [--reason keyCompromise|superseded|...]
              crl               [--tenant ID] [--days 7] [--out FILE]
              cacerts           [--tenant ID] [--out FILE]  (EST /cacerts body, base64 certs-only PKCS#7)
            """.formatted(SECRET_ENV);

    private final PrintStream out;
    private final Map<String, String> environment;

    PkiCli(PrintStream out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new PkiCli(System.out, System.getenv()).run(args, System.err));
    }

    int run(String[] args, PrintStream err) {
        try {
            if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
                out.print(USAGE);
                return args.length == 0 ? 2 : 0;
            }
            execute(Arguments.parse(args));
            return 0;
        } catch (UsageException e) {
            err.println("pki: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (PkiException | IllegalArgumentException e) {
            err.println("pki: refused: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("pki: " + e);
            return 1;
        }
    }

    private void execute(Arguments a) throws IOException {
        if (!a.operands().isEmpty()) {
            throw new UsageException("expected an option --name, got '" + a.operands().get(0) + "'");
        }
        switch (a.command()) {
            case "init-root" -> initRoot(a);
            case "create-tenant-ca" -> createTenantCa(a);
            case "issue-server" -> issueServer(a);
            case "issue-gateway" -> issueGateway(a);
            case "revoke" -> revoke(a);
            case "crl" -> crl(a);
            case "cacerts" -> cacerts(a);
            default -> throw new UsageException("unknown command '" + a.command() + "'");
        }
    }

    private void initRoot(Arguments a) throws IOException {
        a.allowOnly(Set.of("dir", "secret-file", "name", "policy", "years"));
        CaDirectory dir = CaDirectory.root(base(a));
        char[] secret = secret(a);
        CertificateAuthority root = CaHierarchy.createRoot(a.optional("name").orElse("SMGW.Lite Root CA"),
                CurvePolicy.parse(a.optional("policy").orElse("nist")), Duration.ofDays(365L * a.integer("years", 20)));
        dir.create(root, secret);
        out.println("root CA created in " + dir.path() + ": " + root.name() + " (" + root.policy().caCurve().standardName()
                + "), valid until " + root.certificate().getNotAfter().toInstant());
    }

    private void createTenantCa(Arguments a) throws IOException {
        a.allowOnly(Set.of("dir", "secret-file", "tenant", "policy", "years"));
        TenantId tenant = TenantId.of(a.required("tenant"));
        char[] secret = secret(a);
        CertificateAuthority root = CaDirectory.root(base(a)).load(secret);
        CaDirectory dir = CaDirectory.tenant(base(a), tenant.value());
        CertificateAuthority ca = CaHierarchy.createTenantCa(root, tenant,
                CurvePolicy.parse(a.optional("policy").orElse("nist")), Duration.ofDays(365L * a.integer("years", 10)));
        dir.create(ca, secret);
        out.println("tenant CA created in " + dir.path() + ": " + ca.name() + ", policy " + ca.policy().name()
                + " (gateways get " + ca.policy().endEntityCurve().standardName() + ")");
    }

    private void issueServer(Arguments a) throws IOException {
        a.allowOnly(Set.of("dir", "secret-file", "host", "ip", "tenant", "days"));
        List<String> hosts = a.all("host");
        if (hosts.isEmpty()) {
            throw new UsageException("issue-server needs at least one --host");
        }
        char[] secret = secret(a);
        CaDirectory dir = issuingCa(a);
        CertificateAuthority ca = dir.load(secret);
        KeyPair keys = Keys.generate(ca.policy().endEntityCurve());
        IssuedCertificate issued = ca.issueServerCertificate(keys.getPublic(), hosts, a.all("ip"),
                Duration.ofDays(a.integer("days", 397)));
        dir.record(issued);
        Path serverDir = base(a).resolve("server");
        Path key = serverDir.resolve(hosts.get(0) + ".key.pem");
        Path chain = serverDir.resolve(hosts.get(0) + ".chain.pem");
        CaDirectory.writePrivate(key, EncryptedPrivateKeys.encrypt(keys.getPrivate(), secret));
        Files.writeString(chain, issued.fullChainPem());
        out.println("issued " + issued.auditSummary());
        out.println("key (encrypted with the CA secret): " + key);
        out.println("certificate chain: " + chain);
    }

    private void issueGateway(Arguments a) throws IOException {
        a.allowOnly(Set.of("dir", "secret-file", "tenant", "gateway", "csr", "profile", "days", "out"));
        GatewayId gateway = GatewayId.of(a.required("gateway"));
        CertificateProfile profile = CertificateProfile.forEstLabel(a.optional("profile"));
        Csr csr = EstWireFormat.parseEnrollmentRequest(Files.readAllBytes(Path.of(a.required("csr"))));
        char[] secret = secret(a);
        CaDirectory dir = CaDirectory.tenant(base(a), TenantId.of(a.required("tenant")).value());
        CertificateAuthority ca = dir.load(secret);
        IssuedCertificate issued = ca.issueGatewayCertificate(csr, gateway, profile,
                Duration.ofDays(a.integer("days", (int) profile.defaultValidity().toDays())));
        Path stored = dir.record(issued);
        Optional<String> target = a.optional("out");
        if (target.isPresent()) {
            Files.writeString(Path.of(target.get()), issued.fullChainPem());
        }
        out.println("issued " + issued.auditSummary());
        out.println("certificate chain: " + target.orElse(stored.toString()));
    }

    private void revoke(Arguments a) throws IOException {
        a.allowOnly(Set.of("dir", "tenant", "serial", "reason"));
        BigInteger serial;
        try {
            serial = new BigInteger(a.required("serial").replace(":", "").toLowerCase().replaceFirst("^0x", ""), 16);
        } catch (NumberFormatException e) {
            throw new UsageException("--serial must be hexadecimal");
        }
        RevocationReason reason = RevocationReason.parse(a.optional("reason").orElse("unspecified"));
        RevokedCertificate entry = issuingCa(a).revoke(serial, reason, Instant.now());
        out.println("revoked serial=" + entry.serial().toString(16) + " reason=" + entry.reason() + " at " + entry.revokedAt()
                + " (run 'crl' to publish)");
    }

    private void crl(Arguments a) throws IOException {
        a.allowOnly(Set.of("dir", "secret-file", "tenant", "days", "out"));
        CaDirectory dir = issuingCa(a);
        CertificateAuthority ca = dir.load(secret(a));
        X509CRL crl = ca.issueCrl(dir.revoked(), dir.nextCrlNumber(), Duration.ofDays(a.integer("days", 7)));
        Path target = a.optional("out").map(Path::of).orElse(dir.path().resolve("crl.pem"));
        try {
            Files.writeString(target, Pem.encode("X509 CRL", crl.getEncoded()));
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException("CRL just signed cannot be encoded", e);
        }
        out.println("CRL of " + ca.name() + " with " + dir.revoked().size() + " entries, next update "
                + crl.getNextUpdate().toInstant() + ": " + target);
    }

    private void cacerts(Arguments a) throws IOException {
        a.allowOnly(Set.of("dir", "tenant", "out"));
        CaDirectory dir = issuingCa(a);
        String body = EstWireFormat.certsOnly(Pem.parseCertificates(Files.readString(dir.path().resolve("ca-chain.pem"))));
        Optional<String> target = a.optional("out");
        if (target.isPresent()) {
            Files.writeString(Path.of(target.get()), body);
        } else {
            out.print(body);
        }
    }

    private static Path base(Arguments a) {
        return Path.of(a.required("dir"));
    }

    private static CaDirectory issuingCa(Arguments a) {
        return a.optional("tenant").map(t -> CaDirectory.tenant(base(a), TenantId.of(t).value()))
                .orElseGet(() -> CaDirectory.root(base(a)));
    }

    /** The secret from --secret-file (first line) or the environment; never echoed, never part of a message. */
    private char[] secret(Arguments a) throws IOException {
        Optional<String> file = a.optional("secret-file");
        String secret;
        if (file.isPresent()) {
            secret = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } else {
            secret = environment.get(SECRET_ENV);
            if (secret == null) {
                throw new UsageException("no secret: give --secret-file FILE or set " + SECRET_ENV);
            }
        }
        if (secret.length() < EncryptedPrivateKeys.MIN_SECRET_LENGTH) {
            throw new UsageException("the secret must have at least " + EncryptedPrivateKeys.MIN_SECRET_LENGTH + " characters");
        }
        return secret.toCharArray();
    }
}
