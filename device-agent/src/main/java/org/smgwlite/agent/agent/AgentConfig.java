package org.smgwlite.agent.agent;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;

import org.smgwlite.agent.meter.MeterProtocol;
import java.util.Set;
import java.util.TreeMap;

import org.smgwlite.agent.taf.SlotAlignment;

/**
 * The agent's settings from a {@code .properties} file. Every key has a default except {@code source}; unknown keys
 * are rejected so that a typo does not silently leave a default in force. See {@code device-agent/README.md} for
 * the list.
 */
public record AgentConfig(String source, MeterProtocol protocol, Path storeDir, long storeCapacityBytes, Path eichlogFile,
                          SlotAlignment alignment, int taf14IntervalSeconds, boolean taf14Store, Duration silence,
                          long clockJumpMillis, String timeSync, String statusBind, int statusPort, String mqttUrl,
                          String mqttDiscoveryPrefix, String mqttTopicPrefix, String mqttClientId,
                          Simulation simulation, String fingerprint,
                          org.smgwlite.agent.upload.UploadSettings upload) {

    /** Settings of {@code source=simulate}. */
    public record Simulation(Instant start, boolean realtime, int intervalSeconds, int days, long pvWatts, long seed,
                             int meter) {
    }

    static final Set<String> KEYS = Set.of("source", "protocol", "data.dir", "store.dir", "store.capacity.mb",
            "eichlog.file", "taf7.period.seconds", "taf14.interval.seconds", "taf14.store", "meter.silence.seconds",
            "clock.jump.threshold.ms", "time.sync", "status.bind", "status.port", "mqtt.url", "mqtt.discovery.prefix",
            "mqtt.topic.prefix", "mqtt.client.id", "simulate.start", "simulate.speed", "simulate.interval.seconds",
            "simulate.days", "simulate.pv.watts", "simulate.seed", "simulate.meter");

    /**
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException naming the file and the key that is wrong
     */
    public static AgentConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            return parse(p, file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Relative paths are resolved against {@code base} (the config file's directory). */
    public static AgentConfig parse(Properties p, Path base) {
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key) && !org.smgwlite.agent.upload.UploadSettings.KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "'");
            }
        }
        String source = p.getProperty("source", "").trim();
        if (source.isEmpty()) {
            throw new IllegalArgumentException("source is required (file, tcp:HOST:PORT, serial:DEVICE or simulate)");
        }
        MeterProtocol protocol = MeterProtocol.parse(p.getProperty("protocol", "sml").trim());
        Path data = base.resolve(p.getProperty("data.dir", "agent-data").trim());
        Path store = base.resolve(p.getProperty("store.dir", data.resolve("store").toString()).trim());
        Path eichlog = base.resolve(p.getProperty("eichlog.file", data.resolve("eichlog.log").toString()).trim());
        long capacityMb = number(p, "store.capacity.mb", 64, 1, 1 << 20);
        SlotAlignment alignment;
        try {
            alignment = SlotAlignment.ofSeconds(number(p, "taf7.period.seconds", 900, 60, 3600));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("taf7.period.seconds: " + e.getMessage(), e);
        }
        int taf14 = (int) number(p, "taf14.interval.seconds", 10, 0, 60);
        boolean taf14Store = bool(p, "taf14.store", true);
        Duration silence = Duration.ofSeconds(number(p, "meter.silence.seconds", 30, 2, 3600));
        long jump = number(p, "clock.jump.threshold.ms", 2000, 100, 3_600_000);
        String timeSync = p.getProperty("time.sync", "assume").trim();
        TimeSync.of(timeSync);
        String bind = p.getProperty("status.bind", "127.0.0.1").trim();
        int port = (int) number(p, "status.port", 8421, -1, 65535);
        String mqtt = p.getProperty("mqtt.url", "").trim();
        String speed = p.getProperty("simulate.speed", "max").trim();
        if (!speed.equals("max") && !speed.equals("realtime")) {
            throw new IllegalArgumentException("simulate.speed must be max or realtime, was " + speed);
        }
        String start = p.getProperty("simulate.start", "").trim();
        Instant simStart;
        try {
            simStart = start.isEmpty() ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                    : Instant.parse(start);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("simulate.start must be an ISO instant like 2024-03-05T00:00:00Z, was "
                    + start, e);
        }
        Simulation sim = new Simulation(simStart, speed.equals("realtime"),
                (int) number(p, "simulate.interval.seconds", 1, 1, 60), (int) number(p, "simulate.days", 0, 0, 3650),
                number(p, "simulate.pv.watts", 0, 0, 100_000), number(p, "simulate.seed", 1, Long.MIN_VALUE,
                Long.MAX_VALUE), (int) number(p, "simulate.meter", 1, 0, Integer.MAX_VALUE));
        return new AgentConfig(source, protocol, store, capacityMb << 20, eichlog, alignment, taf14,
                taf14Store, silence, jump, timeSync, bind, port, mqtt.isEmpty() ? null : mqtt,
                p.getProperty("mqtt.discovery.prefix", "homeassistant").trim(),
                p.getProperty("mqtt.topic.prefix", "smgwlite").trim(),
                p.getProperty("mqtt.client.id", "smgwlite-agent").trim(), sim, fingerprint(p),
                org.smgwlite.agent.upload.UploadSettings.parse(p, base, data));
    }

    private static long number(Properties p, String key, long def, long min, long max) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return def;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + v + "'", e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", was " + n);
        }
        return n;
    }

    private static boolean bool(Properties p, String key, boolean def) {
        String v = p.getProperty(key, Boolean.toString(def)).trim();
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, was '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /** SHA-256 over the sorted settings: the Eichlog records it, so a change of configuration is visible. */
    private static String fingerprint(Properties p) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(p).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public MeterPipeline.Settings pipelineSettings() {
        return new MeterPipeline.Settings(alignment, taf14IntervalSeconds, silence, clockJumpMillis, protocol);
    }

    /** One line for the Eichlog's CONFIG entry. */
    public String summary() {
        return "source=" + source + " protocol=" + protocol + " taf7=" + alignment.period().getSeconds()
                + "s taf14=" + taf14IntervalSeconds + "s store=" + storeDir + " capacity=" + (storeCapacityBytes >> 20)
                + "MB time.sync=" + timeSync + " fingerprint=" + fingerprint;
    }
}
