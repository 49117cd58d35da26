package org.smgwlite.agent.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.sml.transport.FrameRejection;
import org.smgwlite.agent.testing.Captures;

/** SML and D0 behind one {@link TelegramDecoder}, and the guess of a capture's protocol. */
class MeterProtocolTest {

    private static final byte[] D0 = "/ESY5Q3DA1004 V3.04\r\n\r\n1-0:1.8.0*255(00006571.9444148*kWh)\r\n!\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void theHeadOfACaptureTellsItsProtocol() {
        assertThat(MeterProtocol.guess(D0)).isEqualTo(MeterProtocol.D0);
        assertThat(MeterProtocol.guess(Captures.bytes("EMH_eHZ361L5R"))).isEqualTo(MeterProtocol.SML);
        assertThat(MeterProtocol.guess(new byte[0])).isEqualTo(MeterProtocol.SML);
        assertThat(MeterProtocol.parse("D0")).isEqualTo(MeterProtocol.D0);
        assertThatThrownBy(() -> MeterProtocol.parse("mbus")).hasMessage("unknown protocol 'mbus' (sml, d0)");
    }

    @Test
    void bothDecodersDeliverTelegramsThroughTheSameInterface() {
        assertThat(decode(MeterProtocol.D0, D0)).containsExactly("1-0:1.8.0*255;6571944.4148;Wh");
        assertThat(decode(MeterProtocol.SML, Captures.bytes("EMH_eHZ361L5R")))
                .isEqualTo(Captures.decode(Captures.bytes("EMH_eHZ361L5R")).csvLines());
    }

    private static List<String> decode(MeterProtocol protocol, byte[] bytes) {
        List<String> lines = new ArrayList<>();
        TelegramDecoder decoder = protocol.decoder(new TelegramListener() {
            @Override
            public void telegram(MeterTelegram telegram) {
                telegram.readings().forEach(r -> lines.add(r.toCsvLine()));
            }

            @Override
            public void rejected(FrameRejection rejection) {
                lines.add("rejected: " + rejection);
            }
        });
        decoder.accept(bytes, 0, 7);
        decoder.accept(bytes, 7, bytes.length - 7);
        decoder.endOfStream();
        return lines;
    }
}
