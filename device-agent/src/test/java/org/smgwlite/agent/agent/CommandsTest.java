package org.smgwlite.agent.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.cli.Main;

/** {@code device-agent run}, {@code simulate} and {@code verify-eichlog} as a user types them; config errors. */
class CommandsTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int main(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runOnASimulatedDayThenVerifyTheEichlogAndFindAnEditedEntry() throws Exception {
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, "source=simulate\nsimulate.start=2024-03-05T00:00:00Z\nsimulate.days=1\n"
                + "simulate.interval.seconds=5\nstatus.port=-1\ndata.dir=data\n");
        assertThat(main("run", "--config", config.toString())).as(err.toString()).isZero();
        long stored = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("STORED TAF7")).count();
        assertThat(stored).isEqualTo(96 * 3); // 3 registers (no PV), the replay ends before the next 00:00
        Path log = dir.resolve("data/eichlog.log");
        out.reset();
        assertThat(main("verify-eichlog", log.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: ").contains("chain intact");

        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        assertThat(lines.get(1)).contains("CONFIG");
        lines.set(1, lines.get(1).replace("time.sync=assume", "time.sync=systemd"));
        Files.write(log, lines, StandardCharsets.UTF_8);
        out.reset();
        assertThat(main("verify-eichlog", log.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("BROKEN: line 2: entry 2 was changed");
        assertThat(main("verify-eichlog")).isEqualTo(Main.USAGE);
    }

    @Test
    void simulatePrintsValuesPerRegisterAndDay() {
        assertThat(main("simulate", "--meters", "2", "--days", "1", "--interval", "5", "--pv", "3000"))
                .as(err.toString()).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("meter 0a0153494d0000000001", "meter 0a0153494d0000000002",
                "1-0:2.8.0*255 TAF 7 values per day: {2024-03-05=96, 2024-03-06=1}", "telegrams/s");
        assertThat(main("simulate", "--meters")).isEqualTo(Main.USAGE);
    }

    @Test
    void aConfigurationMistakeNamesTheKey() {
        Properties p = new Properties();
        p.setProperty("source", "tcp:127.0.0.1:23");
        p.setProperty("taf7.period.seconds", "1000");
        assertThatThrownBy(() -> AgentConfig.parse(p, dir)).hasMessageContaining("taf7.period.seconds");
        p.setProperty("taf7.period.seconds", "900");
        p.setProperty("taf14.interval.seconds", "61");
        assertThatThrownBy(() -> AgentConfig.parse(p, dir)).hasMessageContaining("taf14.interval.seconds must be 0..60");
        p.remove("taf14.interval.seconds");
        p.setProperty("taf7.periode", "900");
        assertThatThrownBy(() -> AgentConfig.parse(p, dir)).hasMessageContaining("unknown key 'taf7.periode'");
        p.remove("taf7.periode");
        AgentConfig c = AgentConfig.parse(p, dir);
        assertThat(c.alignment().period().getSeconds()).isEqualTo(900);
        assertThat(c.storeDir()).isEqualTo(dir.resolve("agent-data/store"));
        assertThat(c.statusBind()).isEqualTo("127.0.0.1");
        assertThat(c.mqttUrl()).isNull();
    }
}
