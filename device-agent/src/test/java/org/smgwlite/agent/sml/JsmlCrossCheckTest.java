package org.smgwlite.agent.sml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smgwlite.agent.testing.Captures;
import org.smgwlite.agent.testing.JsmlOracle;

/** Every real capture, decoded by jSML and by us: the same files with the same raw entries. */
class JsmlCrossCheckTest {

    /** Captures where jSML reads fewer frames than we do, and why that is jSML's limitation. */
    private static final Map<String, String> JSML_LIMITATIONS = Map.of("HOLLEY_DTZ541-ZDBA",
            "jSML rejects the bare Unsigned32 the DTZ541 sends where an SML_Time belongs");

    static List<String> captures() {
        return Captures.ALL;
    }

    @ParameterizedTest
    @MethodSource("captures")
    void sameEntriesAsJsml(String capture) {
        byte[] bytes = Captures.bytes(capture);
        List<List<String>> jsml = JsmlOracle.jsml(bytes);
        List<List<String>> ours = JsmlOracle.ours(bytes);
        System.out.println(capture + ": jsml " + jsml.size() + " files, ours " + ours.size());
        String limitation = JSML_LIMITATIONS.get(capture);
        if (limitation == null) {
            assertThat(ours).as(capture).isEqualTo(jsml);
        } else {
            // jSML rejects frames we read on purpose; where it reads a frame, it must agree with us
            assertThat(ours).as(capture + ": " + limitation).hasSizeGreaterThan(jsml.size());
            if (!jsml.isEmpty()) {
                assertThat(ours).as(capture).containsSubsequence(jsml);
            }
        }
    }
}
