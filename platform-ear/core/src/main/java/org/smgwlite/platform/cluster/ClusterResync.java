package org.smgwlite.platform.cluster;

/**
 * CDI event: this node's listener was disconnected and listens again, so signals may have been missed meanwhile.
 * Observers drop every cache a signal keeps current and wake every waiter a signal would have woken.
 */
public record ClusterResync(int connection) {
}
