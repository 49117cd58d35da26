package org.smgwlite.agent.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object read by {@link JsonReader}, with getters that name the member that is missing or of another type
 * (a {@link JsonSyntaxException} at offset 0: the document is valid JSON but not the one expected).
 */
public final class JsonObject {

    private final Map<String, Object> members;

    private JsonObject(Map<String, Object> members) {
        this.members = members;
    }

    /** The text as one object. */
    public static JsonObject parse(String text) {
        return of(JsonReader.read(text), "the document");
    }

    /** The text as an array of objects. */
    public static List<JsonObject> parseArray(String text) {
        Object value = JsonReader.read(text);
        if (!(value instanceof List<?> list)) {
            throw new JsonSyntaxException(0, "the document is no array");
        }
        List<JsonObject> objects = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            objects.add(of(list.get(i), "element " + i));
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static JsonObject of(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new JsonSyntaxException(0, what + " is no object");
        }
        return new JsonObject((Map<String, Object>) map);
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    /** A string member that must be there. */
    public String string(String name) {
        return optionalString(name).orElseThrow(() -> missing(name));
    }

    /** A string member, empty when it is absent or null. */
    public Optional<String> optionalString(String name) {
        return Optional.ofNullable(typed(name, String.class, "a string"));
    }

    /** A whole-number member that must be there and fit a long. */
    public long longValue(String name) {
        return optionalLong(name).orElseThrow(() -> missing(name));
    }

    /** A whole-number member, empty when it is absent or null. */
    public Optional<Long> optionalLong(String name) {
        BigDecimal number = typed(name, BigDecimal.class, "a number");
        if (number == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(number.longValueExact());
        } catch (ArithmeticException e) {
            throw new JsonSyntaxException(0, "\"" + name + "\" is no whole number of 64 bits: " + number);
        }
    }

    /** The members in document order (values as {@link JsonReader} reads them). */
    public Map<String, Object> members() {
        return members;
    }

    private <T> T typed(String name, Class<T> type, String what) {
        Object value = members.get(name);
        if (value != null && !type.isInstance(value)) {
            throw new JsonSyntaxException(0, "\"" + name + "\" is not " + what + ": " + Json.write(value));
        }
        return type.cast(value);
    }

    private static JsonSyntaxException missing(String name) {
        return new JsonSyntaxException(0, "no \"" + name + "\"");
    }

    @Override
    public String toString() {
        return Json.write(members);
    }
}
