package org.smgwlite.platform.it;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Payara domain Arquillian started ({@code domain1} of the test's own Payara under {@code target/}),
 * handled as an operator would: its server JVM killed with SIGKILL, then started again with
 * {@code asadmin start-domain}. Arquillian talks to the domain only through asadmin and the admin port, so
 * a domain restarted this way is the same container to it: the EAR it deployed comes back with the domain,
 * its undeploy and its final {@code stop-domain} reach the new JVM.
 *
 * <p>The restarted JVM is forked by asadmin from this test JVM and inherits the same environment (the
 * database and Keycloak settings failsafe passes), as the first one did.
 */
final class ManagedDomain {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Path payaraHome = Path.of(System.getProperty("payara.home")).toAbsolutePath();
    private final Path domain = payaraHome.resolve("glassfish/domains/domain1");
    private final Path log;

    /** @param log where asadmin's output goes */
    ManagedDomain(Path log) {
        this.log = log;
    }

    /**
     * SIGKILL to the domain's server JVM (the pid in {@code config/pid}); returns once it is gone.
     *
     * @throws IllegalStateException if the pid does not belong to a running JVM of this Payara
     */
    void kill() throws Exception {
        long pid = Long.parseLong(Files.readString(domain.resolve("config/pid"), StandardCharsets.US_ASCII).strip());
        ProcessHandle server = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("domain1's pid " + pid + " is not running"));
        String command = server.info().commandLine().orElse("");
        if (!command.contains(payaraHome.toString())) {
            throw new IllegalStateException("pid " + pid + " is not this test's Payara (" + payaraHome + "): " + command);
        }
        server.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no orderly undeploy
        server.onExit().get(30, TimeUnit.SECONDS);
    }

    /** Whether the domain's admin port accepts connections. */
    boolean running() {
        try (Socket ignored = new Socket("localhost", 4848)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code asadmin start-domain domain1}, then waits until {@code readyUrl} answers 200. */
    void start(URI readyUrl) throws Exception {
        Process asadmin = new ProcessBuilder(List.of(payaraHome.resolve("bin/asadmin").toString(), "start-domain", "domain1"))
                .directory(payaraHome.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        asadmin.getOutputStream().close();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        if (!asadmin.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            asadmin.destroyForcibly();
            throw new AssertionError("asadmin start-domain did not return within " + START_TIMEOUT.toSeconds() + " s, see " + log);
        }
        if (asadmin.exitValue() != 0) {
            throw new AssertionError("asadmin start-domain exited with " + asadmin.exitValue() + ", see " + log);
        }
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = HTTP.send(HttpRequest.newBuilder(readyUrl).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the HTTP listener is not up yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(readyUrl + " not ready " + START_TIMEOUT.toSeconds() + " s after the restart (last status " + last + ")");
    }
}
