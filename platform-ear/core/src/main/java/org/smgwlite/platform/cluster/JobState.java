package org.smgwlite.platform.cluster;

/**
 * A claim as operators see it: {@code RUNNING} (its lease is current), {@code ABANDONED} (not finished and the lease ran
 * out: its node died or lost the database; the next tick of any node takes it over), {@code DONE}, {@code FAILED}.
 */
public enum JobState {
    RUNNING, ABANDONED, DONE, FAILED
}
