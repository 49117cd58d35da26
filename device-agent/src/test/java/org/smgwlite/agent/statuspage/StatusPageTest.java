package org.smgwlite.agent.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.agent.Agent;
import org.smgwlite.agent.agent.AgentConfig;
import org.smgwlite.agent.simulator.SimulatedMeterSource;
import org.smgwlite.agent.simulator.SimulationClock;
import org.smgwlite.agent.simulator.VirtualMeter;
import org.smgwlite.agent.source.ByteSource;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.agent.upload.Uploader;

/** The running agent's status page on localhost, and the local TAF 6 trigger through it. */
class StatusPageTest {

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    AgentConfig config() {
        Properties p = new Properties();
        p.setProperty("source", "simulate");
        p.setProperty("data.dir", "data");
        p.setProperty("status.port", "0");
        p.setProperty("taf14.interval.seconds", "5");
        return AgentConfig.parse(p, dir);
    }

    /** The status JSON and HTML of an agent whose Eichlog ends with {@code upload} as its last UPLOAD entry. */
    List<String> statusAfter(AgentConfig config, String upload) throws Exception {
        SimulationClock clock = new SimulationClock(Instant.parse("2024-03-06T01:00:00Z"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (Agent agent = new Agent(config, clock, null, WriteGuard.NONE, quiet, quiet)) {
            agent.recordUpload(upload);
        }
        try (Agent agent = new Agent(config, clock, null, WriteGuard.NONE, quiet, quiet)) {
            agent.startServices();
            return List.of(get(agent.statusPort(), "/status.json").body(), get(agent.statusPort(), "/").body());
        }
    }

    @Test
    void a_batch_refused_by_the_platform_raises_the_flag_until_an_upload_is_acknowledged() throws Exception {
        AgentConfig config = config();
        List<String> refused = statusAfter(config, Uploader.REFUSED + ": 400 {\"fields\":{\"reason\":\"MALFORMED\"}}; 26880 values"
                + " (seq 1..26880), 0 Eichlog entries kept in the store, next try tomorrow");
        assertThat(refused.get(0)).contains("\"upload_refused\":true", "MALFORMED");
        assertThat(refused.get(1)).contains("id=\"upload-refused\"><b>REFUSED by the platform", "MALFORMED");

        List<String> acknowledged = statusAfter(config, Uploader.ACKNOWLEDGED + ": 26880 values (seq 1..26880)");
        assertThat(acknowledged.get(0)).contains("\"upload_refused\":false");
        assertThat(acknowledged.get(1)).doesNotContain("REFUSED by the platform");
    }

    @Test
    void showsReadingStoreAndEichlogAndTakesATaf6ReadingWithItsReason() throws Exception {
        AgentConfig config = config();
        assertThat(config.statusBind()).isEqualTo("127.0.0.1");
        Instant start = Instant.parse("2024-03-05T09:00:00Z");
        SimulationClock clock = new SimulationClock(start);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (Agent agent = new Agent(config, clock, null, WriteGuard.NONE, quiet, quiet)) {
            agent.startServices();
            int port = agent.statusPort();
            assertThat(get(port, "/status.json").body()).contains("\"last_reading\":null");
            SimulatedMeterSource meter = new SimulatedMeterSource(new VirtualMeter(9, 1, 0), clock, 1, start, null);
            Thread loop = new Thread(() -> agent.run(() -> new ByteSource() {
                @Override
                public int read(byte[] buffer) throws IOException {
                    try {
                        Thread.sleep(1); // a paced meter: the status page and the trigger meet a running loop
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                    return meter.read(buffer);
                }

                @Override
                public String describe() {
                    return meter.describe();
                }

                @Override
                public void close() {
                }
            }));
            loop.start();
            try {
                while (agent.view().lastStored() == null) {
                    Thread.sleep(10);
                }
                HttpResponse<String> taf6 = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/taf6")).POST(HttpRequest.BodyPublishers.ofString("reason=Z%C3%A4hlerwechsel"))
                        .header("Content-Type", "application/x-www-form-urlencoded").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(taf6.statusCode()).isEqualTo(200);
                assertThat(taf6.body()).contains("TAF6", "reason=Zählerwechsel", "1-0:1.8.0*255");
                HttpResponse<String> json = get(port, "/status.json");
                assertThat(json.statusCode()).isEqualTo(200);
                assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(json.body()).contains("\"meter\":\"0a0153494d0000000009\"", "\"power_w\":",
                        "\"1-0:1.8.0*255\":", "\"store\":{\"bytes\":", "\"last_upload\":null", "\"upload_refused\":false", "\"type\":\"TAF6\"",
                        "\"type\":\"START\"");
                HttpResponse<String> html = get(port, "/");
                assertThat(html.body()).contains("<td id=\"power\">", " W</td>", "Eichlog", "TAF6", "never");
                assertThat(get(port, "/nothing").statusCode()).isEqualTo(404);
                assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/taf6"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode()).as("no reason").isEqualTo(409);
            } finally {
                agent.stop();
                loop.join(10_000);
            }
            List<TafValue> taf6 = agent.store().readUnacknowledged(100_000).stream()
                    .filter(v -> v.kind() == TafKind.TAF6).toList();
            assertThat(taf6).isNotEmpty().allSatisfy(v -> assertThat(v.reason()).isEqualTo("Zählerwechsel"));
        }
    }
}
