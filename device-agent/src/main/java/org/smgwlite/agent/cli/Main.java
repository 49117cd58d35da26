package org.smgwlite.agent.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smgwlite.pki.cli.UsageException;

/**
 * Entry point of {@code device-agent SUBCOMMAND ...}. New subcommands ({@code run}, {@code simulate},
 * {@code verify-eichlog}) are one {@link Command} each, registered in {@link #commands()}.
 */
public final class Main {

    /** Exit status for a wrong command line. */
    public static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        int status = run(args, out, err);
        out.flush();
        System.exit(status);
    }

    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        for (Command c : List.<Command>of(new DecodeCommand(), new RunCommand(), new SimulateCommand(),
                new VerifyEichlogCommand())) {
            commands.put(c.name(), c);
        }
        return commands;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            usage(commands, args.length == 0 ? err : out);
            return args.length == 0 ? USAGE : 0;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("device-agent: unknown command '" + args[0] + "'");
            usage(commands, err);
            return USAGE;
        }
        try {
            return command.run(Arrays.asList(args).subList(1, args.length), out, err);
        } catch (UsageException e) {
            err.println("device-agent: " + e.getMessage());
            err.println("usage: device-agent " + command.synopsis());
            return USAGE;
        }
    }

    private static void usage(Map<String, Command> commands, PrintStream to) {
        to.println("usage: device-agent COMMAND [OPTIONS]");
        for (Command c : commands.values()) {
            to.println("  " + c.synopsis());
        }
    }
}
