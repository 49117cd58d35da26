package org.smgwlite.agent.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValueExactly() {
        Object value = JsonReader.read(" {\"a\": [1, -0.5, 2E3, 1e-2, 12345678901234567890.123], \"b\" : {\"c\": true,"
                + "\"d\": false, \"e\": null}, \"f\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e4\\uD83D\\uDE00\", \"g\": []}\n");
        Map<String, Object> expectedB = new LinkedHashMap<>();
        expectedB.put("c", true);
        expectedB.put("d", false);
        expectedB.put("e", null);
        assertThat(value).isEqualTo(Map.of(
                "a", List.of(new BigDecimal("1"), new BigDecimal("-0.5"), new BigDecimal("2E3"), new BigDecimal("1e-2"),
                        new BigDecimal("12345678901234567890.123")),
                "b", expectedB,
                "f", "x\"\\/\b\f\n\r\t\u00e4\uD83D\uDE00",
                "g", List.of()));
        assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.of("a", "b", "f", "g"));
        assertThat(JsonReader.read("\"\"")).isEqualTo("");
        assertThat(JsonReader.read("0")).isEqualTo(BigDecimal.ZERO);
        assertThat(JsonReader.read("null")).isNull();
    }

    @Test
    void refusesWhatIsNotJsonAndSaysWhere() {
        assertError("{\"a\":1,}", 7, "a member name in quotes expected");
        assertError("[1,]", 3, "unexpected character ']'");
        assertError("[1 2]", 3, "']' expected, found '2'");
        assertError("{\"a\" 1}", 5, "':' expected, found '1'");
        assertError("01", 1, "text after the value");
        assertError("1.", 2, "a digit expected after the decimal point");
        assertError("-", 1, "a digit expected");
        assertError("1e+", 3, "a digit expected in the exponent");
        assertError("\"abc", 4, "string not closed");
        assertError("\"a\tb\"", 2, "control character U+0009 in a string");
        assertError("\"\\x\"", 2, "unknown escape \\x");
        assertError("\"\\u12g4\"", 5, "\\u needs four hex digits, found 'g'");
        assertError("tru", 0, "unexpected character 't'");
        assertError("{'a':1}", 1, "a member name in quotes expected");
        assertError("{\"a\":1,\"a\":2}", 7, "member \"a\" given twice");
        assertError("", 0, "a value expected, the text ended");
        assertError("[1", 2, "']' expected, the text ended");
        assertError("NaN", 0, "unexpected character 'N'");
    }

    @Test
    void deepNestingIsRefusedBeforeTheStackRunsOut() {
        char[] open = new char[10_000];
        Arrays.fill(open, '[');
        assertThatThrownBy(() -> JsonReader.read(new String(open))).isInstanceOf(JsonSyntaxException.class)
                .hasMessageContaining("nested deeper than " + JsonReader.MAX_DEPTH);
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertThat(JsonReader.read(ok)).isInstanceOf(List.class);
    }

    @Test
    void objectGettersNameTheMemberThatIsMissingOrOfAnotherType() {
        JsonObject whoami = JsonObject.parse("{\"gatewayId\":\"EDMO1\",\"householdId\":42,\"viewer\":null,\"big\":1.5}");
        assertThat(whoami.longValue("householdId")).isEqualTo(42);
        assertThat(whoami.string("gatewayId")).isEqualTo("EDMO1");
        assertThat(whoami.optionalString("viewer")).isEmpty();
        assertThat(whoami.optionalLong("accepted")).isEmpty();
        assertThatThrownBy(() -> whoami.string("tenant")).hasMessageContaining("no \"tenant\"");
        assertThatThrownBy(() -> whoami.string("householdId")).hasMessageContaining("\"householdId\" is not a string: 42");
        assertThatThrownBy(() -> whoami.longValue("big")).hasMessageContaining("\"big\" is no whole number");
        assertThatThrownBy(() -> JsonObject.parse("[]")).hasMessageContaining("the document is no object");
        assertThat(JsonObject.parseArray("[{\"id\":1},{\"id\":2}]")).extracting(o -> o.longValue("id")).containsExactly(1L, 2L);
        assertThatThrownBy(() -> JsonObject.parseArray("[{\"id\":1},2]")).hasMessageContaining("element 1 is no object");
    }

    private static void assertError(String text, int offset, String reason) {
        assertThatThrownBy(() -> JsonReader.read(text)).isInstanceOfSatisfying(JsonSyntaxException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("invalid JSON at offset " + offset + ": " + reason);
            assertThat(e.offset()).isEqualTo(offset);
        });
    }
}
