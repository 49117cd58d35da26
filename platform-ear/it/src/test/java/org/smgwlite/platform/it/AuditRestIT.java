package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smgwlite.agent.json.JsonObject;

/**
 * The audit, tenant CA, tenant and root endpoints over HTTP with the demo users' tokens: an operator pages through their
 * tenant's audit rows by cursor and gets the same rows as CSV; {@code operator2} gets none of {@code stadtwerke-demo}'s
 * rows or CA; bad parameters are 400 naming the field; the root's fingerprint is the one enrollment codes carry; a
 * policy change against the CA's family is refused on {@code curvePolicy}; a platform admin pages and creates tenants and
 * reads every tenant's audit rows, which an operator may not; a platform admin sees the scheduled jobs' runs, the
 * partition upkeep of this deployment's start among them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditRestIT extends OnDevicePort {

    private static final String A = MatrixFixture.A;
    private static final String B = MatrixFixture.B;
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Answer(int status, String contentType, String body, HttpHeaders headers) {
        JsonObject json() {
            return JsonObject.parse(body);
        }

        List<JsonObject> array() {
            return JsonObject.parseArray(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static Answer call(String user, String method, String path, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ItPlatform.BASE + "/api/" + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Bearer " + KeycloakTokens.accessToken(MatrixFixture.REALM, user));
        }
        request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    }

    private static Answer get(String user, String path) throws Exception {
        return call(user, "GET", path, null);
    }

    /** Audit rows of {@code gateway} written straight into the table: {@code count} of A's, two of B's. */
    private static void auditRows(String gateway, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            ItPlatform.sql("INSERT INTO audit_event (at, tenant_id, actor, action, subject, outcome, detail)"
                    + " VALUES (now() - make_interval(secs => ?::int), ?, 'it', 'GATEWAY_REGISTERED', ?, 'SUCCESS', ?) RETURNING id",
                    String.valueOf(100 - i), A, "gateway:" + gateway, "of A n=" + i);
        }
        for (int i = 0; i < 2; i++) {
            ItPlatform.sql("INSERT INTO audit_event (tenant_id, actor, action, subject, outcome, detail)"
                    + " VALUES (?, 'it', 'GATEWAY_REGISTERED', ?, 'SUCCESS', 'of B') RETURNING id", B, "gateway:" + gateway);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Answer page) {
        return (List<Map<String, Object>>) page.json().members().get("events");
    }

    @Test
    void an_operator_pages_by_cursor_and_gets_the_same_rows_as_csv_and_operator2_gets_none_of_them() throws Exception {
        String gateway = "AUDITREST" + RUN;
        auditRows(gateway, 5);

        List<String> details = new ArrayList<>();
        String path = "tenants/" + A + "/audit-events?gateway=" + gateway + "&limit=2";
        Answer page = get("operator", path);
        int pages = 1;
        while (true) {
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            events(page).forEach(e -> details.add((String) e.get("detail")));
            if (!page.json().has("nextCursor") || page.json().optionalString("nextCursor").isEmpty()) {
                break;
            }
            page = get("operator", path + "&after=" + page.json().string("nextCursor"));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(details).containsExactly("of A n=4", "of A n=3", "of A n=2", "of A n=1", "of A n=0");

        Answer csv = get("operator", "tenants/" + A + "/audit-events?gateway=" + gateway + "&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).hasSize(6);
        assertThat(csv.body()).doesNotContain("of B");

        assertThat(get("operator2", "tenants/" + A + "/audit-events?gateway=" + gateway).status()).isEqualTo(403);
        assertThat(get("operator2", "tenants/" + A + "/audit-events?gateway=" + gateway + "&format=csv").status()).isEqualTo(403);
        Answer own = get("operator2", "tenants/" + B + "/audit-events?gateway=" + gateway);
        assertThat(events(own)).hasSize(2).allSatisfy(e -> assertThat(e.get("detail")).isEqualTo("of B"));
        assertThat(own.body()).doesNotContain("of A", A);
    }

    @Test
    void an_admin_pages_and_creates_tenants_and_reads_every_tenants_audit_and_an_operator_does_none_of_it() throws Exception {
        String prefix = "it-" + RUN.toLowerCase();
        for (int i = 1; i <= 3; i++) {
            String body = "{\"id\":\"" + prefix + "-" + i + "\",\"name\":\"IT paged " + i + "\",\"kind\":\"ENERGY_COMMUNITY\"}";
            Answer created = call("admin", "POST", "tenants", body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.header("Location")).endsWith("/api/tenants/" + prefix + "-" + i);
            assertThat(created.json().string("kind")).isEqualTo("ENERGY_COMMUNITY");
        }
        Answer first = get("admin", "tenants?search=" + prefix.toUpperCase() + "&limit=2");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.array()).extracting(t -> t.string("id")).containsExactly(prefix + "-1", prefix + "-2");
        assertThat(get("admin", "tenants?search=" + prefix + "&offset=2&limit=2").array())
                .extracting(t -> t.string("id")).containsExactly(prefix + "-3");
        assertThat(get("admin", "tenants?search=" + RUN.toLowerCase()).header("X-Total-Count")).as("a prefix, not a substring").isEqualTo("0");

        String again = "{\"id\":\"" + prefix + "-1\",\"name\":\"IT again\",\"kind\":\"ENERGY_COMMUNITY\"}";
        Answer taken = call("admin", "POST", "tenants", again);
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.body()).contains("\"tenantId\"");
        Answer bad = call("admin", "POST", "tenants", "{\"id\":\"Bad Id\",\"name\":\"IT bad\",\"kind\":\"utility\"}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("\"tenantId\"", "\"kind\"", "Bad Id");

        String gateway = "AUDITALL" + RUN;
        auditRows(gateway, 3);
        Answer all = get("admin", "audit-events?gateway=" + gateway);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(events(all)).extracting(e -> e.get("tenant")).containsOnly(A, B).contains(A, B).hasSize(5);
        assertThat(events(get("admin", "audit-events?tenant=" + B + "&gateway=" + gateway))).hasSize(2);
        Answer csv = get("admin", "audit-events?gateway=" + gateway + "&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).hasSize(6);
        assertThat(get("admin", "audit-events?tenant=Not%20A%20Tenant").body()).contains("\"tenant\"");

        String refused = prefix + "-op";
        assertThat(get("operator", "tenants").status()).isEqualTo(403);
        assertThat(call("operator", "POST", "tenants", "{\"id\":\"" + refused + "\",\"name\":\"IT op\",\"kind\":\"ENERGY_COMMUNITY\"}")
                .status()).isEqualTo(403);
        assertThat(get("admin", "tenants/" + refused).status()).isEqualTo(404);
        assertThat(get("operator", "audit-events?gateway=" + gateway).status()).isEqualTo(403);
        assertThat(get("operator", "audit-events?tenant=" + A + "&gateway=" + gateway).status()).isEqualTo(403);
    }

    @Test
    void an_admin_sees_the_jobs_runs_newest_first_paged_and_searched_and_an_operator_does_not() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "T00:00";
        Answer partitions = get("admin", "platform/jobs?job=reading-partitions&limit=500");
        assertThat(partitions.status()).as(partitions.body()).isEqualTo(200);
        List<JsonObject> ofToday = partitions.array().stream().filter(r -> r.string("slot").startsWith(today)).toList();
        assertThat(ofToday).as("the upkeep of the deployment's start, claimed once for the UTC day").hasSize(1);
        assertThat(ofToday.get(0).string("state")).isEqualTo("DONE");
        assertThat(ofToday.get(0).string("node")).matches(".+@.+/\\d+");

        String job = "it-" + RUN.toLowerCase();
        for (int i = 1; i <= 3; i++) {
            ItPlatform.sql("INSERT INTO cluster_job_run (job, slot, node, claimed_at, lease_until, finished_at, outcome, detail)"
                    + " VALUES (?, now() - make_interval(days => ?::int), 'it@host/1', now() - make_interval(mins => ?::int),"
                    + " now(), now(), 'DONE', ?) RETURNING job", job, String.valueOf(i), String.valueOf(10 - i), "run " + i);
        }
        Answer first = get("admin", "platform/jobs?job=" + job.toUpperCase() + "&limit=2");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.array()).extracting(r -> r.string("detail")).containsExactly("run 3", "run 2");
        assertThat(get("admin", "platform/jobs?job=" + job + "&offset=2&limit=2").array())
                .extracting(r -> r.string("detail")).containsExactly("run 1");
        assertThat(get("admin", "platform/jobs?limit=0").body()).contains("\"limit\"");
        assertThat(get("operator", "platform/jobs").status()).isEqualTo(403);
        assertThat(get(null, "platform/jobs").status()).isEqualTo(401);
    }

    @Test
    void bad_parameters_are_400_naming_the_field() throws Exception {
        String audit = "tenants/" + A + "/audit-events?";
        for (String[] bad : new String[][] {{"limit=0", "limit"}, {"limit=ten", "limit"}, {"kind=DROPPED", "kind"},
                {"after=garbage", "after"}, {"from=yesterday", "from"}, {"gateway=a%20b", "gateway"}, {"format=xlsx", "format"},
                {"from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to"}}) {
            Answer answer = get("operator", audit + bad[0]);
            assertThat(answer.status()).as(bad[0]).isEqualTo(400);
            assertThat(answer.body()).as(bad[0]).contains("\"" + bad[1] + "\"");
        }
    }

    @Test
    void the_tenant_ca_is_the_operators_own_and_its_policy_is_not_switched_to_the_other_family() throws Exception {
        String gateway = "AUDITCA" + RUN;
        long household = ItPlatform.newHousehold(A, "Audit IT"); // a household has one gateway
        String token = KeycloakTokens.accessToken(MatrixFixture.REALM, "operator");
        TestGateway.Platform platform = new TestGateway.Platform(ItPlatform.BASE, ItPlatform.DEVICE, A, null);
        platform.registerGateway(token, gateway, household); // the first code creates the CA if it is missing
        platform.enrollmentCode(token, gateway);

        Answer ca = get("operator", "tenants/" + A + "/ca");
        assertThat(ca.status()).as(ca.body()).isEqualTo(200);
        assertThat(ca.json().string("chainPem")).contains("BEGIN CERTIFICATE");
        assertThat(ca.json().longValue("issued")).isGreaterThanOrEqualTo(ca.json().longValue("revoked"));
        assertThat(get("operator2", "tenants/" + A + "/ca").status()).isEqualTo(403);
        assertThat(get("operator", "tenants/" + A + "/ca?format=pem").body()).startsWith("-----BEGIN CERTIFICATE-----");

        String other = ca.json().string("curvePolicy").equals("nist") ? "brainpool" : "nist";
        String name = ItPlatform.sql("SELECT name FROM tenant WHERE id = ?", A).get(0);
        String edit = "{\"name\":\"" + name + "\",\"kind\":\"METERING_POINT_OPERATOR\",\"curvePolicy\":\"" + other + "\"}";
        assertThat(call("operator", "PUT", "tenants/" + A, edit).status()).isEqualTo(403);
        Answer refused = call("admin", "PUT", "tenants/" + A, edit);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"curvePolicy\"", "new tenant CA");
        assertThat(get("admin", "tenants/" + A).json().string("name")).isEqualTo(name);
    }

    @Test
    void the_root_is_public_and_its_fingerprint_is_the_one_enrollment_codes_carry() throws Exception {
        String gateway = "AUDITROOT" + RUN;
        long household = ItPlatform.newHousehold(A, "Audit IT"); // a household has one gateway
        String token = KeycloakTokens.accessToken(MatrixFixture.REALM, "operator");
        new TestGateway.Platform(ItPlatform.BASE, ItPlatform.DEVICE, A, null).registerGateway(token, gateway, household);
        Answer code = call("operator", "POST", "tenants/" + A + "/gateways/" + gateway + "/enrollment-codes", "{}");

        Answer root = get(null, "platform/root");

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().string("sha256")).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")
                .isEqualTo(code.json().string("rootSha256"));
        assertThat(root.json().string("pem")).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
