package org.smgwlite.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.platform.infra.MigratedPostgres;

/**
 * The jobs' history pruned (V27) on an embedded PostgreSQL, as the platform's login role: finished runs older than the
 * setting go, in batches until none is left; recent finished runs and runs not finished, however old, stay; 0 keeps
 * everything; a setting out of range is refused with its name.
 */
class JobHistoryTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("history_owner", "owner-pw", "history_login", "login-pw");

    private static MigratedPostgres db;
    private static PGSimpleDataSource login;
    private static JobClaims claims;

    @BeforeAll
    static void start() throws Exception {
        db = MigratedPostgres.start(ROLES);
        login = db.as(ROLES.login(), ROLES.loginPassword());
        claims = new JobClaims(login);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = login.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM cluster_job_run");
        }
    }

    @Test
    void finished_runs_older_than_the_days_go_recent_and_unfinished_ones_stay() throws Exception {
        run("old-done", 0, 120, "DONE");
        run("old-failed", 1, 91, "FAILED");
        run("recent-done", 2, 89, "DONE");
        run("yesterday", 3, 1, "DONE");
        run("old-abandoned", 4, null, null); // claimed 200 days ago, its node died, never taken over
        claims.claim(ClusterJob.named("running"), JobSlots.every(Duration.ofMinutes(15), Instant.now()),
                new ClusterNode("node-b", "host-2", 202)).orElseThrow();

        JobResult result = JobHistoryJob.prune(new JobHistory(90), claims, JobHistoryJob.BATCH);

        assertThat(result.outcome()).isEqualTo(JobOutcome.DONE);
        assertThat(result.detail()).isEqualTo("2 finished run(s) older than 90 days deleted");
        assertThat(jobs()).containsExactlyInAnyOrder("recent-done", "yesterday", "old-abandoned", "running");
    }

    @Test
    void a_big_history_goes_in_batches_until_none_is_left() throws Exception {
        for (int i = 0; i < 25; i++) {
            run("quarter-hour", i, 100, "DONE");
        }
        run("quarter-hour", 25, 10, "DONE");

        assertThat(claims.deleteFinishedBefore(90, 10)).as("three statements of at most 10").isEqualTo(25);
        assertThat(jobs()).containsExactly("quarter-hour");
        assertThat(claims.deleteFinishedBefore(90, 10)).as("nothing left to delete").isZero();
    }

    @Test
    void zero_keeps_every_run() throws Exception {
        run("ancient", 0, 3_000, "DONE");
        run("ancient-failed", 1, 400, "FAILED");

        JobResult result = JobHistoryJob.prune(new JobHistory(0), claims, JobHistoryJob.BATCH);

        assertThat(result.outcome()).isEqualTo(JobOutcome.DONE);
        assertThat(result.detail()).contains("kept forever");
        assertThat(jobs()).containsExactlyInAnyOrder("ancient", "ancient-failed");
    }

    @Test
    void a_setting_out_of_range_is_refused_with_its_name() {
        assertThatThrownBy(() -> new JobHistory(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(JobHistory.SETTING + " is -1");
        assertThatThrownBy(() -> new JobHistory(JobHistory.MIN_DAYS - 1)).hasMessageContaining("at least 35 days");
        assertThat(new JobHistory(JobHistory.MIN_DAYS).days()).isEqualTo(35);
        assertThat(new JobHistory(0).keepsForever()).isTrue();
        assertThat(new JobHistory(JobHistory.DEFAULT_DAYS).keepsForever()).isFalse();
    }

    /**
     * A run of {@code job} for the {@code n}th slot, claimed 200 days ago; finished {@code finishedDaysAgo} days ago with
     * {@code outcome}, or not finished (null) with its lease run out.
     */
    private static void run(String job, int n, Integer finishedDaysAgo, String outcome) throws SQLException {
        try (Connection c = login.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO cluster_job_run (job, slot, node, claimed_at, lease_until, finished_at, outcome)
                VALUES (?, timestamptz '2026-01-01Z' + ? * interval '15 minutes', 'node-a', now() - interval '200 days',
                        now() - interval '199 days', now() - CAST(? AS integer) * interval '1 day', ?)""")) {
            s.setString(1, job);
            s.setInt(2, n);
            s.setObject(3, finishedDaysAgo);
            s.setString(4, outcome);
            s.executeUpdate();
        }
    }

    private static List<String> jobs() throws SQLException {
        List<String> jobs = new ArrayList<>();
        try (Connection c = login.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT job FROM cluster_job_run")) {
            while (rs.next()) {
                jobs.add(rs.getString(1));
            }
        }
        return jobs;
    }
}
