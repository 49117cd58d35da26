package org.smgwlite.agent.bench;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Footprint of the running agent: starts {@code device-agent run} in a child JVM with {@code -Xmx32m} on a
 * simulated meter in real time (one telegram per second, TAF 14 every second, status page on, store and Eichlog on
 * disk), lets it warm up, then reads its RSS and CPU time from {@code /proc} over a measurement window.
 * Targets: RSS at most 64 MB, CPU under 1% of one core. Linux only.
 *
 * <pre>
 * mvn -q -pl device-agent -Pfootprint test-compile exec:java [-Dbench.warmup=15] [-Dbench.seconds=60]
 *     [-Dbench.mqtt=tcp://127.0.0.1:1883] [-Dbench.jvm="-XX:+UseSerialGC"]
 * </pre>
 */
public final class AgentFootprintBenchmark {

    private AgentFootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 15);
        int seconds = Integer.getInteger("bench.seconds", 60);
        String mqtt = System.getProperty("bench.mqtt", "");
        Path dir = Files.createTempDirectory("agent-footprint");
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, String.join("\n", "source=simulate", "simulate.speed=realtime",
                "simulate.interval.seconds=1", "simulate.pv.watts=4000", "taf14.interval.seconds=1",
                "status.port=0", "data.dir=data", mqtt.isEmpty() ? "" : "mqtt.url=" + mqtt, ""));
        long clockTicks = Long.parseLong(new String(new ProcessBuilder("getconf", "CLK_TCK").start().getInputStream()
                .readAllBytes(), StandardCharsets.US_ASCII).trim());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m"));
        String jvm = System.getProperty("bench.jvm", "").trim();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        command.addAll(List.of("-cp", classpath(), "org.smgwlite.agent.cli.Main", "run", "--config", config.toString()));
        System.out.println("command: java -Xmx32m " + (jvm.isEmpty() ? "" : jvm + " ")
                + "-cp <device-agent classpath> org.smgwlite.agent.cli.Main run --config " + config
                + (mqtt.isEmpty() ? "" : " (with MQTT " + mqtt + ")"));
        Process agent = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            Thread.sleep(warmup * 1000L);
            long pid = agent.pid();
            long cpu0 = cpuTicks(pid);
            long t0 = System.nanoTime();
            long maxRss = 0;
            for (int s = 0; s < seconds; s++) {
                Thread.sleep(1000);
                maxRss = Math.max(maxRss, rssKb(pid));
            }
            long cpu1 = cpuTicks(pid);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (cpu1 - cpu0) / (double) clockTicks;
            long stored = Files.readAllLines(dir.resolve("stdout.txt")).stream().filter(l -> l.startsWith("STORED")).count();
            System.out.printf("after %d s warm-up, over %.0f s: RSS max %.1f MB (target <= 64), CPU %.2f%% of one core "
                    + "(target < 1%%), %.2f s CPU; %d values stored so far; data in %s%n", warmup, wall,
                    maxRss / 1024.0, 100 * cpuSeconds / wall, cpuSeconds, stored, dir);
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    /** The project's test classpath, whether run by exec:java (a URL class loader) or plainly by java. */
    static String classpath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> parts = new ArrayList<>();
            for (URL u : urls.getURLs()) {
                parts.add(new File(u.getPath()).getPath());
            }
            return String.join(File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }

    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }
}
