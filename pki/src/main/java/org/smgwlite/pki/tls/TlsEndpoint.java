package org.smgwlite.pki.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;

/**
 * An {@link SSLContext} together with the parameters it must be used with (protocols, suites, client
 * authentication). A plain SSLContext would hand out its provider's defaults, so sockets and engines are
 * best obtained here, where the parameters are applied. Here also the {@link DevicePortTls#NAMED_GROUPS} are set,
 * which JDK 17's {@code SSLParameters} cannot carry; a JDK {@code HttpClient} given only {@link #context()} and
 * {@link #parameters()} negotiates from Bouncy Castle's default groups instead. A context of another provider (the
 * JDK's, as on Payara's listener) keeps its own groups.
 */
public record TlsEndpoint(SSLContext context, SSLParameters parameters) {

    /** A listening server socket; {@code port} 0 picks a free port. */
    public SSLServerSocket bind(InetAddress address, int port) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(port, 50, address);
        socket.setSSLParameters(parameters);
        return socket;
    }

    /**
     * The next connection on a socket from {@link #bind}, not yet handshaken, with the named groups applied (a Bouncy
     * Castle server socket cannot carry them on JDK 17; without them no TLS 1.2 brainpool key exchange).
     */
    public SSLSocket accept(SSLServerSocket listener) throws IOException {
        SSLSocket socket = (SSLSocket) listener.accept();
        if (socket instanceof BCSSLSocket bc) {
            bc.setParameters(withNamedGroups(bc.getParameters()));
        }
        return socket;
    }

    /** A connected (not yet handshaken) client socket. */
    public SSLSocket connect(String host, int port, int timeoutMillis) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.setSSLParameters(parameters);
        if (socket instanceof BCSSLSocket bc) {
            bc.setParameters(withNamedGroups(bc.getParameters()));
            bc.setHost(host); // the name endpoint identification checks; an unconnected socket has none yet
        }
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    /** An engine for non-blocking servers (Grizzly, Netty), already configured. */
    public SSLEngine engine(boolean clientMode) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(clientMode);
        engine.setSSLParameters(parameters);
        if (engine instanceof BCSSLEngine bc) {
            bc.setParameters(withNamedGroups(bc.getParameters()));
        }
        return engine;
    }

    private static BCSSLParameters withNamedGroups(BCSSLParameters current) {
        current.setNamedGroups(DevicePortTls.NAMED_GROUPS.toArray(String[]::new));
        return current;
    }
}
