package org.smgwlite.pki.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** One real connection on 127.0.0.1 (ephemeral port): the server handshakes and answers one byte; both sides report. */
final class LoopbackHandshake {

    record Outcome(String clientResult, String serverResult, String protocol, String suite) {
    }

    private LoopbackHandshake() {
    }

    /** {@code clientSetup} runs on the connected client socket just before its handshake (narrowing protocols, groups). */
    static Outcome run(TlsEndpoint server, TlsEndpoint client, Consumer<SSLSocket> clientSetup) throws Exception {
        try (SSLServerSocket listener = server.bind(InetAddress.getLoopbackAddress(), 0)) {
            CompletableFuture<String> serverSide = serveOnce(server, listener);
            String clientSide;
            String protocol = "";
            String suite = "";
            try (SSLSocket socket = client.connect("127.0.0.1", listener.getLocalPort(), 5000)) {
                clientSetup.accept(socket);
                socket.startHandshake();
                protocol = socket.getSession().getProtocol();
                suite = socket.getSession().getCipherSuite();
                clientSide = socket.getInputStream().read() == 42 ? "ok" : "failed: no answer";
            } catch (IOException e) {
                clientSide = "failed: " + messages(e);
            }
            return new Outcome(clientSide, serverSide.get(10, TimeUnit.SECONDS), protocol, suite);
        }
    }

    /** Accepts one connection: "peer=&lt;client subject&gt;" after a completed handshake, else "failed: …". */
    static CompletableFuture<String> serveOnce(TlsEndpoint server, SSLServerSocket listener) {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket socket = server.accept(listener)) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
                String peer = socket.getSession().getPeerPrincipal().getName();
                socket.getOutputStream().write(42);
                socket.getOutputStream().flush();
                return "peer=" + peer;
            } catch (IOException e) {
                return "failed: " + messages(e);
            }
        });
    }

    static String messages(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
