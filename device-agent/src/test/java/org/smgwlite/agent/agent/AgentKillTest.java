package org.smgwlite.agent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.eichlog.EichlogVerifier;
import org.smgwlite.agent.store.StoreNote;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.TafValue;

/**
 * Runs the real agent ({@code device-agent run}) in a child JVM on a simulated meter at full speed and kills it
 * with SIGKILL ({@code destroyForcibly}) at random moments, again and again on the same data directory. After
 * every kill: every value the agent reported durable ({@code STORED} line, printed after the fsync) is in the
 * store with the same slot and register, sequence numbers are dense, no (register, slot) is stored twice, and the
 * Eichlog chain verifies. Kills: {@code -Dkilltest.count=N} (default 20).
 */
class AgentKillTest {

    static final Pattern STORED = Pattern.compile("^STORED (TAF\\d+) seq=(\\d+) meter=\\S+ slot=(\\S+) (\\S+)=");

    @TempDir
    Path dir;

    @Test
    void sigkillAtRandomPointsLosesAndDuplicatesNoDurableValue() throws Exception {
        int kills = Integer.getInteger("killtest.count", 20);
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, String.join("\n",
                "source=simulate",
                "simulate.speed=max",
                "simulate.start=2024-03-05T00:00:00Z",
                "simulate.interval.seconds=10",
                "simulate.pv.watts=3000",
                "taf14.interval.seconds=10",
                "status.port=-1",
                "data.dir=data", ""));
        Random random = new Random(Long.getLong("killtest.seed", 20240305L));
        Map<Long, String> durable = new TreeMap<>();
        int tornTails = 0;
        for (int i = 0; i < kills; i++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                    "org.smgwlite.agent.cli.Main", "run", "--config", config.toString())
                    .redirectError(dir.resolve("stderr-" + i + ".txt").toFile()).start();
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the pipe closes when the child dies
                }
            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lines.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(lines).as("child %d stored something (stderr in %s)", i, dir).isNotEmpty();
            Thread.sleep(random.nextInt(800));
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            for (String line : lines) {
                Matcher m = STORED.matcher(line);
                assertThat(m.find()).as("stdout line " + line).isTrue();
                String previous = durable.put(Long.parseLong(m.group(2)), m.group(4) + "@" + m.group(3));
                assertThat(previous).as("seq %s reported twice", m.group(2)).isNull();
            }
            if (verify(durable, i)) {
                tornTails++;
            }
        }
        System.out.printf("AgentKillTest: %d SIGKILLs, %d durable values checked, %d kills left a torn journal "
                + "tail that was cut off%n", kills, durable.size(), tornTails);
    }

    /** @return whether reopening the store had to repair a torn tail (the kill hit a write) */
    private boolean verify(Map<Long, String> durable, int kill) throws IOException {
        List<StoreNote> repairs = new ArrayList<>();
        try (ValueStore store = ValueStore.open(dir.resolve("data/store"), 64L << 20, WriteGuard.NONE, repairs::add)) {
            List<TafValue> all = new ArrayList<>();
            for (List<TafValue> batch; !(batch = store.readBilling(all.size() + 1, 10_000)).isEmpty(); ) {
                all.addAll(batch);
            }
            Set<String> keys = new HashSet<>();
            for (int j = 0; j < all.size(); j++) {
                TafValue v = all.get(j);
                assertThat(v.seq()).as("dense sequence after kill %d", kill).isEqualTo(j + 1L);
                assertThat(keys.add(v.obis() + "@" + v.slot())).as("%s stored twice after kill %d", v, kill).isTrue();
            }
            for (Map.Entry<Long, String> d : durable.entrySet()) {
                assertThat(d.getKey()).as("durable seq %d lost after kill %d", d.getKey(), kill)
                        .isLessThanOrEqualTo(all.size());
                TafValue v = all.get((int) (d.getKey() - 1));
                assertThat(v.obis() + "@" + v.slot()).as("seq %d after kill %d", d.getKey(), kill).isEqualTo(d.getValue());
            }
        }
        EichlogVerifier.Result log = EichlogVerifier.verify(dir.resolve("data/eichlog.log"));
        assertThat(log.ok()).as(log.message()).isTrue();
        return !repairs.isEmpty();
    }
}
