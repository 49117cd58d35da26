package org.smgwlite.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.smgwlite.agent.d0.D0TelegramDecoder;
import org.smgwlite.agent.meter.MeterReading;
import org.smgwlite.agent.meter.MeterTelegram;
import org.smgwlite.agent.meter.SmlTelegramDecoder;
import org.smgwlite.agent.meter.TelegramListener;
import org.smgwlite.agent.sml.transport.FrameRejection;
import org.smgwlite.agent.source.ByteSource;
import org.smgwlite.agent.source.ByteSources;
import org.smgwlite.agent.source.FileReplaySource;

/**
 * {@code device-agent decode [--format csv] [--protocol sml|d0] SOURCE}: prints {@code OBIS;value;unit}
 * for every entry of every value list in stream order, and each rejected frame to stderr with its
 * offset and reason. Exit status 0 when at least one telegram decoded, 1 when none did.
 */
final class DecodeCommand implements Command {

    @Override
    public String name() {
        return "decode";
    }

    @Override
    public String synopsis() {
        return "decode [--format csv] [--protocol sml|d0] FILE.bin|FILE.hex|tcp:HOST:PORT|serial:DEVICE[,BAUD[,8N1]]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String format = "csv";
        String protocol = "auto";
        String source = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--format") || a.equals("--protocol")) {
                if (i + 1 >= args.size()) {
                    err.println("decode: " + a + " needs a value");
                    return Main.USAGE;
                }
                if (a.equals("--format")) {
                    format = args.get(++i);
                } else {
                    protocol = args.get(++i);
                }
            } else if (a.startsWith("--format=")) {
                format = a.substring("--format=".length());
            } else if (a.startsWith("--protocol=")) {
                protocol = a.substring("--protocol=".length());
            } else if (a.startsWith("-")) {
                err.println("decode: unknown option " + a);
                return Main.USAGE;
            } else if (source == null) {
                source = a;
            } else {
                err.println("decode: one source only, got " + source + " and " + a);
                return Main.USAGE;
            }
        }
        if (!format.equals("csv")) {
            err.println("decode: unsupported format '" + format + "' (supported: csv)");
            return Main.USAGE;
        }
        if (!List.of("auto", "sml", "d0").contains(protocol)) {
            err.println("decode: unknown protocol '" + protocol + "' (sml, d0)");
            return Main.USAGE;
        }
        if (source == null) {
            err.println("usage: device-agent " + synopsis());
            return Main.USAGE;
        }
        Printer printer = new Printer(out, err);
        try (ByteSource in = ByteSources.open(source)) {
            if (protocol.equals("auto")) {
                protocol = in instanceof FileReplaySource && looksLikeD0(((FileReplaySource) in).allBytes()) ? "d0" : "sml";
            }
            pump(in, protocol, printer);
        } catch (IOException | IllegalArgumentException e) {
            err.println("decode: " + e.getMessage());
            return 1;
        }
        out.flush();
        return printer.telegrams > 0 ? 0 : 1;
    }

    private static void pump(ByteSource in, String protocol, Printer printer) throws IOException {
        byte[] buffer = new byte[4096];
        if (protocol.equals("d0")) {
            D0TelegramDecoder decoder = new D0TelegramDecoder(printer);
            for (int n; (n = in.read(buffer)) >= 0; ) {
                decoder.accept(buffer, 0, n);
            }
            decoder.endOfStream();
        } else {
            SmlTelegramDecoder decoder = new SmlTelegramDecoder(printer);
            for (int n; (n = in.read(buffer)) >= 0; ) {
                decoder.accept(buffer, 0, n);
            }
            decoder.endOfStream();
        }
    }

    /** D0 when there is an identification line and no SML start sequence. */
    static boolean looksLikeD0(byte[] bytes) {
        boolean slash = false;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '/') {
                slash = true;
            }
            if (i + 8 <= bytes.length && bytes[i] == 0x1b && bytes[i + 1] == 0x1b && bytes[i + 2] == 0x1b
                    && bytes[i + 3] == 0x1b && bytes[i + 4] == 1 && bytes[i + 5] == 1 && bytes[i + 6] == 1
                    && bytes[i + 7] == 1) {
                return false;
            }
        }
        return slash;
    }

    private static final class Printer implements TelegramListener {
        private final PrintStream out;
        private final PrintStream err;
        int telegrams;

        Printer(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void telegram(MeterTelegram telegram) {
            telegrams++;
            for (MeterReading r : telegram.readings()) {
                out.println(r.toCsvLine());
            }
        }

        @Override
        public void rejected(FrameRejection rejection) {
            err.println("rejected at offset " + rejection.offset() + ": " + rejection.reason());
        }
    }
}
