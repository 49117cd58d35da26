package org.smgwlite.pki.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * An {@link SSLContext} together with the parameters it must be used with (protocols, suites, client
 * authentication). A plain SSLContext would hand out its provider's defaults, so sockets and engines are
 * best obtained here, where the parameters are applied.
 */
public record TlsEndpoint(SSLContext context, SSLParameters parameters) {

    /** A listening server socket; {@code port} 0 picks a free port. */
    public SSLServerSocket bind(InetAddress address, int port) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(port, 50, address);
        socket.setSSLParameters(parameters);
        return socket;
    }

    /** A connected (not yet handshaken) client socket. */
    public SSLSocket connect(String host, int port, int timeoutMillis) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.setSSLParameters(parameters);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    /** An engine for non-blocking servers (Grizzly, Netty), already configured. */
    public SSLEngine engine(boolean clientMode) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(clientMode);
        engine.setSSLParameters(parameters);
        return engine;
    }
}
