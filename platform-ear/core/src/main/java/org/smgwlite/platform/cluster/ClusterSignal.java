package org.smgwlite.platform.cluster;

/**
 * CDI event on every node, the sender's included: a signal sent on {@code channel} was committed. Observers must be
 * quick (they run on the node's one listener thread) and idempotent (the sender usually reacted after its own commit
 * already).
 */
public record ClusterSignal(ClusterChannel channel, String payload) {
}
