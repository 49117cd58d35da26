package org.smgwlite.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.smgwlite.agent.meter.MeterProtocol;
import org.smgwlite.agent.meter.MeterReading;
import org.smgwlite.agent.meter.MeterTelegram;
import org.smgwlite.agent.meter.TelegramDecoder;
import org.smgwlite.agent.meter.TelegramListener;
import org.smgwlite.agent.sml.transport.FrameRejection;
import org.smgwlite.agent.source.ByteSource;
import org.smgwlite.agent.source.ByteSources;
import org.smgwlite.agent.source.FileReplaySource;
import org.smgwlite.pki.cli.Arguments;
import org.smgwlite.pki.cli.UsageException;

/**
 * {@code device-agent decode [--format csv] [--protocol sml|d0] SOURCE}: prints {@code OBIS;value;unit}
 * for every entry of every value list in stream order, and each rejected frame to stderr with its
 * offset and reason. Exit status 0 when at least one telegram decoded, 1 when none did.
 *
 * <p>The source is streamed through the decoder, so a capture of any size decodes in constant memory. Without
 * {@code --protocol}, a file's protocol is guessed from its first {@value #HEAD} bytes; a live source is SML.
 */
final class DecodeCommand implements Command {

    /** How much of a file the protocol guess looks at; also the read buffer. */
    static final int HEAD = 64 * 1024;

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
        Arguments a = Arguments.parse(name(), args).allowOnly(Set.of("format", "protocol"));
        String format = a.optional("format").orElse("csv");
        if (!format.equals("csv")) {
            throw new UsageException("unsupported format '" + format + "' (supported: csv)");
        }
        MeterProtocol protocol = a.value("protocol", MeterProtocol::parse, null);
        String source = a.operands(1, "one SOURCE").get(0);
        Printer printer = new Printer(out, err);
        try (ByteSource in = ByteSources.open(source)) {
            pump(in, protocol, printer);
        } catch (IOException | IllegalArgumentException e) {
            err.println("decode: " + e.getMessage());
            return 1;
        }
        out.flush();
        return printer.telegrams > 0 ? 0 : 1;
    }

    /** @param protocol null: guessed from the head of a file, SML for a live source */
    private static void pump(ByteSource in, MeterProtocol protocol, TelegramListener printer) throws IOException {
        if (protocol == null) {
            protocol = in instanceof FileReplaySource file ? MeterProtocol.guess(file.peek(HEAD)) : MeterProtocol.SML;
        }
        TelegramDecoder decoder = protocol.decoder(printer);
        byte[] buffer = new byte[HEAD];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            decoder.accept(buffer, 0, n);
        }
        decoder.endOfStream();
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
