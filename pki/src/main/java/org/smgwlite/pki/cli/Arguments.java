package org.smgwlite.pki.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code command --name value --name value ...}; options may repeat; unknown options are refused. */
final class Arguments {

    private final String command;
    private final Map<String, List<String>> options;

    private Arguments(String command, Map<String, List<String>> options) {
        this.command = command;
        this.options = options;
    }

    static Arguments parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || name.length() < 3) {
                throw new UsageException("expected an option --name, got '" + name + "'");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option " + name + " needs a value");
            }
            options.computeIfAbsent(name.substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        return new Arguments(args[0], options);
    }

    String command() {
        return command;
    }

    void allowOnly(Set<String> allowed) {
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new UsageException("option --" + name + " is not known to " + command);
            }
        }
    }

    Optional<String> optional(String name) {
        List<String> values = options.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new UsageException("option --" + name + " given more than once");
        }
        return values.stream().findFirst();
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new UsageException(command + " needs --" + name));
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    int integer(String name, int defaultValue) {
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
