/**
 * What makes several nodes of a deployment group one platform. Work that must happen once per cluster, not once per
 * node: each node's timers claim a job's slot in PostgreSQL ({@link org.smgwlite.platform.cluster.ClusterJobs}) and
 * only the node holding the claim runs it. Signals between the nodes over PostgreSQL {@code LISTEN/NOTIFY}: a change
 * sends its signal in its own transaction (delivered on commit only, to every node), and each node listens on a
 * connection of its own.
 */
package org.smgwlite.platform.cluster;
