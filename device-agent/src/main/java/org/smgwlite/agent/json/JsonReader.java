package org.smgwlite.agent.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict recursive-descent reader of one JSON text (RFC 8259): objects become {@link Map}s in document order,
 * arrays {@link List}s, strings {@link String}s (every escape, {@code \\uXXXX} included), numbers exact
 * {@link BigDecimal}s, {@code true}/{@code false} {@link Boolean}s and {@code null} Java null. Anything else,
 * trailing text included, is a {@link JsonSyntaxException} with the offset. Nesting is limited to
 * {@value #MAX_DEPTH} levels so that a hostile answer cannot overflow the agent's small thread stacks.
 */
public final class JsonReader {

    static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The value of the whole text. */
    public static Object read(String text) {
        JsonReader reader = new JsonReader(text);
        reader.whitespace();
        Object value = reader.value();
        reader.whitespace();
        if (reader.pos < text.length()) {
            throw reader.error("text after the value");
        }
        return value;
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("a value expected, the text ended");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character " + describe(c));
            }
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        sequence('}', () -> member(members));
        return Collections.unmodifiableMap(members);
    }

    private void member(Map<String, Object> members) {
        if (peek() != '"') {
            throw error("a member name in quotes expected");
        }
        int at = pos;
        String name = string();
        whitespace();
        expect(':');
        whitespace();
        if (members.containsKey(name)) {
            throw new JsonSyntaxException(at, "member \"" + name + "\" given twice");
        }
        members.put(name, value());
    }

    private List<Object> array() {
        List<Object> elements = new ArrayList<>();
        sequence(']', () -> elements.add(value()));
        return Collections.unmodifiableList(elements);
    }

    /** From the opening bracket at {@code pos} to {@code close}: elements separated by commas, none trailing. */
    private void sequence(char close, Runnable element) {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
        whitespace();
        if (peek() == close) {
            pos++;
        } else {
            while (true) {
                whitespace();
                element.run();
                whitespace();
                if (peek() != ',') {
                    break;
                }
                pos++;
            }
            expect(close);
        }
        depth--;
    }

    private String string() {
        pos++; // '"'
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("string not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new JsonSyntaxException(pos - 1, "control character " + describe(c) + " in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("string not closed");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw new JsonSyntaxException(pos - 1, "unknown escape \\" + e);
            }
        }
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("\\u needs four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos), 16);
            if (digit < 0) {
                throw error("\\u needs four hex digits, found " + describe(text.charAt(pos)));
            }
            value = value << 4 | digit;
            pos++;
        }
        return (char) value;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} */
    private BigDecimal number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits("a digit expected");
        }
        if (peek() == '.') {
            pos++;
            digits("a digit expected after the decimal point");
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits("a digit expected in the exponent");
        }
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) { // an exponent beyond int range
            throw new JsonSyntaxException(start, "number out of range");
        }
    }

    private void digits(String expected) {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error(expected);
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character " + describe(text.charAt(pos)));
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' expected" + (pos < text.length() ? ", found " + describe(text.charAt(pos)) : ", the text ended"));
        }
        pos++;
    }

    /** The next character, or 0 at the end (never valid where a caller looks for structure). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void whitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonSyntaxException error(String reason) {
        return new JsonSyntaxException(pos, reason);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
