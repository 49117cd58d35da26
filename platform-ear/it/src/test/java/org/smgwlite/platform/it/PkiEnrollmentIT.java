package org.smgwlite.platform.it;

import static org.smgwlite.platform.it.ItPlatform.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.devstack.DevicePort;
import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.pki.pem.PemCredentials;
import org.smgwlite.pki.tls.DevicePortTls;
import org.smgwlite.pki.tls.TlsEndpoint;

/**
 * The Wirk-PKI on the deployed platform, driven the way a gateway and an operator drive it: keys and CSRs
 * made by {@code openssl}, EST and the device port called with {@code curl}, operator calls with a Keycloak
 * token. Covers first enrollment with a one-time code, its second use, bad requests (each refused with a
 * 4xx and a reason, nothing issued, audited), renewal, revocation (CRL and device port) and a foreign CA.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PkiEnrollmentIT extends OnDevicePort {

    private static final String BASE = System.getProperty("smgw.it.baseUrl", "http://localhost:8080");
    private static final String DEVICE = "https://localhost:" + DevicePort.PORT;
    private static final String TENANT = "stadtwerke-demo";
    /** EST is on the device port, TLS with server authentication: curl with {@code --cacert root.pem}. */
    private static final String EST = DEVICE + "/api/.well-known/est/" + TENANT;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** A gateway's first TLS client: trusts the platform root only, presents no certificate. */
    private static HttpClient estHttp;

    @TempDir
    static Path work;

    private static Shell shell;
    /** The household each gateway of this test was registered for (a household has one gateway). */
    private static final Map<String, Long> HOUSEHOLDS = new ConcurrentHashMap<>();

    /** After the device port is open ({@link OnDevicePort}): a shell that trusts the platform root. */
    @BeforeAll
    static void shellWithRoot() throws Exception {
        shell = new Shell(work);
        Files.copy(rootChain, shell.file("root.pem"));
        TlsEndpoint tls = DevicePortTls.serverAuthenticated(PemCredentials.readChain(rootChain));
        estHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .sslContext(tls.context()).sslParameters(tls.parameters()).build();
    }

    @Test
    void cacerts_serves_the_tenant_ca_and_the_root_in_certs_only_cms() throws Exception {
        Shell.Result r = shell.sh("curl -s --cacert root.pem -D headers.txt " + EST + "/cacerts | base64 -d | openssl pkcs7 -inform DER -print_certs -noout")
                .ok();

        assertThat(r.out()).contains("subject=O = SMGW.Lite, OU = " + TENANT + ", CN = MSB CA " + TENANT)
                .contains("subject=O = SMGW.Lite, CN = SMGW.Lite Root CA");
        assertThat(Files.readString(shell.file("headers.txt")).toLowerCase())
                .containsPattern("content-type: application/pkcs7-mime; ?smime-type=certs-only")
                .contains("content-transfer-encoding: base64");
    }

    @Test
    void a_gateway_enrolls_with_openssl_curl_and_a_one_time_code_and_the_device_port_knows_it() throws Exception {
        String gw = newGateway();
        String code = enrollmentCode(gw);

        Enrolled e = enroll(gw, code);

        // the chain: right EKU, curve, subject; openssl verifies it for TLS clients
        shell.sh("curl -s --cacert root.pem " + EST + "/cacerts | base64 -d | openssl pkcs7 -inform DER -print_certs -out cacerts.pem").ok();
        assertThat(shell.sh("openssl verify -purpose sslclient -CAfile root.pem -untrusted cacerts.pem " + e.pem).ok().out())
                .contains(e.pem + ": OK");
        String text = shell.sh("openssl x509 -in " + e.pem + " -noout -text").ok().out();
        assertThat(text).contains("TLS Web Client Authentication").contains("prime256v1")
                .contains("Subject: O = SMGW.Lite, OU = " + TENANT + ", CN = " + gw);

        // mutual TLS on the device port: identified as that gateway, household and tenant
        Shell.Result whoami = curlDevice(e, "/api/device/whoami");
        assertThat(whoami.out()).contains("\"gatewayId\":\"" + gw + "\"")
                .contains("\"householdId\":" + HOUSEHOLDS.get(gw)).contains("\"tenant\":\"" + TENANT + "\"")
                .endsWith("200");

        // the same code a second time: refused, nothing issued, audited
        int certificatesBefore = certificateCount(gw);
        Shell.Result again = shell.sh("openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout again.key"
                + " -subj /CN=" + gw + " -outform DER 2>/dev/null | base64 > again.b64 && curl -s -w '\\n%{http_code}' --cacert root.pem --user "
                + gw + ":" + code + " -H 'Content-Type: application/pkcs10' --data-binary @again.b64 " + EST + "/simpleenroll").ok();
        assertThat(again.out()).endsWith("401").contains("\"reason\":\"ALREADY_USED\"");
        assertThat(certificateCount(gw)).isEqualTo(certificatesBefore);
        assertThat(lastAuditOfGateway(gw)).isEqualTo("ENROLLMENT_REFUSED REFUSED ALREADY_USED");
    }

    @Test
    void bad_enrollment_requests_are_refused_with_a_reason_nothing_is_issued_and_each_is_audited() throws Exception {
        String gw = newGateway();
        String code = enrollmentCode(gw);
        shell.sh("openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout bad.key -subj /CN=" + gw
                + " -outform DER -out good.der").ok();
        byte[] good = Files.readAllBytes(shell.file("good.der"));
        byte[] tampered = good.clone();
        tampered[tampered.length - 5] ^= 0x01; // inside the signature
        shell.sh("openssl req -new -newkey rsa:2048 -nodes -keyout rsa.key -subj /CN=" + gw + " -outform DER -out rsa.der").ok();
        shell.sh("openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-384 -nodes -keyout p384.key -subj /CN=" + gw
                + " -outform DER -out p384.der").ok();
        shell.sh("openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout other.key -subj /CN=OTHER0000000001"
                + " -outform DER -out other.der").ok();

        record Case(String what, byte[] body, String user, int status, String reason, String auditReason) {
        }
        List<Case> cases = List.of(
                new Case("not a CSR", "this is not base64!".getBytes(StandardCharsets.US_ASCII), gw + ":" + code, 400, "MALFORMED", "MALFORMED"),
                new Case("signature does not verify", tampered, gw + ":" + code, 400, "BAD_SIGNATURE", "BAD_SIGNATURE"),
                new Case("RSA key", Files.readAllBytes(shell.file("rsa.der")), gw + ":" + code, 400, "KEY_NOT_ALLOWED", "KEY_NOT_ALLOWED"),
                new Case("P-384 key", Files.readAllBytes(shell.file("p384.der")), gw + ":" + code, 400, "KEY_NOT_ALLOWED", "KEY_NOT_ALLOWED"),
                new Case("subject names another gateway", Files.readAllBytes(shell.file("other.der")), gw + ":" + code, 403,
                        "SUBJECT_MISMATCH", "SUBJECT_MISMATCH"),
                new Case("wrong code", good, gw + ":AAAA-BBBB-CCCC-DDDD", 401, "CODE_REFUSED", "WRONG_CODE"),
                new Case("unknown gateway", good, "NOSUCHGATEWAY1:" + code, 401, "CODE_REFUSED", "UNKNOWN_GATEWAY"));
        for (Case c : cases) {
            HttpResponse<String> response = postCsr(c.user(), c.body());
            assertThat(response.statusCode()).as(c.what()).isEqualTo(c.status());
            assertThat(response.body()).as(c.what()).contains("\"reason\":\"" + c.reason() + "\"");
            String auditSubject = c.user().startsWith("NOSUCH") ? "NOSUCHGATEWAY1" : gw;
            assertThat(lastAuditOfGateway(auditSubject)).as(c.what()).isEqualTo("ENROLLMENT_REFUSED REFUSED " + c.auditReason());
        }
        assertThat(certificateCount(gw)).as("certificates issued to " + gw).isZero();

        // none of the refusals used the code up: the good CSR enrolls with it now
        assertThat(postCsr(gw + ":" + code, good).statusCode()).isEqualTo(200);
        assertThat(certificateCount(gw)).isOne();

        // an expired code
        String expiring = enrollmentCode(gw);
        sql("UPDATE enrollment_code SET expires_at = now() - interval '1 minute' WHERE id = (SELECT max(id) FROM enrollment_code)");
        HttpResponse<String> expired = postCsr(gw + ":" + expiring, good);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("\"reason\":\"EXPIRED\"");
        assertThat(lastAuditOfGateway(gw)).isEqualTo("ENROLLMENT_REFUSED REFUSED EXPIRED");
        assertThat(certificateCount(gw)).isOne();
    }

    @Test
    void renewal_takes_the_current_client_certificate_on_the_device_port() throws Exception {
        String gw = newGateway();
        Enrolled e = enroll(gw, enrollmentCode(gw));
        shell.sh("openssl req -new -key " + e.key + " -subj /CN=" + gw + " -outform DER | base64 > renew.b64").ok();

        Shell.Result renewed = shell.sh("curl -s --cacert root.pem --cert " + e.pem + " --key " + e.key
                + " -H 'Content-Type: application/pkcs10' --data-binary @renew.b64 " + DEVICE
                + "/api/.well-known/est/" + TENANT + "/simplereenroll | base64 -d | openssl pkcs7 -inform DER -print_certs -out renewed.pem").ok();

        assertThat(renewed.exit()).isZero();
        assertThat(shell.sh("openssl x509 -in renewed.pem -noout -serial").ok().out().strip())
                .isNotEqualTo(shell.sh("openssl x509 -in " + e.pem + " -noout -serial").ok().out().strip());
        assertThat(certificateCount(gw)).isEqualTo(2);
        assertThat(lastAuditOfGateway(gw)).isEqualTo("CERTIFICATE_RENEWED SUCCESS ");

        // on the device port without a client certificate: TLS is fine (first enrollment needs that), renewal refused
        HttpResponse<String> anonymous = estHttp.send(HttpRequest.newBuilder(URI.create(EST + "/simplereenroll"))
                .POST(HttpRequest.BodyPublishers.ofFile(shell.file("renew.b64"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("NO_CLIENT_CERTIFICATE");

        // a malformed renewal (not base64, then base64 of no CSR) with the renewed certificate: 400, never 500
        for (String body : new String[] {"this is not base64!", "bm90IGEgQ1NS"}) {
            Shell.Result bad = shell.sh("printf '%s' '" + body + "' | curl -s -w '\\n%{http_code}' --cacert root.pem --cert renewed.pem --key "
                    + e.key + " -H 'Content-Type: application/pkcs10' --data-binary @- " + DEVICE + "/api/.well-known/est/" + TENANT
                    + "/simplereenroll").ok();
            assertThat(bad.out()).as("renewal with body " + body).endsWith("400").contains("MALFORMED");
        }
    }

    @Test
    void a_revoked_gateway_is_on_the_crl_and_refused_by_the_device_port_at_once() throws Exception {
        String gw = newGateway();
        Enrolled e = enroll(gw, enrollmentCode(gw));
        String serial = shell.sh("openssl x509 -in " + e.pem + " -noout -serial").ok().out().strip().replace("serial=", "");
        assertThat(curlDevice(e, "/api/device/whoami").out()).endsWith("200");

        HttpResponse<String> revoked = operatorCall("POST", "/gateways/" + gw + "/revoke", "{\"reason\":\"keyCompromise\"}", "operator");
        assertThat(revoked.statusCode()).isEqualTo(200);
        long revokedAt = System.nanoTime();

        Shell.Result refused = curlDevice(e, "/api/device/whoami");
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(60));
        assertThat(refused.out()).endsWith("403").contains("\"reason\":\"REVOKED\"");
        assertThat(lastAuditOfGateway(gw)).isEqualTo("CERTIFICATE_REVOKED SUCCESS ");

        Shell.Result crl = shell.sh("curl -s -D crl-headers.txt -o tenant.crl " + BASE + "/api/crl/" + TENANT + ".crl"
                + " && openssl crl -inform DER -in tenant.crl -noout -text").ok();
        assertThat(crl.out()).contains("Next Update:").contains("Serial Number: " + serial.toUpperCase())
                .contains("Key Compromise");
        assertThat(Files.readString(shell.file("crl-headers.txt")).toLowerCase()).contains("content-type: application/pkix-crl");
        // the CRL is signed by the tenant CA
        shell.sh("curl -s --cacert root.pem " + EST + "/cacerts | base64 -d | openssl pkcs7 -inform DER -print_certs -out cacerts-all.pem").ok();
        assertThat(shell.sh("openssl crl -inform DER -in tenant.crl -noout -CAfile cacerts-all.pem").err()).contains("verify OK");

        // renewal with the revoked certificate: refused
        shell.sh("openssl req -new -key " + e.key + " -subj /CN=" + gw + " -outform DER | base64 > renew-revoked.b64").ok();
        Shell.Result renewal = shell.sh("curl -s -w '\\n%{http_code}' --cacert root.pem --cert " + e.pem + " --key " + e.key
                + " -H 'Content-Type: application/pkcs10' --data-binary @renew-revoked.b64 " + DEVICE + "/api/.well-known/est/" + TENANT + "/simplereenroll").ok();
        assertThat(renewal.out()).endsWith("403").contains("\"reason\":\"REVOKED\"");
        assertThat(lastAudit("certificate:" + serial.toLowerCase().replaceFirst("^0+", ""))).isEqualTo("RENEWAL_REFUSED REFUSED REVOKED");
    }

    /**
     * Another node of the deployment group revokes: what its revocation commits (the certificate row and its
     * {@code smgw_revocation} signal, one transaction) is written here straight into the database. This node, whose
     * CRL of the tenant was cached a moment before (fresh for a quarter of an hour), lists the serial at once, and its
     * device port refuses the certificate.
     */
    @Test
    void a_revocation_committed_on_another_node_is_on_this_nodes_crl_at_once() throws Exception {
        String gw = newGateway();
        Enrolled e = enroll(gw, enrollmentCode(gw));
        String serial = shell.sh("openssl x509 -in " + e.pem + " -noout -serial").ok().out().strip().replace("serial=", "");
        String crlText = "curl -s -o other-node.crl " + BASE + "/api/crl/" + TENANT + ".crl && openssl crl -inform DER -in other-node.crl -noout -text";
        assertThat(shell.sh(crlText).ok().out()).as("CRL cached before").doesNotContain("Serial Number: " + serial.toUpperCase());

        sql("WITH r AS (UPDATE certificate SET revoked_at = now(), revocation_reason = 'KEY_COMPROMISE' WHERE tenant_id = ?"
                + " AND gateway_id = (SELECT id FROM gateway WHERE tenant_id = ? AND gateway_id = ?) AND revoked_at IS NULL"
                + " RETURNING serial_hex) SELECT pg_notify('smgw_revocation', ? || ' ' || string_agg(serial_hex, ' ')) FROM r",
                TENANT, TENANT, gw, TENANT);
        long revokedAt = System.nanoTime();

        assertThat(curlDevice(e, "/api/device/whoami").out()).endsWith("403").contains("\"reason\":\"REVOKED\"");
        String listed = "";
        while (System.nanoTime() - revokedAt < Duration.ofSeconds(5).toNanos() && !listed.contains("Serial Number: " + serial.toUpperCase())) {
            listed = shell.sh(crlText).ok().out();
        }
        System.out.printf("revocation from another node on this node's CRL after %.3f s%n", (System.nanoTime() - revokedAt) / 1e9);
        assertThat(listed).as("CRL within 5 s of the other node's commit").contains("Serial Number: " + serial.toUpperCase())
                .contains("Key Compromise");
    }

    @Test
    void the_device_port_refuses_a_foreign_ca_no_certificate_old_protocols_and_cbc_suites() throws Exception {
        shell.sh("""
                openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout evil-ca.key -subj '/CN=Evil CA' \
                  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign -days 2 -out evil-ca.pem 2>/dev/null
                openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout evil.key \
                  -subj '/O=SMGW.Lite/OU=stadtwerke-demo/CN=EVIL0001' -out evil.csr 2>/dev/null
                printf 'extendedKeyUsage=clientAuth\\nkeyUsage=critical,digitalSignature\\n' > evil.ext
                openssl x509 -req -in evil.csr -CA evil-ca.pem -CAkey evil-ca.key -CAcreateserial -days 1 -extfile evil.ext -out evil.pem 2>/dev/null
                cat evil.pem evil-ca.pem > evil-chain.pem
                """).ok();

        Shell.Result foreign = shell.sh("curl -s -o /dev/null -w '%{http_code}' --cacert root.pem --cert evil-chain.pem --key evil.key "
                + DEVICE + "/api/device/whoami");
        assertThat(foreign.exit()).as("curl exit code with a foreign client certificate").isNotZero();
        assertThat(foreign.out()).isIn("000", "");

        // no client certificate: the handshake succeeds (client auth is wanted, for first enrollment), the device API refuses
        Shell.Result none = shell.sh("curl -s -w '\\n%{http_code}' --cacert root.pem " + DEVICE + "/api/device/whoami").ok();
        assertThat(none.out()).as("device API without a client certificate").endsWith("401").contains("NO_CLIENT_CERTIFICATE");
        Shell.Result noneUpload = shell.sh("curl -s -o /dev/null -w '%{http_code}' --cacert root.pem -H 'Content-Type: "
                + SignedBatches.CONTENT_TYPE + "' --data-binary x " + DEVICE + "/api/device/batches").ok();
        assertThat(noneUpload.out()).as("batch upload without a client certificate").isEqualTo("401");

        // protocols and suites, with a valid client certificate: TLS 1.1 and a CBC suite are refused although the
        // client offers them; TLS 1.3 and ECDHE-ECDSA-AES-GCM on TLS 1.2 are accepted. (RSA key exchange cannot
        // happen with the port's EC key; the configured suites exclude it as well.)
        String gw = newGateway();
        Enrolled e = enroll(gw, enrollmentCode(gw));
        String sClient = "openssl s_client -connect localhost:" + DevicePort.PORT + " -cert " + e.pem + " -key " + e.key
                + " -CAfile root.pem </dev/null ";
        assertThat(shell.sh(sClient + "-tls1_1 -cipher 'DEFAULT:@SECLEVEL=0'").exit()).as("TLS 1.1").isNotZero();
        assertThat(shell.sh(sClient + "-tls1_2 -cipher ECDHE-ECDSA-AES128-SHA256").exit()).as("CBC suite").isNotZero();
        assertThat(shell.sh(sClient + "-tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256").out())
                .contains("Cipher is ECDHE-ECDSA-AES128-GCM-SHA256").contains("Verify return code: 0 (ok)");
        assertThat(shell.sh(sClient + "-tls1_3").out()).contains("TLSv1.3");
    }

    @Test
    void the_device_port_serves_only_device_api_and_est_and_the_browser_ports_neither() throws Exception {
        // plain-HTTP EST is refused: the run command and the ITs are not in the plain-HTTP development mode
        Shell.Result plainEst = shell.sh("curl -s -w '\\n%{http_code}' " + BASE + "/api/.well-known/est/" + TENANT + "/cacerts").ok();
        assertThat(plainEst.out()).endsWith("404").contains("EST is served over TLS on the device port " + DevicePort.PORT + " only");
        Shell.Result plainDevice = shell.sh("curl -s -w '\\n%{http_code}' " + BASE + "/api/device/whoami").ok();
        assertThat(plainDevice.out()).endsWith("404").contains("device API is served on the device port");
        // no operator API on the device port
        Shell.Result operatorApi = shell.sh("curl -s -o /dev/null -w '%{http_code}' --cacert root.pem " + DEVICE
                + "/api/tenants/" + TENANT + "/gateways").ok();
        assertThat(operatorApi.out()).as("operator API on the device port").isEqualTo("404");
        // no UI, no login redirect, none of Payara's own endpoints: the device port's valve answers before any of them
        for (String path : new String[] {"/ui/", "/ui/households", "/health", "/health/ready", "/metrics", "/openapi", "/",
                "/api/device/../../ui/", "/api/info"}) {
            Shell.Result other = shell.sh("curl -s -w '\\n%{http_code}' --path-as-is --cacert root.pem " + DEVICE + path).ok();
            assertThat(other.out()).as(path + " on the device port").endsWith("404")
                    .contains("the device port serves only /api/device/, EST and CRLs").doesNotContain("Payara");
        }
    }

    @Test
    void the_device_port_negotiates_brainpool() throws Exception {
        // Payara's device port runs on Bouncy Castle JSSE (the server library platform-device-listener): JDK 17's TLS
        // has no brainpool. OpenSSL 3.0 offers brainpool key exchange on TLS 1.2 only (RFC 7027; the RFC 8734 TLS 1.3
        // groups came with 3.2). The client lists P-256 after brainpool because on TLS 1.2 its groups also bound the
        // curves of the certificates it accepts and presents (the port's server key and this gateway's are P-256);
        // the port follows the client's order.
        String gw = newGateway();
        Enrolled e = enroll(gw, enrollmentCode(gw));
        String groups = " -tls1_2 -curves brainpoolP256r1:prime256v1 ";
        Shell.Result handshake = shell.sh("openssl s_client -connect localhost:" + DevicePort.PORT + " -cert " + e.pem + " -key " + e.key
                + " -CAfile root.pem" + groups + "</dev/null");
        assertThat(handshake.out()).as(handshake.err()).contains("Server Temp Key: ECDH, brainpoolP256r1")
                .contains("Cipher is ECDHE-ECDSA-AES").contains("Verify return code: 0 (ok)");
        Shell.Result whoami = shell.sh("curl -s -w '\\n%{http_code}' --tlsv1.2 --tls-max 1.2 --curves brainpoolP256r1:prime256v1"
                + " --cacert root.pem --cert " + e.pem + " --key " + e.key + " " + DEVICE + "/api/device/whoami").ok();
        assertThat(whoami.out()).as("mutual TLS 1.2 on brainpoolP256r1 key exchange").endsWith("200").contains("\"gatewayId\":\"" + gw + "\"");
        // only groups of 256 bits or more: a client offering only P-224 gets no handshake
        assertThat(shell.sh("openssl s_client -connect localhost:" + DevicePort.PORT + " -CAfile root.pem -tls1_2 -curves P-224 </dev/null")
                .out()).doesNotContain("Cipher is ECDHE");
    }

    @Test
    void the_enrollment_code_comes_with_the_root_fingerprint_and_the_device_port_url() throws Exception {
        String gw = newGateway();
        HttpResponse<String> code = operatorCall("POST", "/gateways/" + gw + "/enrollment-codes", "{}", "operator");
        String opensslFingerprint = shell.sh("openssl x509 -in root.pem -noout -fingerprint -sha256").ok().out().strip();

        assertThat(opensslFingerprint).endsWith("=" + code.body().replaceAll(".*\"rootSha256\":\"([0-9A-F:]+)\".*", "$1"));
        assertThat(code.body()).contains("\"devicePortUrl\":\"https://localhost:" + DevicePort.PORT + "\"");
    }

    @Test
    void one_certificate_is_revoked_with_its_reason_and_a_second_revocation_answers_409_naming_the_serial() throws Exception {
        String gw = newGateway();
        enroll(gw, enrollmentCode(gw));
        String serial = JsonObject.parseArray(operatorCall("GET", "/gateways/" + gw + "/certificates", null, "operator").body())
                .get(0).string("serial");

        HttpResponse<String> revoked = operatorCall("POST", "/gateways/" + gw + "/certificates/" + serial + "/revoke",
                "{\"reason\":\"keyCompromise\"}", "operator");
        HttpResponse<String> again = operatorCall("POST", "/gateways/" + gw + "/certificates/" + serial + "/revoke",
                "{\"reason\":\"superseded\"}", "operator");

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(JsonObject.parse(revoked.body()).string("revocationReason")).isEqualTo("KEY_COMPROMISE");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(errorField(again, "serial")).contains("revoked already")
                .contains("KEY_COMPROMISE");
        assertThat(lastAuditOfGateway(gw)).startsWith("CERTIFICATE_REVOKED SUCCESS");
    }

    @Test
    void a_registration_names_each_bad_field_and_a_household_with_a_gateway_needs_replace() throws Exception {
        HttpResponse<String> bad = operatorCall("POST", "/gateways", "{\"gatewayId\":\"no spaces\",\"householdId\":999999999}",
                "operator");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(errorField(bad, "gatewayId")).contains("gateway id must be");
        assertThat(errorField(bad, "householdId")).contains("no household 999999999");

        String first = newGateway();
        long household = HOUSEHOLDS.get(first);
        String second = first + "B";
        HttpResponse<String> refused = operatorCall("POST", "/gateways",
                "{\"gatewayId\":\"" + second + "\",\"householdId\":" + household + "}", "operator");
        HttpResponse<String> replaced = operatorCall("POST", "/gateways",
                "{\"gatewayId\":\"" + second + "\",\"householdId\":" + household + ",\"replace\":true}", "operator");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(errorField(refused, "householdId")).contains(first);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(201);
        assertThat(JsonObject.parse(operatorCall("GET", "/gateways/summaries?search=" + first, null, "operator").body())
                .longValue("total")).isEqualTo(2);
    }

    @Test
    void operator_calls_need_a_token_of_the_same_tenant() throws Exception {
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/tenants/" + TENANT + "/gateways")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(operatorCall("GET", "/gateways", null, "operator2").statusCode()).isEqualTo(403);
        assertThat(operatorCall("GET", "/gateways", null, "household").statusCode()).isEqualTo(403);
        assertThat(operatorCall("GET", "/gateways", null, "operator").statusCode()).isEqualTo(200);
    }

    @Test
    void an_id_token_of_the_realm_is_no_access_token() throws Exception {
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/tenants/" + TENANT + "/gateways"))
                .header("Authorization", "Bearer " + KeycloakTokens.idToken("http://localhost:8180/realms/smgw", "operator")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .contains("error=\"invalid_token\"").contains("error_description=\"token type ID is not Bearer"));
    }

    // ------------------------------------------------------------------------------------------------------

    private record Enrolled(String key, String pem) {
    }

    /** The README's flow: openssl makes key and CSR, curl posts it with the code, openssl unpacks the chain. */
    private static Enrolled enroll(String gw, String code) {
        Shell.Result r = shell.sh("openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout " + gw + ".key"
                + " -subj /CN=" + gw + " -outform DER 2>/dev/null | base64 > " + gw + ".csr.b64"
                + " && curl -sf --cacert root.pem --user " + gw + ":" + code + " -H 'Content-Type: application/pkcs10' --data-binary @" + gw + ".csr.b64 "
                + EST + "/simpleenroll | base64 -d | openssl pkcs7 -inform DER -print_certs -out " + gw + ".pem").ok();
        assertThat(r.exit()).isZero();
        return new Enrolled(gw + ".key", gw + ".pem");
    }

    private static Shell.Result curlDevice(Enrolled e, String path) {
        return shell.sh("curl -s -w '\\n%{http_code}' --cacert root.pem --cert " + e.pem + " --key " + e.key + " " + DEVICE + path).ok();
    }

    private static String newGateway() throws Exception {
        String gw = "ITGW" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        long householdId = ItPlatform.newHousehold(TENANT, "PKI IT " + gw);
        HOUSEHOLDS.put(gw, householdId);
        HttpResponse<String> created = operatorCall("POST", "/gateways",
                "{\"gatewayId\":\"" + gw + "\",\"householdId\":" + householdId + "}", "operator");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return gw;
    }

    private static String enrollmentCode(String gw) throws Exception {
        HttpResponse<String> code = operatorCall("POST", "/gateways/" + gw + "/enrollment-codes", "{}", "operator");
        assertThat(code.statusCode()).as(code.body()).isEqualTo(201);
        return TestGateway.enrollmentCodeIn(code.body());
    }

    private static HttpResponse<String> postCsr(String user, byte[] body) throws Exception {
        return estHttp.send(HttpRequest.newBuilder(URI.create(EST + "/simpleenroll"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/pkcs10")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> operatorCall(String method, String path, String json, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + "/api/tenants/" + TENANT + path))
                .header("Authorization", "Bearer " + token(user));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The message an error body's {@code fields} holds for {@code name}. */
    private static String errorField(HttpResponse<String> response, String name) {
        Object fields = JsonObject.parse(response.body()).members().get("fields");
        assertThat(fields).as(response.body()).isInstanceOf(Map.class);
        return String.valueOf(((Map<?, ?>) fields).get(name));
    }

    private static String token(String user) throws Exception {
        return KeycloakTokens.accessToken("http://localhost:8180/realms/smgw", user);
    }

    private static int certificateCount(String gw) throws Exception {
        return Integer.parseInt(sql("SELECT count(*) FROM certificate c JOIN gateway g ON g.id = c.gateway_id"
                + " WHERE g.tenant_id = ? AND g.gateway_id = ?", TENANT, gw).get(0));
    }

    private static String lastAuditOfGateway(String gw) throws Exception {
        return lastAudit("gateway:" + gw);
    }

    /** "ACTION OUTCOME REASON" of the newest audit event about {@code subject}; the reason is detail's first word. */
    private static String lastAudit(String subject) throws Exception {
        List<String> row = sql("SELECT action || ' ' || outcome || ' ' || CASE WHEN outcome = 'REFUSED'"
                + " THEN split_part(detail, ':', 1) ELSE '' END FROM audit_event WHERE subject = ? ORDER BY id DESC LIMIT 1", subject);
        return row.isEmpty() ? "none" : row.get(0);
    }
}
