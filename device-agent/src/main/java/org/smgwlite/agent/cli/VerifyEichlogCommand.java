package org.smgwlite.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.smgwlite.agent.eichlog.EichlogVerifier;

/**
 * {@code device-agent verify-eichlog FILE}: checks the hash chain. Exit 0 and {@code OK: ...} when intact (a torn
 * last line from a crash is reported as a warning), exit 1 and {@code BROKEN: line N: ...} at the first entry
 * that was changed, removed or inserted.
 */
final class VerifyEichlogCommand implements Command {

    @Override
    public String name() {
        return "verify-eichlog";
    }

    @Override
    public String synopsis() {
        return "verify-eichlog FILE";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            err.println("usage: device-agent " + synopsis());
            return Main.USAGE;
        }
        EichlogVerifier.Result result;
        try {
            result = EichlogVerifier.verify(Path.of(args.get(0)));
        } catch (IOException e) {
            err.println("verify-eichlog: cannot read " + args.get(0) + ": " + e.getMessage());
            return 2;
        }
        if (result.ok()) {
            out.println("OK: " + result.message());
            return 0;
        }
        out.println("BROKEN: " + result.message() + " (" + result.entries().size() + " entries before it verified)");
        return 1;
    }
}
