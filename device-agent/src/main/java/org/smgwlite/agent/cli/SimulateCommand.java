package org.smgwlite.agent.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.simulator.FleetSimulator;
import org.smgwlite.agent.taf.SlotAlignment;
import org.smgwlite.pki.cli.Arguments;
import org.smgwlite.pki.cli.UsageException;

/**
 * {@code device-agent simulate}: N virtual meters for D days at an accelerated clock, through encoder, framer,
 * decoder and TAF engine; prints per meter the TAF 7 values per register per day and the flagged slots, and the
 * throughput. {@code --out DIR} also writes each meter's store and Eichlog; {@code --write-stream FILE} keeps the
 * raw SML byte stream of meter 1 (replayable with {@code decode}).
 */
final class SimulateCommand implements Command {

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String synopsis() {
        return "simulate [--meters N] [--days D] [--start 2024-03-05T00:00:00Z] [--interval SECONDS] [--pv WATTS]"
                + " [--seed N] [--period SECONDS] [--out DIR] [--write-stream FILE.bin]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a = Arguments.parse(name(), args).allowOnly(Set.of("meters", "days", "start", "interval", "pv",
                "seed", "period", "out", "write-stream"));
        a.operands(0, "no operand");
        int meters = a.value("meters", Integer::parseInt, 1);
        int days = a.value("days", Integer::parseInt, 1);
        Instant start = a.value("start", Instant::parse, Instant.parse("2024-03-05T00:00:00Z"));
        int interval = a.value("interval", Integer::parseInt, 1);
        long pv = a.value("pv", Long::parseLong, 0L);
        long seed = a.value("seed", Long::parseLong, 1L);
        long period = a.value("period", Long::parseLong, 900L);
        Path dir = a.value("out", Path::of, null);
        Path stream = a.value("write-stream", Path::of, null);
        if (meters < 1 || days < 1 || interval < 1 || interval > 60 || pv < 0) {
            throw new UsageException("need meters >= 1, days >= 1, interval 1..60, pv >= 0");
        }
        try (OutputStream raw = stream == null ? null : new BufferedOutputStream(Files.newOutputStream(stream))) {
            SlotAlignment alignment = SlotAlignment.ofSeconds(period);
            long t0 = System.nanoTime();
            List<FleetSimulator.MeterRun> runs = FleetSimulator.run(new FleetSimulator.Plan(meters, start, days,
                    interval, pv, seed, alignment, dir, raw));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long telegrams = 0;
            long bytes = 0;
            for (FleetSimulator.MeterRun r : runs) {
                telegrams += r.telegrams();
                bytes += r.bytes();
                out.println("meter " + r.meterId() + ": " + r.telegrams() + " telegrams, " + r.rejections()
                        + " rejected, " + r.flaggedSlots() + " flagged slots");
                for (Map.Entry<ObisCode, Map<LocalDate, Integer>> e : r.taf7PerDay().entrySet()) {
                    out.println("  " + e.getKey() + " TAF 7 values per day: " + e.getValue());
                }
            }
            out.printf("%d meters x %d days: %d telegrams, %d bytes in %.2f s (%.0f telegrams/s, %.1f simulated "
                    + "meter-days/s)%n", meters, days, telegrams, bytes, seconds, telegrams / seconds,
                    meters * (double) days / seconds);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("simulate: " + e.getMessage());
            return 1;
        }
    }
}
