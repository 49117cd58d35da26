package org.smgwlite.platform.cluster;

import java.time.Duration;

/**
 * A job that runs once per cluster and slot: its name (lower-case letters, digits and dashes, as stored in
 * {@code cluster_job_run.job}) and its lease, how long its claim stays valid without being renewed. The running node
 * renews the lease every third of it, so the lease bounds how long a slot stays blocked after its node died, not how
 * long the work may take.
 */
public record ClusterJob(String name, Duration lease) {

    /** Long enough to ride out a garbage-collection pause or a slow database, short enough for a same-day takeover. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    public ClusterJob {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("job name " + name + " is not lower-case letters, digits and dashes (at most 64)");
        }
        if (lease == null || lease.compareTo(Duration.ofMillis(30)) < 0) {
            throw new IllegalArgumentException("lease of job " + name + " must be at least 30 ms, is " + lease);
        }
    }

    public static ClusterJob named(String name) {
        return new ClusterJob(name, DEFAULT_LEASE);
    }

    @Override
    public String toString() {
        return name;
    }
}
