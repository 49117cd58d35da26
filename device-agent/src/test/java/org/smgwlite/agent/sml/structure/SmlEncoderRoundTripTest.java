package org.smgwlite.agent.sml.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smgwlite.agent.sml.transport.SmlFrame;
import org.smgwlite.agent.sml.transport.SmlFrameWriter;
import org.smgwlite.agent.testing.Captures;
import org.smgwlite.agent.testing.JsmlOracle;

/**
 * Encoder round trip on real data: every frame of every capture is decoded, re-encoded with
 * {@link SmlEncoder} and {@link SmlFrameWriter}, and decoded again; readings and raw entries must
 * not change. Quirky encodings (Holley's bare time, DZG's short counters) come back in standard form.
 */
class SmlEncoderRoundTripTest {

    static List<String> captures() {
        return Captures.ALL;
    }

    @ParameterizedTest
    @MethodSource("captures")
    void decodeEncodeDecodeKeepsEveryReading(String capture) throws Exception {
        byte[] original = Captures.bytes(capture);
        List<SmlFrame> frames = Captures.frames(original).frames;

        java.io.ByteArrayOutputStream reencoded = new java.io.ByteArrayOutputStream();
        for (SmlFrame frame : frames) {
            SmlFile file = new SmlFileDecoder().decode(frame.messages(), frame.offset());
            reencoded.writeBytes(SmlFrameWriter.frame(SmlEncoder.encodeFile(file.messages())));
        }
        byte[] again = reencoded.toByteArray();

        Captures.Decoded before = Captures.decode(original);
        Captures.Decoded after = Captures.decode(again);
        assertThat(after.rejections).isEmpty();
        assertThat(after.csvLines()).isEqualTo(before.csvLines());
        assertThat(JsmlOracle.ours(again)).isEqualTo(JsmlOracle.ours(original));
        assertThat(after.telegrams).hasSameSizeAs(before.telegrams).allSatisfy(t -> assertThat(t.quirks())
                .noneMatch(q -> q.startsWith("HOLLEY") || q.startsWith("SHORTENED")));
    }
}
