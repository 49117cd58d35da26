package org.smgwlite.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator API client against a local HTTP server that answers as the platform does. */
class OperatorApiTest {

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private OperatorApi api;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/tenants/t/households", ex -> answer(ex, 200, """
                [{"id":1,"messlokationId":"DE0001","meterId":"1EMH1","name":"Familie Müller","viewerUsername":"household"},\
                {"id":3,"messlokationId":"DE0003","meterId":"1DZG3","name":"Bäckerei \\"Weber\\""}]"""));
        server.createContext("/api/tenants/t/gateways", ex -> {
            if (ex.getRequestURI().getPath().endsWith("/enrollment-codes")) {
                answer(ex, 201, "{\"code\":\"ABCD-EFGH-JKLM-NPQR\",\"expiresAt\":\"2026-12-01T00:00:00Z\",\"gatewayId\":\"EDMO1\"}");
            } else if (ex.getRequestMethod().equals("POST")) {
                answer(ex, 409, "{\"error\":\"gateway EDMO1 is registered already\"}");
            } else {
                answer(ex, 200, "[{\"createdAt\":\"2026-11-25T11:00:00Z\",\"gatewayId\":\"EDMO1\",\"householdId\":1}]");
            }
        });
        server.start();
        api = new OperatorApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api"), () -> "tok");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange ex, int status, String body) throws IOException {
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("Authorization")
                + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void reads_households_with_and_without_a_login_and_the_registered_gateways() throws Exception {
        assertThat(api.households("t")).containsExactly(new OperatorApi.Household(1, "Familie Müller", "household"),
                new OperatorApi.Household(3, "Bäckerei \"Weber\"", null));
        assertThat(api.gateways("t")).containsExactly("EDMO1");
        assertThat(requests).allSatisfy(r -> assertThat(r).contains("Bearer tok"));
    }

    @Test
    void creates_a_code_and_reports_a_refused_registration_with_the_platforms_reason() throws Exception {
        assertThat(api.enrollmentCode("t", "EDMO1")).isEqualTo("ABCD-EFGH-JKLM-NPQR");
        assertThatThrownBy(() -> api.register("t", "EDMO1", 1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/api/tenants/t/gateways answered 409")
                .hasMessageContaining("registered already");
        assertThat(requests).last().asString().startsWith("POST /api/tenants/t/gateways Bearer tok")
                .endsWith("{\"gatewayId\":\"EDMO1\",\"householdId\":1,\"replace\":true}");
    }
}
