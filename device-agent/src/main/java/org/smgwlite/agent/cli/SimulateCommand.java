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

import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.simulator.FleetSimulator;
import org.smgwlite.agent.taf.SlotAlignment;

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
        int meters = 1;
        int days = 1;
        Instant start = Instant.parse("2024-03-05T00:00:00Z");
        int interval = 1;
        long pv = 0;
        long seed = 1;
        long period = 900;
        Path dir = null;
        Path stream = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (i + 1 >= args.size() || !a.startsWith("--")) {
                    err.println("simulate: " + a + (a.startsWith("--") ? " needs a value" : " is not an option"));
                    return Main.USAGE;
                }
                String v = args.get(++i);
                switch (a) {
                    case "--meters" -> meters = Integer.parseInt(v);
                    case "--days" -> days = Integer.parseInt(v);
                    case "--start" -> start = Instant.parse(v);
                    case "--interval" -> interval = Integer.parseInt(v);
                    case "--pv" -> pv = Long.parseLong(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--period" -> period = Long.parseLong(v);
                    case "--out" -> dir = Path.of(v);
                    case "--write-stream" -> stream = Path.of(v);
                    default -> {
                        err.println("simulate: unknown option " + a);
                        return Main.USAGE;
                    }
                }
            }
            if (meters < 1 || days < 1 || interval < 1 || interval > 60 || pv < 0) {
                err.println("simulate: need meters >= 1, days >= 1, interval 1..60, pv >= 0");
                return Main.USAGE;
            }
        } catch (RuntimeException e) {
            err.println("simulate: " + e.getMessage());
            return Main.USAGE;
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
