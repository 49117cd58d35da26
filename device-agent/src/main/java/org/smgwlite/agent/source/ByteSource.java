package org.smgwlite.agent.source;

import java.io.IOException;

/** A stream of bytes from a meter's optical interface. Reads block until data, timeout or end. */
public interface ByteSource extends AutoCloseable {

    /**
     * Reads up to {@code buffer.length} bytes.
     *
     * @return the number of bytes read, 0 on a read timeout of a live source, -1 at the end of a replay
     */
    int read(byte[] buffer) throws IOException;

    /** Where the bytes come from, for log lines, e.g. {@code serial:/dev/ttyUSB0 9600 8N1}. */
    String describe();

    @Override
    void close() throws IOException;
}
