package org.smgwlite.platform.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smgwlite.devstack.ClusterStack;

/**
 * HAProxy's view of the nodes, from its status page as CSV ({@link ClusterStack#balancerStatus()}): which node holds a
 * device-port session now, and whether every node is up in every backend.
 */
public final class BalancerStatus {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    public static final String DEVICE_BACKEND = "nodes_device_port";
    private static final String NODE = "smgw-node";

    /** One server line of the CSV: backend, server, current sessions, sessions in all, status (UP, DOWN, ...). */
    public record Server(String backend, String name, int sessions, long total, String status) {

        public int node() {
            return Integer.parseInt(name.substring(NODE.length()));
        }
    }

    private BalancerStatus() {
    }

    /** The node servers of every backend as HAProxy sees them now. */
    public static List<Server> servers() throws IOException, InterruptedException {
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(ClusterStack.balancerStatus() + ";csv"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (csv.statusCode() != 200) {
            throw new IllegalStateException("HAProxy's status page answered " + csv.statusCode());
        }
        List<Server> servers = new ArrayList<>();
        for (String line : csv.body().split("\n")) {
            // # pxname,svname,qcur,qmax,scur,smax,slim,stot,...,status (column 17),...
            String[] f = line.split(",", -1);
            if (f.length > 17 && f[1].startsWith(NODE)) {
                servers.add(new Server(f[0], f[1], Integer.parseInt(f[4]), Long.parseLong(f[7]), f[17]));
            }
        }
        return servers;
    }

    /** The node whose device-port server has an open session (the uploading agent's connection), polled up to {@code within}. */
    static int nodeHoldingDevicePortSession(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<Server> last = List.of();
        while (System.nanoTime() < deadline) {
            last = servers();
            for (Server s : last) {
                if (s.backend().equals(DEVICE_BACKEND) && s.sessions() > 0) {
                    return s.node();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no node held a device-port session within " + within + ": " + last);
    }

    /** Waits until every node is UP in every backend (a restarted node after HAProxy's rising checks). */
    static void awaitAllUp(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<Server> last = List.of();
        while (System.nanoTime() < deadline) {
            last = servers();
            if (!last.isEmpty() && last.stream().allMatch(s -> s.status().equals("UP"))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not every node UP in HAProxy within " + within + ": " + last);
    }
}
