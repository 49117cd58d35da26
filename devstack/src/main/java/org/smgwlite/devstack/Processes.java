package org.smgwlite.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starting server processes with their output in a log file, and stopping them with all their children. */
final class Processes {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Processes() {
    }

    /**
     * Starts {@code command} in {@code dir} with {@code env} added to this JVM's environment and all output
     * appended to {@code log}. On Linux the process gets its own session (setsid), so a Ctrl-C in the terminal
     * reaches only this launcher, which then stops the servers in order.
     */
    static Process start(List<String> command, Path dir, Map<String, String> env, Path log) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
    }

    /** Runs a short command to its end; returns its exit code, or -1 if it took longer than {@code timeoutSeconds}. */
    static int run(List<String> command, Path dir, Map<String, String> env, Path log, long timeoutSeconds) {
        Process process = start(command, dir, env, log);
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                destroyTree(process.toHandle(), 5);
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyTree(process.toHandle(), 5);
            return -1;
        }
    }

    /** Asks the process and its descendants to stop (SIGTERM), then kills whatever is left after the grace period. */
    static void destroyTree(ProcessHandle root, long graceSeconds) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
        for (ProcessHandle p : all) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                p.destroyForcibly();
            }
        }
    }

    static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException free) {
            return false;
        }
    }

    static void requireFree(int port, String component, String hint) {
        if (portInUse(port)) {
            throw new StartupException(component, "port " + port + " is already in use" + (hint.isEmpty() ? "" : "; " + hint), null);
        }
    }
}
