package org.smgwlite.agent.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of {@code device-agent}. Implementations print, they do not call {@code System.exit}; they read
 * their options with {@link org.smgwlite.pki.cli.Arguments}, whose {@link org.smgwlite.pki.cli.UsageException}
 * {@link Main} prints with the synopsis and exit status {@value Main#USAGE}.
 */
public interface Command {

    /** The word after {@code device-agent}, e.g. {@code decode}. */
    String name();

    /** One line for the usage text. */
    String synopsis();

    /**
     * Runs with the arguments after the subcommand name.
     *
     * @return the process exit status
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
