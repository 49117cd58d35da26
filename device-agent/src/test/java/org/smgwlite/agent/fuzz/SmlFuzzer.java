package org.smgwlite.agent.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.smgwlite.agent.meter.SmlTelegramDecoder;
import org.smgwlite.agent.sml.transport.FrameRejection;
import org.smgwlite.agent.sml.transport.SmlFrameWriter;
import org.smgwlite.agent.testing.Captures;

/**
 * Seeded mutation fuzzer over the real captures. Each input is a mutated capture (bit flips, byte
 * overwrites, insertions, deletions, duplications, truncation, splices, absurd TL bytes, list
 * bombs; half of them re-framed with a valid transport CRC so the mutation reaches the SML
 * structure decoder) followed by one known good frame. Invariants per input: nothing is thrown,
 * no rejection is an internal error, offsets lie inside the input, and the good frame at the end
 * is decoded to exactly its readings.
 *
 * <p>Run alone: {@code mvn -pl device-agent -Pfuzz test-compile exec:java -Dfuzz.count=1000000 [-Dfuzz.seed=N]}.
 */
public final class SmlFuzzer {

    /** What a run did, for the report. */
    public record Result(long inputs, long bytes, long telegrams, Map<String, Long> rejectionsByKind) {
    }

    private final List<byte[]> corpus = new ArrayList<>();
    private final List<byte[]> framePayloads = new ArrayList<>();
    private final byte[] goodFrame;
    private final List<String> goodLines;

    public SmlFuzzer() {
        for (String name : Captures.ALL) {
            byte[] bytes = Captures.bytes(name);
            corpus.add(bytes);
            Captures.frames(bytes).frames.forEach(f -> framePayloads.add(f.messages()));
        }
        goodFrame = SmlFrameWriter.frame(framePayloads.get(0));
        goodLines = Captures.decode(goodFrame).csvLines();
    }

    public Result run(long seed, long count) {
        SplittableRandom random = new SplittableRandom(seed);
        long bytes = 0;
        long telegrams = 0;
        Map<String, Long> kinds = new TreeMap<>();
        for (long i = 0; i < count; i++) {
            long inputSeed = random.nextLong();
            byte[] mutated = mutate(new SplittableRandom(inputSeed));
            byte[] input = Arrays.copyOf(mutated, mutated.length + goodFrame.length);
            System.arraycopy(goodFrame, 0, input, mutated.length, goodFrame.length);
            Captures.Decoded decoded = new Captures.Decoded();
            try {
                SmlTelegramDecoder decoder = new SmlTelegramDecoder(decoded);
                decoder.accept(input);
                decoder.endOfStream();
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw failure(seed, i, inputSeed, "exception escaped: " + e, e);
            }
            for (FrameRejection r : decoded.rejections) {
                if (r.reason().startsWith(SmlTelegramDecoder.INTERNAL_ERROR)) {
                    throw failure(seed, i, inputSeed, r.reason(), null);
                }
                if (r.offset() < 0 || r.offset() > input.length) {
                    throw failure(seed, i, inputSeed, "rejection offset outside the input: " + r, null);
                }
                kinds.merge(kind(r.reason()), 1L, Long::sum);
            }
            if (decoded.telegrams.isEmpty()) {
                throw failure(seed, i, inputSeed, "the good frame after the mutated input was not decoded", null);
            }
            List<String> last = decoded.telegrams.get(decoded.telegrams.size() - 1).readings().stream()
                    .map(r -> r.toCsvLine()).toList();
            if (!last.equals(goodLines)) {
                throw failure(seed, i, inputSeed, "the good frame decoded differently: " + last, null);
            }
            bytes += input.length;
            telegrams += decoded.telegrams.size();
        }
        return new Result(count, bytes, telegrams, kinds);
    }

    private static AssertionError failure(long seed, long iteration, long inputSeed, String what, Throwable cause) {
        return new AssertionError("fuzz seed " + seed + ", input " + iteration + " (input seed " + inputSeed + "): "
                + what, cause);
    }

    /** Groups reasons: numbers and hex removed, the first few words kept. */
    static String kind(String reason) {
        String s = reason.replaceFirst("^invalid SML at offset \\d+: ", "SML: ")
                .replaceAll("(?<=(byte|says|is) )[0-9a-f]+\\b", "N")
                .replaceAll("\\b[0-9a-f]*[0-9][0-9a-f]*\\b", "N");
        String[] words = s.split(" ");
        return String.join(" ", Arrays.copyOf(words, Math.min(words.length, 6)));
    }

    byte[] mutate(SplittableRandom r) {
        byte[] data;
        boolean reframe = r.nextBoolean();
        if (reframe) {
            data = framePayloads.get(r.nextInt(framePayloads.size())).clone();
        } else {
            data = corpus.get(r.nextInt(corpus.size())).clone();
        }
        int rounds = 1 + r.nextInt(4);
        for (int k = 0; k < rounds; k++) {
            data = mutateOnce(data, r);
        }
        return reframe ? SmlFrameWriter.frame(data) : data;
    }

    private byte[] mutateOnce(byte[] d, SplittableRandom r) {
        if (d.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        int at = r.nextInt(d.length);
        switch (r.nextInt(10)) {
            case 0: // bit flip
                d[at] ^= (byte) (1 << r.nextInt(8));
                return d;
            case 1: // random byte
                d[at] = (byte) r.nextInt(256);
                return d;
            case 2: { // absurd type-length bytes: long lists, long strings, endless continuation
                byte[] tl = {(byte) 0xff, (byte) 0x8f, (byte) 0x8f, (byte) 0x0f, 0x7f, (byte) 0x8f, (byte) 0xf0};
                d[at] = tl[r.nextInt(tl.length)];
                return d;
            }
            case 3: { // nesting bomb
                int n = 1 + r.nextInt(5000);
                byte[] bomb = new byte[n];
                Arrays.fill(bomb, (byte) 0x71);
                return insert(d, at, bomb);
            }
            case 4: { // insert random bytes
                byte[] junk = new byte[1 + r.nextInt(64)];
                for (int i = 0; i < junk.length; i++) {
                    junk[i] = (byte) r.nextInt(256);
                }
                return insert(d, at, junk);
            }
            case 5: { // delete a range
                int len = Math.min(d.length - at, 1 + r.nextInt(64));
                byte[] out = new byte[d.length - len];
                System.arraycopy(d, 0, out, 0, at);
                System.arraycopy(d, at + len, out, at, d.length - at - len);
                return out;
            }
            case 6: { // duplicate a range
                int len = Math.min(d.length - at, 1 + r.nextInt(128));
                return insert(d, at, Arrays.copyOfRange(d, at, at + len));
            }
            case 7: // truncate
                return Arrays.copyOf(d, at);
            case 8: { // splice another capture in
                byte[] other = corpus.get(r.nextInt(corpus.size()));
                int from = r.nextInt(other.length);
                int len = Math.min(other.length - from, 1 + r.nextInt(256));
                return insert(d, at, Arrays.copyOfRange(other, from, from + len));
            }
            default: { // escape sequences in odd places
                byte[][] escapes = {{0x1b, 0x1b, 0x1b, 0x1b}, {0x1b, 0x1b, 0x1b, 0x1b, 1, 1, 1, 1},
                    {0x1b, 0x1b, 0x1b, 0x1b, 0x1a}, {0x1b, 0x1b, 0x1b, 0x1b, 0x02, 0, 0, 0}};
                return insert(d, at, escapes[r.nextInt(escapes.length)]);
            }
        }
    }

    private static byte[] insert(byte[] d, int at, byte[] what) {
        byte[] out = new byte[d.length + what.length];
        System.arraycopy(d, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(d, at, out, at + what.length, d.length - at);
        return out;
    }

    public static void main(String[] args) {
        long count = Long.getLong("fuzz.count", args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L);
        long seed = Long.getLong("fuzz.seed", args.length > 1 ? Long.parseLong(args[1]) : 20_240_501L);
        long start = System.nanoTime();
        Result result = new SmlFuzzer().run(seed, count);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fuzz: %d inputs (%d MB) with seed %d in %.1f s, no failure; %d telegrams decoded%n",
                result.inputs(), result.bytes() / 1_000_000, seed, seconds, result.telegrams());
        result.rejectionsByKind().forEach((k, v) -> System.out.printf("  %9d  %s%n", v, k));
    }
}
