package org.smgwlite.platform.legacy;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What an SMGW.Lite upload says about the device besides its values, read from the query: firmware version and build
 * target, config version, meter model, serial settings, last octet of its IP, chip temperature, uptime, free heap and
 * the number of values it meant to send. Informational only: a missing or malformed item is left empty and never
 * refuses an upload, since a gateway cannot be fixed from here.
 *
 * <p>Forms follow the firmware's backend: versions and targets {@code [0-9A-Za-z._-]{1,32}}, the model printable ASCII
 * cut to 64 characters (the firmware sends it with spaces as {@code %20}), the IP octet 0-255.
 */
public record FirmwareReport(Optional<String> firmware, Optional<String> target, Optional<String> config,
                             Optional<String> meterModel, Optional<String> serial, OptionalInt ipLastOctet,
                             Optional<String> chipTemperature, OptionalInt uptimeMinutes, OptionalInt freeHeap,
                             OptionalInt announcedValues) {

    static final int MODEL_MAX = 64;
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z._-]{1,32}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,4}(\\.\\d{1,2})?");
    private static final Pattern LABEL = Pattern.compile("[\\x20-\\x7E]{1,32}");

    /** The items of a query whose parameters are already URL-decoded (one value each, as the firmware sends them). */
    public static FirmwareReport of(Map<String, String> query) {
        Function<String, Optional<String>> get = k -> Optional.ofNullable(query.get(k)).map(String::trim);
        return new FirmwareReport(
                get.apply("fw").filter(v -> VERSION.matcher(v).matches()),
                get.apply("hw").filter(v -> VERSION.matcher(v).matches()),
                get.apply("cfg").filter(v -> VERSION.matcher(v).matches()),
                get.apply("model").map(FirmwareReport::printable).filter(v -> !v.isEmpty()),
                get.apply("serial").filter(v -> LABEL.matcher(v).matches()),
                number(get.apply("IP"), 0, 255),
                get.apply("chipTemp").filter(v -> DECIMAL.matcher(v).matches()),
                number(get.apply("uptime"), 0, Integer.MAX_VALUE),
                number(get.apply("heap"), 0, Integer.MAX_VALUE),
                number(get.apply("transmittedValues"), 0, Integer.MAX_VALUE));
    }

    private static String printable(String model) {
        String kept = model.replaceAll("[^\\x20-\\x7E]", "").trim();
        return kept.length() > MODEL_MAX ? kept.substring(0, MODEL_MAX) : kept;
    }

    private static OptionalInt number(Optional<String> text, int min, int max) {
        if (text.isEmpty() || !text.get().matches("-?\\d{1,10}")) {
            return OptionalInt.empty();
        }
        long n = Long.parseLong(text.get());
        return n < min || n > max ? OptionalInt.empty() : OptionalInt.of((int) n);
    }
}
