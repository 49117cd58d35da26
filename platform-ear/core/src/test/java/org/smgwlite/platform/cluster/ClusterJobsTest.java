package org.smgwlite.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.platform.infra.MigratedPostgres;
import org.smgwlite.platform.shared.PageRequest;

/**
 * The once-per-cluster rule of V21 on an embedded PostgreSQL, as the platform's login role: two "nodes" (two node names,
 * their own connections, their own threads) race for the same slots many times and each slot runs exactly once; a claim
 * whose node died is taken over once its lease has run out, by exactly one of two racing nodes; a finished slot, done
 * or failed, never runs again; a long run's renewed lease keeps the slot from being taken over.
 */
class ClusterJobsTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("jobs_owner", "owner-pw", "jobs_login", "login-pw");
    private static final ClusterNode A = new ClusterNode("node-a", "host-1", 101);
    private static final ClusterNode B = new ClusterNode("node-b", "host-2", 202);
    private static final ClusterNode C = new ClusterNode("node-c", "host-3", 303);
    private static final Duration SHORT = Duration.ofMillis(300);

    private static MigratedPostgres db;
    private static JobClaims claims;
    private static ScheduledExecutorService renewals;

    @BeforeAll
    static void start() throws Exception {
        db = MigratedPostgres.start(ROLES);
        claims = new JobClaims(db.as(ROLES.login(), ROLES.loginPassword()));
        renewals = Executors.newScheduledThreadPool(2);
    }

    @AfterAll
    static void stop() throws Exception {
        renewals.shutdownNow();
        db.close();
    }

    private static OncePerSlot on(ClusterNode node) {
        return new OncePerSlot(claims, node, renewals);
    }

    private static Instant day(int n) {
        return JobSlots.day(LocalDate.of(2026, 1, 1).plusDays(n), ZoneOffset.UTC);
    }

    @Test
    void two_nodes_racing_for_the_same_slots_run_each_slot_exactly_once() throws Exception {
        ClusterJob job = ClusterJob.named("race");
        int slots = 150;
        Map<Instant, List<String>> ranBy = new ConcurrentHashMap<>();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> done = List.of(A, B).stream().map(node -> nodes.<Object>submit(() -> {
                for (int i = 0; i < slots; i++) {
                    Instant slot = day(i);
                    together.await(); // both nodes' timers fire for the slot at the same moment
                    on(node).runOnce(job, slot, () -> {
                        ranBy.computeIfAbsent(slot, s -> new CopyOnWriteArrayList<>()).add(node.name());
                        return JobResult.done("ran");
                    });
                }
                return null;
            })).toList();
            for (Future<Object> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            nodes.shutdownNow();
        }

        assertThat(ranBy).hasSize(slots);
        assertThat(ranBy.values()).allSatisfy(runners -> assertThat(runners).hasSize(1));
        for (int i = 0; i < slots; i++) {
            JobRunView row = row(job, day(i));
            assertThat(row.state()).isEqualTo(JobState.DONE);
            assertThat(row.node()).as("the stored claim names the node that ran it").isEqualTo(ranBy.get(day(i)).get(0));
            assertThat(row.attempt()).isOne();
        }
    }

    @Test
    void a_claim_whose_node_died_is_taken_over_after_its_lease_by_exactly_one_node() throws Exception {
        ClusterJob job = new ClusterJob("takeover", SHORT);
        Instant slot = day(1);
        JobClaims.Claim dead = claims.claim(job, slot, A).orElseThrow(); // node A claims, then dies: no renewal, no end

        AtomicInteger runs = new AtomicInteger();
        assertThat(on(B).runOnce(job, slot, () -> JobResult.done("B " + runs.incrementAndGet())))
                .as("while A's lease holds").isEmpty();
        assertThat(row(job, slot).state()).isEqualTo(JobState.RUNNING);

        Thread.sleep(SHORT.toMillis() + 100);
        assertThat(row(job, slot).state()).isEqualTo(JobState.ABANDONED);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Optional<JobResult>> results;
        try {
            List<Future<Optional<JobResult>>> both = List.of(B, C).stream().map(node -> nodes.submit(() -> {
                together.await();
                return on(node).runOnce(job, slot, () -> JobResult.done(node.instance() + " " + runs.incrementAndGet()));
            })).toList();
            results = List.of(both.get(0).get(), both.get(1).get());
        } finally {
            nodes.shutdownNow();
        }

        assertThat(runs).hasValue(1);
        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
        JobRunView row = row(job, slot);
        assertThat(row.state()).isEqualTo(JobState.DONE);
        assertThat(row.attempt()).isEqualTo(2);
        assertThat(row.takenFrom()).contains(A.name());
        assertThat(row.node()).isIn(B.name(), C.name());
        assertThat(claims.finish(dead, JobResult.failed("A came back"))).as("the dead node's late end does not count").isFalse();
        assertThat(row(job, slot).state()).isEqualTo(JobState.DONE);
    }

    @Test
    void a_finished_slot_done_or_failed_never_runs_again() throws Exception {
        ClusterJob job = new ClusterJob("finished", SHORT);
        AtomicInteger runs = new AtomicInteger();
        assertThat(on(A).runOnce(job, day(1), () -> JobResult.done("first " + runs.incrementAndGet()))).isPresent();
        assertThat(on(A).runOnce(job, day(2), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("tenant x broke");
        })).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(JobOutcome.FAILED));

        Thread.sleep(SHORT.toMillis() + 100); // a finished claim's lease running out changes nothing
        for (ClusterNode node : List.of(A, B, C)) {
            for (Instant slot : List.of(day(1), day(2))) {
                assertThat(on(node).runOnce(job, slot, () -> JobResult.done("again " + runs.incrementAndGet()))).isEmpty();
            }
        }

        assertThat(runs).hasValue(2);
        assertThat(row(job, day(1))).satisfies(r -> {
            assertThat(r.state()).isEqualTo(JobState.DONE);
            assertThat(r.detail()).contains("first 1");
        });
        assertThat(row(job, day(2))).satisfies(r -> {
            assertThat(r.state()).isEqualTo(JobState.FAILED);
            assertThat(r.detail()).contains("IllegalStateException: tenant x broke");
            assertThat(r.finishedAt()).isPresent();
        });
    }

    @Test
    void a_run_longer_than_its_lease_keeps_the_slot_by_renewing_it() throws Exception {
        ClusterJob job = new ClusterJob("long-run", Duration.ofMillis(300));
        Instant slot = day(1);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> tries = other.submit(() -> {
                Thread.sleep(50);
                int ran = 0;
                for (int i = 0; i < 20; i++) { // B's ticks over the second of A's run
                    ran += on(B).runOnce(job, slot, () -> JobResult.done("B " + runs.incrementAndGet())).isPresent() ? 1 : 0;
                    Thread.sleep(50);
                }
                return ran;
            });
            assertThat(on(A).runOnce(job, slot, () -> {
                runs.incrementAndGet();
                Thread.sleep(1_000);
                return JobResult.done("A's long run");
            })).isPresent();
            assertThat(tries.get()).as("B's runs of the slot").isZero();
        } finally {
            other.shutdownNow();
        }
        assertThat(runs).hasValue(1);
        assertThat(row(job, slot).attempt()).isOne();
    }

    @Test
    void the_list_is_newest_first_searched_by_job_prefix_and_paged() throws Exception {
        ClusterJob first = ClusterJob.named("list-first");
        ClusterJob second = ClusterJob.named("list-second");
        on(A).runOnce(first, day(1), () -> JobResult.done("one"));
        on(B).runOnce(second, day(1), () -> JobResult.done("two"));
        claims.claim(ClusterJob.named("list-running"), day(1), C).orElseThrow();

        assertThat(claims.count("list-")).isEqualTo(3);
        assertThat(claims.count("LIST-SEC")).as("any case").isOne();
        assertThat(claims.count("list_")).as("an underscore is no wildcard").isZero();
        List<JobRunView> page = claims.page("list-", new PageRequest(0, 2));
        assertThat(page).extracting(JobRunView::job).containsExactly("list-running", "list-second");
        assertThat(page.get(0).state()).isEqualTo(JobState.RUNNING);
        assertThat(page.get(0).finishedAt()).isEmpty();
        assertThat(claims.page("list-", new PageRequest(2, 2))).extracting(JobRunView::job, JobRunView::node)
                .containsExactly(tuple("list-first", A.name()));
    }

    @Test
    void slots_name_what_a_run_is_for() {
        assertThat(JobSlots.day(LocalDate.of(2026, 3, 29), ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(JobSlots.month(YearMonth.of(2026, 7), ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(JobSlots.every(Duration.ofMinutes(15), Instant.parse("2026-11-30T21:44:59.999Z")))
                .as("a quarter-hour job's tick that fires late").isEqualTo(Instant.parse("2026-11-30T21:30:00Z"));
        assertThat(JobSlots.every(Duration.ofMinutes(15), Instant.parse("2026-11-30T21:45:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T21:45:00Z"));
        assertThat(new ClusterNode("instance1", "host", 42).name()).isEqualTo("instance1@host/42");
    }

    private static JobRunView row(ClusterJob job, Instant slot) throws SQLException {
        return claims.page(job.name(), new PageRequest(0, PageRequest.MAX_LIMIT)).stream()
                .filter(r -> r.job().equals(job.name()) && r.slot().equals(slot)).findFirst().orElseThrow();
    }
}
