package org.smgwlite.platform.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smgwlite.platform.it.ItPlatform.enrollmentCode;
import static org.smgwlite.platform.it.ItPlatform.householdOfGateway;
import static org.smgwlite.platform.it.ItPlatform.registeredGateway;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.upload.PendingValues;
import org.smgwlite.agent.upload.UploadService;
import org.smgwlite.agent.upload.UploadSettings;
import org.smgwlite.agent.upload.Uploader;
import org.smgwlite.devstack.ClusterStack;
import org.smgwlite.devstack.DevicePort;
import org.smgwlite.devstack.Postgres;
import org.smgwlite.platform.it.OutageChecks;
import org.smgwlite.platform.it.CommittedBatches;
import org.smgwlite.platform.it.ItPlatform;
import org.smgwlite.platform.it.ItServices;
import org.smgwlite.platform.it.SlowLink;

/**
 * Faults a deployment meets, with gateways uploading through the balancer ({@code https://localhost:8443}) with the agent's
 * own {@link UploadService}, through a {@link SlowLink} (answers 300 ms late, a mobile link): a node killed mid-upload,
 * then PostgreSQL stopped. Each ends with every value stored exactly once. The order matters for {@link ClusterJobsCheck},
 * run last: a node that was killed and started again must not have run a slot a second time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

    /**
     * Default outage in {@code mvn verify}: long enough for the agent's waits to reach their 60 s cap; the five
     * minutes with {@code -Dit.outage.seconds=300}.
     */
    static final long DEFAULT_OUTAGE_SECONDS = 90;
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("it.outage.seconds", DEFAULT_OUTAGE_SECONDS));
    private static final Duration LINK_DELAY = Duration.ofMillis(300);
    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(6);
    private static ItCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = ItCluster.get();
    }

    /**
     * Four weeks of backlog in 14 batches through the balancer. Once four batches are committed, the node holding the
     * agent's connection (HAProxy's current sessions) gets SIGKILL, and the link drops the answer it holds back: a
     * lost acknowledgement across a crash. The agent retries through the balancer, which sends it to the other node,
     * answered "repeated" for the batch whose answer was lost; the backlog completes on one node. The killed node is
     * started again ({@code asadmin start-instance}) and serves; nothing is lost or stored twice, and the whole backlog
     * sent again stores nothing new.
     */
    @Test
    @Order(1)
    void a_node_killed_mid_upload_loses_and_duplicates_nothing_the_other_node_takes_over(@TempDir Path agentDir) throws Exception {
        Backlog backlog = new Backlog(28, 2 * 2 * 96, 40_000_000L);
        String gw = registeredGateway();
        long household = householdOfGateway(gw);
        Instant first = backlog.first();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        // retry every 1..4 s for up to ~3 min: HAProxy takes a dead node out within ~4 s
        Uploader.Pacing pacing = new Uploader.Pacing(backlog.perBatch(), Duration.ofSeconds(1), Duration.ofSeconds(4), 50);
        ExecutorService agentThread = Executors.newSingleThreadExecutor();
        // both JVMs looked up before: between the fourth commit and the kill only HAProxy's status is read
        List<ProcessHandle> jvms = List.of(cluster.stack().process(1), cluster.stack().process(2));
        int killed = 0;
        long killedPid;
        UploadSettings settings;
        try (SlowLink link = new SlowLink(DevicePort.PORT, LINK_DELAY);
             ValueStore store = ValueStore.open(agentDir.resolve("store"), 64L << 20, WriteGuard.NONE, e -> { })) {
            settings = new UploadSettings(URI.create(ItPlatform.DEVICE), URI.create("https://localhost:" + link.port()),
                    ItPlatform.TENANT, gw, enrollmentCode(gw), cluster.rootChain(), agentDir.resolve("credentials"),
                    Duration.ofMinutes(5), Duration.ofHours(4));
            store.appendBilling(backlog.values(first));
            UploadService agent = new UploadService(settings, PendingValues.of(store), null, pacing, Clock.systemUTC(), events::add);
            Future<Uploader.Run> upload = agentThread.submit(agent::uploadNow);
            long committedBeforeKill = CommittedBatches.await(gw, 4, upload, "the kill");
            killed = BalancerStatus.nodeHoldingDevicePortSession(Duration.ofSeconds(10));
            ProcessHandle jvm = jvms.get(killed - 1);
            killedPid = jvm.pid();
            int eventsAtKill = events.size();
            long killedAt = System.nanoTime();
            link.cut();
            ClusterStack.kill(jvm);
            Uploader.Run run = upload.get(4, TimeUnit.MINUTES);
            long doneMs = (System.nanoTime() - killedAt) / 1_000_000;
            List<String> afterKill = List.copyOf(events.subList(eventsAtKill, events.size()));
            System.out.printf("ClusterFaultsIT: SIGKILL to %s (pid %d) after %d committed batches; backlog done on the other node"
                    + " %d ms later%n", ClusterStack.instance(killed), killedPid, committedBeforeKill, doneMs);

            assertThat(run.complete()).as(String.join("\n", events)).isTrue();
            assertThat(afterKill).as("the kill hit the upload: an attempt failed, the batch whose answer was lost went again"
                    + " and was answered as a repeat").anyMatch(e -> e.startsWith("upload attempt"))
                    .anyMatch(e -> e.startsWith(Uploader.ACKNOWLEDGED) && e.contains("\"repeated\":true"))
                    .noneMatch(e -> e.contains("(500 "));
            assertThat(run.batches()).hasSize(backlog.batches());
            assertThat(run.sent()).isEqualTo(backlog.values());
            assertThat(store.readUnacknowledged(10)).as("the agent's store holds nothing unacknowledged").isEmpty();

            long restarted = System.nanoTime();
            cluster.stack().restart(killed, RESTART_TIMEOUT);
            System.out.printf("ClusterFaultsIT: %s serves again %.1f s after start-instance%n",
                    ClusterStack.instance(killed), (System.nanoTime() - restarted) / 1e9);
            assertThat(cluster.pid(killed)).as("a new JVM").isNotEqualTo(killedPid);
            assertThat(ItCluster.readiness()).as("both nodes ready").containsOnly(200);
            BalancerStatus.awaitAllUp(Duration.ofSeconds(30));
        } finally {
            agentThread.shutdownNow();
            if (killed != 0) {
                cluster.ensureRunning(killed); // after a failure between the kill and the restart: the next tests need it
            }
        }
        backlog.assertStoredExactlyOnce(gw, household);

        // the same backlog once more through the balancer, spread over both nodes, as from an agent that lost every
        // acknowledgement: all duplicates, nothing new
        try (ValueStore again = ValueStore.open(agentDir.resolve("store-again"), 64L << 20, WriteGuard.NONE, e -> { })) {
            again.appendBilling(backlog.values(first));
            UploadSettings direct = new UploadSettings(settings.platform(), URI.create(ItPlatform.DEVICE), settings.tenant(), gw, "",
                    settings.rootPem(), settings.credentialDir(), settings.spreadMinimum(), settings.spreadWindow());
            Uploader.Run repeat = new UploadService(direct, PendingValues.of(again), null, pacing, Clock.systemUTC(), e -> { })
                    .uploadNow();
            assertThat(repeat.complete()).isTrue();
        }
        backlog.assertSentTwiceStoredOnce(gw, household);
    }

    /**
     * PostgreSQL stopped for {@code -Dit.outage.seconds} (default {@value #DEFAULT_OUTAGE_SECONDS}) while a gateway uploads
     * two weeks through the balancer: every answer of either node meanwhile is 503 with {@code Retry-After}, quickly,
     * never 500; the agent backs off and keeps its batch; once PostgreSQL is back both nodes serve again without a
     * restart (same pids) and the backlog lands exactly once.
     */
    @Test
    @Order(2)
    void with_postgresql_stopped_both_nodes_answer_503_and_afterwards_every_value_lands_once(@TempDir Path agentDir)
            throws Exception {
        Backlog backlog = new Backlog(14, 2 * 96, 50_000_000L);
        String gw = registeredGateway();
        long household = householdOfGateway(gw);
        List<Long> pids = List.of(cluster.pid(1), cluster.pid(2));
        Postgres database = ItServices.database();
        // waits from 1 s doubling to 60 s, each at least the platform's Retry-After: enough attempts for the outage
        Uploader.Pacing pacing = new Uploader.Pacing(backlog.perBatch(), Duration.ofSeconds(1), Duration.ofSeconds(60),
                (int) (OUTAGE.toSeconds() / 30 + 20));
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<HttpResponse<String>> duringOutage = new ArrayList<>();
        ExecutorService agentThread = Executors.newSingleThreadExecutor();
        Uploader.Run run;
        try (SlowLink link = new SlowLink(DevicePort.PORT, LINK_DELAY);
             ValueStore store = ValueStore.open(agentDir.resolve("store"), 64L << 20, WriteGuard.NONE, e -> { })) {
            UploadSettings settings = new UploadSettings(URI.create(ItPlatform.DEVICE), URI.create("https://localhost:" + link.port()),
                    ItPlatform.TENANT, gw, enrollmentCode(gw), cluster.rootChain(), agentDir.resolve("credentials"),
                    Duration.ofMinutes(5), Duration.ofHours(4));
            store.appendBilling(backlog.values(backlog.first()));
            UploadService agent = new UploadService(settings, PendingValues.of(store), null, pacing, Clock.systemUTC(), events::add);
            Future<Uploader.Run> upload = agentThread.submit(agent::uploadNow);
            CommittedBatches.await(gw, 2, upload, "the outage");

            long stoppedAt = System.nanoTime();
            database.stop();
            do {
                for (int node = 1; node <= ItCluster.NODES; node++) {
                    int n = node;
                    duringOutage.add(OutageChecks.timed(() -> ItCluster.operatorOn(n, "GET", "/gateways?limit=1", null)));
                }
                duringOutage.add(OutageChecks.timed(() -> ItPlatform.tenantCall(ItPlatform.BASE, "operator", ItPlatform.TENANT, "GET",
                        "/gateways?limit=1", null)));
                Thread.sleep(3_000);
            } while (System.nanoTime() - stoppedAt < OUTAGE.toNanos());
            assertThat(upload.isDone()).as("the agent is still waiting for the platform at the end of the outage:\n"
                    + String.join("\n", events)).isFalse();
            database.start();
            long restartedAt = System.nanoTime();

            for (int node = 1; node <= ItCluster.NODES; node++) {
                assertThat(awaitOperatorOk(node)).as("node " + node + " answers 200 again after PostgreSQL's restart").isEqualTo(200);
            }
            run = upload.get(OUTAGE.toSeconds() + 300, TimeUnit.SECONDS);
            System.out.printf("ClusterFaultsIT: PostgreSQL stopped for %d s; backlog done %d ms after its restart%n",
                    OUTAGE.toSeconds(), (System.nanoTime() - restartedAt) / 1_000_000);
            assertThat(store.readUnacknowledged(10)).as("the agent's store holds nothing unacknowledged").isEmpty();
        } finally {
            agentThread.shutdownNow();
            database.start(); // the next tests need it; nothing happens if it runs
        }

        OutageChecks.assertToldToRetry(duringOutage, run.complete(), events);
        assertThat(List.of(cluster.pid(1), cluster.pid(2))).as("the same JVMs: no node was restarted").isEqualTo(pids);
        backlog.assertStoredExactlyOnce(gw, household);
    }

    /** After a node's restart and an outage: each scheduled job's slot ran once in the cluster ({@link ClusterJobsCheck}). */
    @Test
    @Order(3)
    void each_scheduled_job_ran_once_per_slot_in_the_cluster() throws Exception {
        new ClusterJobsCheck(cluster).assertEachSlotRanOnce();
    }

    /** Polls node {@code node}'s operator API until it answers 200 (at most 60 s); returns the last status. */
    private static int awaitOperatorOk(int node) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status;
        do {
            HttpResponse<String> r = ItCluster.operatorOn(node, "GET", "/gateways?limit=1", null);
            status = r.statusCode();
            if (status == 200) {
                return status;
            }
            assertThat(status).as("node " + node + " while the pool reconnects: 503, never 500: " + r.body()).isEqualTo(503);
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return status;
    }
}
