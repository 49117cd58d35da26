package org.smgwlite.platform.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.platform.it.ItPlatform;

/**
 * Scheduled work ran once per cluster: every node fires the same timers (and runs the start-up ones when it starts,
 * again after a restart), but each job's slot has one claim in {@code cluster_job_run}, as the platform administrator
 * sees them through the balancer ({@code GET /api/platform/jobs}), and the nodes' server logs show the work started
 * exactly as often as the claim's attempts ({@code OncePerSlot} logs "job J slot S runs on NODE" before each run).
 */
final class ClusterJobsCheck {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The jobs every node runs at its start, for the UTC day. */
    private static final List<String> DAILY_AT_START = List.of("reading-partitions");
    private static final String DEMO_DATA = "demo-data";

    private final ItCluster cluster;

    ClusterJobsCheck(ItCluster cluster) {
        this.cluster = cluster;
    }

    void assertEachSlotRanOnce() throws Exception {
        List<JsonObject> runs = runs();
        String today = LocalDate.now(ZoneOffset.UTC) + "T00:00";
        List<String> daily = new ArrayList<>(DAILY_AT_START);
        if (!"false".equalsIgnoreCase(System.getenv("SMGW_DEMO_DATA"))) {
            daily.add(DEMO_DATA);
        }
        for (String job : daily) {
            List<JsonObject> ofToday = runs.stream().filter(r -> r.string("job").equals(job) && r.string("slot").startsWith(today)).toList();
            assertThat(ofToday).as(job + ": one claim for today's slot in the cluster").hasSize(1);
            assertThat(ofToday.get(0).string("state")).as(job).isEqualTo("DONE");
            assertThat(ofToday.get(0).string("node")).as(job + " ran on one node of the group").matches("smgw-node[1-9]@.+/\\d+");
        }

        List<String> started = startLines();
        for (JsonObject run : runs) {
            String key = "job " + run.string("job") + " slot " + Instant.parse(run.string("slot")) + " runs on ";
            long times = started.stream().filter(line -> line.contains(key)).count();
            assertThat(times).as("%s: started as often as claimed (attempt %d) on all nodes together", key, run.longValue("attempt"))
                    .isEqualTo(run.longValue("attempt"));
            assertThat(started).as(key + run.string("node")).anyMatch(line -> line.contains(key + run.string("node")));
        }
        System.out.printf("ClusterJobsCheck: %d job slots, each started once per claim across %d nodes%n", runs.size(), ItCluster.NODES);
    }

    /** Every run of every job, newest first (a fresh database holds only this session's). */
    private static List<JsonObject> runs() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ItPlatform.BASE + "/api/platform/jobs?limit=500"))
                .header("Authorization", "Bearer " + ItPlatform.token("admin")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonObject> runs = JsonObject.parseArray(r.body());
        assertThat(runs).as("jobs ran").isNotEmpty();
        return runs;
    }

    /**
     * The "runs on" messages of every node's server log, each once (a message that reached two handlers is one start:
     * two starts of one slot differ in their node or their attempt).
     */
    private List<String> startLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Path log : cluster.serverLogs()) {
            for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                int job = line.indexOf("job ");
                if (job >= 0 && line.contains(" runs on ")) {
                    lines.add(line.substring(job).strip());
                }
            }
        }
        return lines.stream().distinct().toList();
    }
}
