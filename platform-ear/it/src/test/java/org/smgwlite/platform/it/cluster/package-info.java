/**
 * The cluster harness of issue 16 ({@code mvn verify -P cluster}): two Payara instances of one deployment group behind
 * HAProxy, started by {@link org.smgwlite.platform.it.cluster.ItCluster}, and the tests that each node sees what the other did.
 */
package org.smgwlite.platform.it.cluster;
