/**
 * Work that must happen once per cluster, not once per node: each node's timers claim a job's slot in PostgreSQL
 * ({@link org.smgwlite.platform.cluster.ClusterJobs}) and only the node holding the claim runs it.
 */
package org.smgwlite.platform.cluster;
