package org.smgwlite.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.smgwlite.agent.eichlog.EichlogVerifier;
import org.smgwlite.pki.cli.Arguments;

/**
 * {@code device-agent verify-eichlog FILE}: checks the hash chain. Exit 0 and {@code OK: ...} when intact (a torn
 * last line from a crash is reported as a warning), exit 1 and {@code BROKEN: line N: ...} at the first entry
 * that was changed, removed or inserted, exit 1 and a message on stderr naming the file and the cause when it cannot
 * be read; exit 2 for a wrong command line.
 */
final class VerifyEichlogCommand implements Command {

    /** Exit status when the chain is broken or the file cannot be read: either way it is not shown intact. */
    static final int CANNOT_VERIFY = 1;

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
        String file = Arguments.parse(name(), args).allowOnly(Set.of()).operands(1, "one FILE").get(0);
        EichlogVerifier.Result result;
        try {
            result = EichlogVerifier.verify(Path.of(file));
        } catch (IOException e) {
            err.println("verify-eichlog: cannot read " + file + ": " + why(e));
            return CANNOT_VERIFY;
        }
        if (result.ok()) {
            out.println("OK: " + result.message());
            return 0;
        }
        out.println("BROKEN: " + result.message() + " (" + result.entries().size() + " entries before it verified)");
        return CANNOT_VERIFY;
    }

    /** The I/O failure in words: the JDK's file exceptions carry only the path as their message. */
    private static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
