package org.smgwlite.agent.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Reads a TCP socket of a network IR reader that bridges the meter's serial stream unchanged
 * (ser2net-style, e.g. on port 23 or 8088). A read timeout returns 0 so the caller can check liveness.
 */
public final class TcpSource implements ByteSource {

    private final String host;
    private final int port;
    private final Socket socket;
    private final InputStream in;

    private TcpSource(String host, int port, Socket socket) throws IOException {
        this.host = host;
        this.port = port;
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    public static TcpSource connect(String host, int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            return new TcpSource(host, port, socket);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot connect to IR reader " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public String describe() {
        return "tcp:" + host + ":" + port;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
