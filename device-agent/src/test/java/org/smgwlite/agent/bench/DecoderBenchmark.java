package org.smgwlite.agent.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openmuc.jsml.structures.SmlFile;
import org.openmuc.jsml.transport.Transport;
import org.smgwlite.agent.meter.MeterTelegram;
import org.smgwlite.agent.meter.SmlTelegramDecoder;
import org.smgwlite.agent.meter.TelegramListener;
import org.smgwlite.agent.sml.transport.FrameRejection;
import org.smgwlite.agent.sml.transport.SmlFrame;
import org.smgwlite.agent.testing.Captures;

/**
 * Throughput of our decoder against OpenMUC jSML on the same bytes, one thread. Not a unit test.
 *
 * <p>Corpus: every complete frame of every capture that jSML can decode too (so both count the
 * same telegrams), concatenated into one stream; each round decodes the whole stream. Ours runs
 * all three layers (framing, SML structure, mapping to exact readings); jSML runs its transport
 * and structure decoding. jSML's read timeout is never hit because it is asked for exactly as
 * many files as the stream holds.
 *
 * <p>Run: {@code mvn -q -pl device-agent -Pbench test-compile exec:java} (optional
 * {@code -Dbench.seconds=5}).
 */
public final class DecoderBenchmark {

    private static long sink;

    public static void main(String[] args) throws IOException {
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "4"));
        List<byte[]> frames = jsmlReadableFrames();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        frames.forEach(all::writeBytes);
        byte[] stream = all.toByteArray();
        int perRound = frames.size();
        System.out.printf("corpus: %d telegrams, %d bytes, from %d captures%n", perRound, stream.length,
                Captures.ALL.size());

        // warm-up, alternating so both get the JIT's attention
        for (int i = 0; i < 3; i++) {
            measure("ours", () -> ours(stream), perRound, seconds / 2, false);
            measure("jsml", () -> jsml(stream, perRound), perRound, seconds / 2, false);
        }
        double ours = measure("ours", () -> ours(stream), perRound, seconds, true);
        double jsml = measure("jSML", () -> jsml(stream, perRound), perRound, seconds, true);
        System.out.printf("ratio ours/jSML: %.1fx%n", ours / jsml);
        System.out.println("(sink " + sink + ")");
    }

    private interface Round {
        int run() throws IOException;
    }

    private static double measure(String name, Round round, int perRound, double seconds, boolean print)
            throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long telegrams = 0;
        while (System.nanoTime() < deadline) {
            int n = round.run();
            if (n != perRound) {
                throw new IllegalStateException(name + " decoded " + n + " of " + perRound + " telegrams");
            }
            telegrams += n;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocBefore;
        double rate = telegrams / elapsed;
        if (print) {
            System.out.printf("%-5s %,12.0f telegrams/s  %,8d bytes allocated per telegram%n", name, rate,
                    allocated / Math.max(1, telegrams));
        }
        return rate;
    }

    private static int ours(byte[] stream) {
        int[] count = {0};
        SmlTelegramDecoder decoder = new SmlTelegramDecoder(new TelegramListener() {
            @Override
            public void telegram(MeterTelegram telegram) {
                count[0]++;
                sink += telegram.readings().size();
            }

            @Override
            public void rejected(FrameRejection rejection) {
                sink--;
            }
        });
        decoder.accept(stream);
        decoder.endOfStream();
        return count[0];
    }

    private static int jsml(byte[] stream, int files) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(stream));
        Transport transport = new Transport();
        int count = 0;
        for (int i = 0; i < files; i++) {
            SmlFile file = transport.getSMLFile(in);
            sink += file.getMessages().size();
            count++;
        }
        return count;
    }

    /** Complete frames of all captures, as they were on the wire, kept only where jSML decodes them alone. */
    private static List<byte[]> jsmlReadableFrames() {
        List<byte[]> frames = new ArrayList<>();
        for (String name : Captures.ALL) {
            byte[] capture = Captures.bytes(name);
            for (SmlFrame frame : Captures.frames(capture).frames) {
                byte[] wire = Arrays.copyOfRange(capture, (int) frame.offset(), (int) frame.offset() + frame.wireLength());
                try {
                    Transport t = new Transport();
                    t.setTimeout(1);
                    t.getSMLFile(new DataInputStream(new ByteArrayInputStream(wire)));
                    frames.add(wire);
                } catch (IOException | RuntimeException jsmlCannot) {
                    // e.g. the Holley DTZ541 frames: not part of the comparison
                }
            }
        }
        return frames;
    }
}
