package org.smgwlite.platform.gateway;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * The wire form of an {@link AgentStatus}: a JSON object whose known members are checked (type, length, sign) and
 * whose other members are ignored, so a newer agent can report more than this platform shows. A member that breaks a
 * rule is an {@link InvalidInputException} naming it; only the error text is cut instead of refused (it is the
 * agent's free text, and the rest of the status is still worth having).
 */
public final class AgentStatusJson {

    /** Longest version or protocol name kept. */
    static final int MAX_NAME_CHARS = 40;
    /** Longest error text kept; longer ones are cut and end in an ellipsis. */
    public static final int MAX_ERROR_CHARS = 300;

    private AgentStatusJson() {
    }

    /** The gateway's request body (JSON in UTF-8, -16 or -32). */
    public static AgentStatus parse(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return of(reader.read());
        } catch (JsonException e) {
            throw new InvalidInputException("status", "is no JSON: " + e.getMessage());
        }
    }

    /** A document {@link #write} made (the stored column). */
    static AgentStatus read(String stored) {
        try (JsonReader reader = Json.createReader(new StringReader(stored))) {
            return of(reader.read());
        }
    }

    private static AgentStatus of(JsonValue value) {
        if (!(value instanceof JsonObject o)) {
            throw new InvalidInputException("status", "is no JSON object");
        }
        String version = name(o, "agentVersion");
        if (version == null || version.isBlank()) {
            throw new InvalidInputException("agentVersion", "is missing");
        }
        return new AgentStatus(version, name(o, "meterProtocol"), instant(o, "lastTelegramAt"), count(o, "pendingValues"),
                count(o, "storeBytes"), count(o, "storeCapacityBytes"), error(o), count(o, "uptimeSeconds"));
    }

    /** The document stored and served: the known fields only, unknown ones left out. */
    static String write(AgentStatus s) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("agentVersion", s.agentVersion());
        addIfKnown(b, "meterProtocol", s.meterProtocol());
        addIfKnown(b, "lastTelegramAt", s.lastTelegramAt() == null ? null : s.lastTelegramAt().toString());
        addIfKnown(b, "pendingValues", s.pendingValues());
        addIfKnown(b, "storeBytes", s.storeBytes());
        addIfKnown(b, "storeCapacityBytes", s.storeCapacityBytes());
        addIfKnown(b, "lastError", s.lastError());
        addIfKnown(b, "uptimeSeconds", s.uptimeSeconds());
        return b.build().toString();
    }

    private static void addIfKnown(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    private static void addIfKnown(JsonObjectBuilder b, String name, Long value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    private static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw new InvalidInputException(name, "is no string: " + v);
        }
        return s.getString();
    }

    private static String name(JsonObject o, String name) {
        String s = string(o, name);
        if (s != null && (s.length() > MAX_NAME_CHARS || !s.matches("[\\p{Graph} ]*"))) {
            throw new InvalidInputException(name, "must be at most " + MAX_NAME_CHARS + " printable characters");
        }
        return s == null ? null : s.strip();
    }

    private static String error(JsonObject o) {
        String s = string(o, "lastError");
        if (s == null) {
            return null;
        }
        String clean = s.replaceAll("\\p{Cntrl}", " ").strip();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() <= MAX_ERROR_CHARS ? clean : clean.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }

    private static Instant instant(JsonObject o, String name) {
        String s = string(o, name);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "is no UTC time like 2026-11-30T12:00:00Z: " + s);
        }
    }

    private static Long count(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw new InvalidInputException(name, "is no whole number: " + v);
        }
        try {
            long value = n.longValueExact();
            if (value < 0) {
                throw new InvalidInputException(name, "is negative: " + value);
            }
            return value;
        } catch (ArithmeticException e) {
            throw new InvalidInputException(name, "is too large: " + v);
        }
    }
}
