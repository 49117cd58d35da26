package org.smgwlite.platform.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Which audit events to show: of one gateway, of one kind, in a time range {@code [from, to)}; each part optional.
 * The gateway matches the events whose subject is that gateway ({@code gateway:<id>}: registration, codes,
 * issuance, readings, TAF 6); a refused renewal names the presented certificate instead and is found by kind.
 */
public record AuditFilter(Optional<GatewayId> gateway, Optional<AuditAction> kind, Optional<Instant> from, Optional<Instant> to) {

    public static final AuditFilter NONE = new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public AuditFilter {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new InvalidInputException("to", "must be after from (" + from.get() + "), was " + to.get());
        }
    }

    /** The subject the audit log writes for the gateway's events. */
    public Optional<String> subject() {
        return gateway.map(g -> "gateway:" + g.value());
    }

    /**
     * The filter as it arrives from a URL or a form; blank means "any".
     *
     * @throws InvalidInputException naming every bad field ({@code gateway}, {@code kind}, {@code from}, {@code to})
     */
    public static AuditFilter parse(String gateway, String kind, String from, String to) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<GatewayId> g = Optional.empty();
        Optional<AuditAction> k = Optional.empty();
        Optional<Instant> f = Optional.empty();
        Optional<Instant> t = Optional.empty();
        try {
            g = blank(gateway) ? Optional.empty() : Optional.of(GatewayId.parse(gateway));
        } catch (IllegalArgumentException e) {
            errors.put("gateway", e.getMessage());
        }
        try {
            k = blank(kind) ? Optional.empty() : Optional.of(AuditAction.valueOf(kind.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            errors.put("kind", "must be one of " + Arrays.stream(AuditAction.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ", was '" + kind + "'");
        }
        f = instant("from", from, errors);
        t = instant("to", to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AuditFilter(g, k, f, t);
    }

    private static Optional<Instant> instant(String field, String value, Map<String, String> errors) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            errors.put(field, "must be an ISO-8601 instant like 2026-11-30T00:00:00Z, was '" + value + "'");
            return Optional.empty();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
