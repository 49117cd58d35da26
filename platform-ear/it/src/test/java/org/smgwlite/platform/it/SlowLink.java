package org.smgwlite.platform.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to a local port whose answers arrive late, like a gateway's mobile link: every chunk the
 * server sends is held back for {@code answerDelay} before it is passed on. TLS runs end to end through it
 * (it only moves bytes), so the device port's mutual TLS is unchanged. {@link #cut} drops every connection at
 * once, without passing on what it holds back: an answer lost on the way.
 */
public final class SlowLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Duration answerDelay;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile long generation;

    public SlowLink(int targetPort, Duration answerDelay) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.answerDelay = answerDelay;
        Thread accept = new Thread(this::accept, "slow-link-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Drops every open connection (RST to the client); what was held back is lost. New connections work. */
    public void cut() {
        generation++;
        for (Socket s : open) {
            close(s, true);
        }
        open.clear();
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException refused) {
                    close(client, true);
                    continue;
                }
                open.add(client);
                open.add(server);
                long born = generation;
                pump(client, server, Duration.ZERO, born);
                pump(server, client, answerDelay, born);
            } catch (IOException e) {
                return; // listener closed
            }
        }
    }

    private void pump(Socket from, Socket to, Duration delay, long born) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!delay.isZero()) {
                        Thread.sleep(delay.toMillis());
                    }
                    if (generation != born) {
                        return; // cut meanwhile: what we hold is lost
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away: the other goes too
            } finally {
                close(from, false);
                close(to, false);
            }
        }, "slow-link-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s, boolean reset) {
        try {
            if (reset) {
                s.setSoLinger(true, 0);
            }
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
