package org.smgwlite.platform.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which node of the deployment group this JVM is: the Payara instance name (system property
 * {@value #INSTANCE_PROPERTY}; {@code standalone} outside Payara), the host and the process id. Its {@link #name()}
 * is what the claim rows ({@code cluster_job_run.node}) and the job logs carry; the pid tells a restarted instance
 * from the one that died holding a claim.
 */
public record ClusterNode(String instance, String host, long pid) {

    public static final String INSTANCE_PROPERTY = "com.sun.aas.instanceName";
    private static final int MAX_NAME = 200;
    private static final ClusterNode CURRENT = new ClusterNode(System.getProperty(INSTANCE_PROPERTY, "standalone"),
            localHost(), ProcessHandle.current().pid());

    public ClusterNode {
        if (instance == null || instance.isBlank() || host == null || host.isBlank()) {
            throw new IllegalArgumentException("a cluster node needs an instance name and a host");
        }
    }

    /** This JVM. */
    public static ClusterNode current() {
        return CURRENT;
    }

    /** {@code instance@host/pid}, at most 200 characters (the column's size). */
    public String name() {
        String name = instance + "@" + host + "/" + pid;
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    @Override
    public String toString() {
        return name();
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown-host" : env;
        }
    }
}
