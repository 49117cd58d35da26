package org.smgwlite.agent.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.testing.Captures;

class SourcesTest {

    private static byte[] drain(ByteSource source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[333];
        for (int n; (n = source.read(buf)) >= 0; ) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void hexReplayEqualsBinaryReplay(@TempDir Path dir) throws IOException {
        byte[] capture = Captures.bytes("ITRON_OpenWay-3.HZ");
        Path bin = dir.resolve("c.bin");
        Files.write(bin, capture);
        String hex = HexFormat.ofDelimiter(" ").formatHex(capture);
        Path hexFile = dir.resolve("c.hex");
        Files.writeString(hexFile, "# pasted from an issue\n" + hex.substring(0, 30) + "\n0x" + hex.substring(30) + "\n");
        try (ByteSource b = ByteSources.open(bin.toString()); ByteSource h = ByteSources.open(hexFile.toString())) {
            assertThat(drain(h)).isEqualTo(drain(b)).isEqualTo(capture);
        }
    }

    @Test
    void badHexSaysWhere(@TempDir Path dir) throws IOException {
        Path hexFile = dir.resolve("bad.hex");
        Files.writeString(hexFile, "1b1b\n1b zz\n");
        assertThatThrownBy(() -> ByteSources.open(hexFile.toString())).hasMessageContaining("line 2");
    }

    @Test
    void hexSeparatorsPrefixesAndCommentsAreSkippedAndPeekedBytesAreReadAgain(@TempDir Path dir) throws IOException {
        Path hexFile = dir.resolve("dump.hex");
        Files.writeString(hexFile, "0x1b,0X1B:00 # 0xzz is a comment\r\n0 0x1\n100x0a#\n");
        try (FileReplaySource source = FileReplaySource.open(hexFile)) {
            assertThat(source.peek(2)).containsExactly(0x1b, 0x1b);
            assertThat(drain(source)).containsExactly(0x1b, 0x1b, 0x00, 0x01, 0x10, 0x0a);
        }
        Files.writeString(hexFile, "1b1b\n1b1\n");
        assertThatThrownBy(() -> FileReplaySource.open(hexFile)).hasMessageContaining("odd number of hex digits");
    }

    @Test
    void tcpSourceReadsWhatTheIrReaderBridges() throws Exception {
        byte[] capture = Captures.bytes("EMH_eHZ361L5R");
        try (ServerSocket server = new ServerSocket(0)) {
            Thread bridge = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(capture, 0, 100);
                    out.flush();
                    out.write(capture, 100, capture.length - 100);
                } catch (IOException ignored) {
                    // the test fails on the reading side
                }
            });
            bridge.start();
            try (ByteSource tcp = ByteSources.open("tcp:127.0.0.1:" + server.getLocalPort())) {
                assertThat(tcp.describe()).startsWith("tcp:127.0.0.1:");
                assertThat(drain(tcp)).isEqualTo(capture);
            }
            bridge.join(5000);
        }
    }

    @Test
    void serialSettingsParseTheCommonLineSettings() {
        assertThat(SerialSettings.parse("/dev/ttyUSB0")).isEqualTo(SerialSettings.sml("/dev/ttyUSB0"));
        assertThat(SerialSettings.parse("/dev/ttyUSB0,300,7e1")).isEqualTo(SerialSettings.d0("/dev/ttyUSB0", 300));
        assertThat(SerialSettings.parse("COM3,9600,7E1").toString()).isEqualTo("COM3 9600 7E1");
        assertThatThrownBy(() -> SerialSettings.parse("/dev/ttyUSB0,9600,8X1")).hasMessageContaining("8X1");
    }

    @Test
    void missingSerialDeviceFailsWithItsName() {
        assertThatThrownBy(() -> ByteSources.open("serial:/dev/does-not-exist-smgw,9600,8N1"))
                .isInstanceOf(IOException.class).hasMessageContaining("/dev/does-not-exist-smgw");
    }
}
