package org.smgwlite.agent.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a source from its command-line spelling:
 * {@code serial:/dev/ttyUSB0[,9600[,8N1]]}, {@code tcp:HOST:PORT}, or a file path ({@code .bin}, {@code .hex}).
 */
public final class ByteSources {

    /** Live sources return from a read after this much silence, so shutdown stays responsive. */
    public static final int READ_TIMEOUT_MILLIS = 2000;

    private ByteSources() {
    }

    public static ByteSource open(String spec) throws IOException {
        if (spec.startsWith("serial:")) {
            return SerialPortSource.open(SerialSettings.parse(spec.substring("serial:".length())), READ_TIMEOUT_MILLIS);
        }
        if (spec.startsWith("tcp:")) {
            String hostPort = spec.substring("tcp:".length());
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("tcp source must be tcp:HOST:PORT, was " + spec);
            }
            return TcpSource.connect(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)),
                    READ_TIMEOUT_MILLIS * 5);
        }
        return FileReplaySource.open(Path.of(spec));
    }
}
