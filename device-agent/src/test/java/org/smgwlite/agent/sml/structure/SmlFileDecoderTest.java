package org.smgwlite.agent.sml.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.sml.transport.Crc16;

class SmlFileDecoderTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Wraps a message body (hex of the list(2) with tag) in an SML_Message with correct CRC. */
    private static byte[] message(String bodyHex) {
        byte[] head = HEX.parseHex("76" + "0401020362006200" + bodyHex);
        int crc = Integer.reverseBytes(Crc16.x25(head, 0, head.length)) >>> 16;
        byte[] out = java.util.Arrays.copyOf(head, head.length + 4);
        out[head.length] = 0x63;
        out[head.length + 1] = (byte) (crc >>> 8);
        out[head.length + 2] = (byte) crc;
        out[head.length + 3] = 0;
        return out;
    }

    private static SmlFile decode(byte[] data) throws SmlDecodingException {
        return new SmlFileDecoder().decode(data, 1000);
    }

    @Test
    void unknownMessageTypeIsSkippedAndTheNextMessageRead() throws Exception {
        byte[] unknown = message("72" + "630501" + "73" + "0201" + "72" + "620162ff" + "01"); // nested lists
        byte[] close = message("72" + "630201" + "7101");
        byte[] data = new byte[unknown.length + close.length];
        System.arraycopy(unknown, 0, data, 0, unknown.length);
        System.arraycopy(close, 0, data, unknown.length, close.length);
        SmlFile file = decode(data);
        assertThat(file.messages()).extracting(m -> m.body().tag()).containsExactly(0x0501, 0x0201);
        assertThat(file.messages().get(0).body()).isInstanceOf(SmlMessageBody.Unknown.class);
    }

    @Test
    void multiByteLengthsAndAllTimeVariants() throws Exception {
        String key = "ab".repeat(48); // 48 octets: TL 83 02 (0x32 = 50 including two TL bytes)
        String entry1 = "77" + "070100000009ff" + "01" + "7262016500000010" + "01" + "01" + "8302" + key + "01";
        // entry with SML_TimestampLocal: list(2){tag 3, list(3){u32, i16, i16}}
        String timeLocal = "72" + "6203" + "73" + "6565656565" + "53003c" + "530000";
        String entry3 = "77" + "070100010800ff" + "6401c104" + timeLocal + "621e" + "52ff" + "5900000000000003e8" + "01";
        String body = "72" + "630701" + "77" + "01" + "0b0a01445a4700028 2225e".replace(" ", "") + "01" + "01"
                + "72" + entry1 + entry3 + "01" + "72" + "6202" + "6565656565";
        SmlFile file = decode(message(body));
        SmlMessageBody.GetListResponse res = (SmlMessageBody.GetListResponse) file.messages().get(0).body();
        assertThat(res.valList()).hasSize(2);
        assertThat(((SmlValue.Bytes) res.valList().get(0).value()).value()).hasSize(48);
        assertThat(res.valList().get(0).valTime()).isEqualTo(new SmlTime.SecIndex(16));
        SmlListEntry e3 = res.valList().get(1);
        assertThat(e3.valTime()).isEqualTo(new SmlTime.LocalTimestamp(0x65656565L, 60, 0));
        assertThat(e3.status()).isEqualTo(0x01c104L);
        assertThat(e3.value()).isEqualTo(new SmlValue.Signed(1000, 8));
        assertThat(res.actGatewayTime()).isEqualTo(new SmlTime.Timestamp(0x65656565L));
    }

    @Test
    void absurdListLengthIsRejectedBeforeAnythingIsAllocated() {
        byte[] data = HEX.parseHex("ff8f8f8f0f" + "00");
        assertThatThrownBy(() -> decode(data)).isInstanceOf(SmlDecodingException.class)
                .hasMessageContaining("offset 1000").hasMessageContaining("type-length field longer than 4 bytes");
        byte[] bigList = HEX.parseHex("f88f0f" + "0000");
        assertThatThrownBy(() -> decode(bigList)).hasMessageContaining("list claims");
    }

    @Test
    void absurdOctetStringLengthIsRejected() {
        byte[] data = message("72630101" + "76" + "01" + "01" + "8f0f" + "01");
        assertThatThrownBy(() -> decode(data)).isInstanceOf(SmlDecodingException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void nestingBombIsRejectedAtTheDepthLimit() {
        StringBuilder bomb = new StringBuilder("72630999");
        for (int i = 0; i < 5000; i++) {
            bomb.append("71");
        }
        bomb.append("01");
        byte[] data = message(bomb.toString());
        assertThatThrownBy(() -> decode(data)).isInstanceOf(SmlDecodingException.class)
                .hasMessageContaining("nesting deeper than " + SmlFileDecoder.MAX_DEPTH);
    }

    @Test
    void messageCrcMismatchSaysWhere() {
        byte[] data = message("72630201" + "7101");
        data[data.length - 2] ^= 1;
        assertThatThrownBy(() -> decode(data)).isInstanceOf(SmlDecodingException.class)
                .hasMessageContaining("message CRC mismatch");
    }

    @Test
    void emptyFrameIsRejected() {
        assertThatThrownBy(() -> decode(new byte[] {0, 0, 0})).hasMessageContaining("no SML message");
    }
}
