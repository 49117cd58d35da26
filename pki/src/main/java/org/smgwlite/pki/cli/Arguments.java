package org.smgwlite.pki.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed command line {@code command [--name value | --name=value | OPERAND]...}, shared by the offline
 * {@code pki} tool and the {@code device-agent} subcommands so that both treat options alike: options may repeat,
 * a value is always the next word (so {@code --pv -5} works), every mistake is a {@link UsageException}
 * naming the option, and the caller prints it and exits with status 2.
 */
public final class Arguments {

    private final String command;
    private final Map<String, List<String>> options;
    private final List<String> operands;

    private Arguments(String command, Map<String, List<String>> options, List<String> operands) {
        this.command = command;
        this.options = options;
        this.operands = operands;
    }

    /** {@code args[0]} is the command, the rest its options and operands. */
    public static Arguments parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        return parse(args[0], List.of(args).subList(1, args.length));
    }

    /** The words after {@code command}. */
    public static Arguments parse(String command, List<String> words) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("-") || word.equals("-")) {
                operands.add(word);
                continue;
            }
            if (!word.startsWith("--") || word.length() < 3) {
                throw new UsageException("unknown option " + word);
            }
            int equals = word.indexOf('=');
            String name = equals < 0 ? word.substring(2) : word.substring(2, equals);
            String value;
            if (equals >= 0) {
                value = word.substring(equals + 1);
            } else if (i + 1 < words.size()) {
                value = words.get(++i);
            } else {
                throw new UsageException("option " + word + " needs a value");
            }
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new Arguments(command, options, List.copyOf(operands));
    }

    public String command() {
        return command;
    }

    /** Refuses options the command does not know. */
    public Arguments allowOnly(Set<String> allowed) {
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new UsageException("option --" + name + " is not known to " + command);
            }
        }
        return this;
    }

    /** The words that are no option, in order. */
    public List<String> operands() {
        return operands;
    }

    /** Exactly {@code count} operands, else a usage error saying what was expected ({@code what}). */
    public List<String> operands(int count, String what) {
        if (operands.size() != count) {
            throw new UsageException(command + " takes " + what + ", got " + (operands.isEmpty() ? "none"
                    : String.join(" ", operands)));
        }
        return operands;
    }

    public Optional<String> optional(String name) {
        List<String> values = options.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new UsageException("option --" + name + " given more than once");
        }
        return values.stream().findFirst();
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new UsageException(command + " needs --" + name));
    }

    public List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    /**
     * The option's value read by {@code parser}, or {@code defaultValue} when it is absent; a value the parser
     * refuses (any runtime exception) is a usage error naming the option and the value.
     */
    public <T> T value(String name, Function<String, T> parser, T defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.apply(value.get());
        } catch (RuntimeException e) {
            throw new UsageException("--" + name + ": '" + value.get() + "' is not valid (" + e.getMessage() + ")");
        }
    }

    /** A positive whole number. */
    public int integer(String name, int defaultValue) {
        String value = optional(name).orElse(Integer.toString(defaultValue));
        try {
            int result = Integer.parseInt(value);
            if (result <= 0) {
                throw new UsageException("--" + name + " must be positive");
            }
            return result;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + value + "'");
        }
    }
}
