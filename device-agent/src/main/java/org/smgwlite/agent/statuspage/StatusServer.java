package org.smgwlite.agent.statuspage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.smgwlite.agent.eichlog.EichlogEntry;
import org.smgwlite.agent.json.Json;
import org.smgwlite.agent.taf.Snapshot;
import org.smgwlite.agent.taf.TafValue;

/**
 * {@code GET /} (HTML), {@code GET /status.json}, and {@code POST /taf6?reason=...} (a local TAF 6 trigger; 200 with
 * the values taken, 409 when no reading is available yet). One worker thread: this is a page for one household.
 * Bound to localhost unless configured otherwise, since the trigger is unauthenticated.
 */
public final class StatusServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService worker;
    private final Supplier<StatusView> view;
    private final Function<String, List<TafValue>> taf6;

    /**
     * @param taf6 takes a TAF 6 reading with the given reason; throws {@link IllegalStateException} or
     *             {@link IllegalArgumentException} with a message for the caller
     */
    public StatusServer(InetSocketAddress address, Supplier<StatusView> view, Function<String, List<TafValue>> taf6)
            throws IOException {
        this.view = view;
        this.taf6 = taf6;
        try {
            server = HttpServer.create(address, 8);
        } catch (IOException e) {
            throw new IOException("status page: cannot listen on " + address + ": " + e.getMessage(), e);
        }
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "status-page");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(worker);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/status.json") && method.equals("GET")) {
                send(ex, 200, "application/json", Json.write(view.get().toMap()));
            } else if (path.equals("/") && method.equals("GET")) {
                send(ex, 200, "text/html; charset=utf-8", html(view.get()));
            } else if (path.equals("/taf6") && method.equals("POST")) {
                String reason = param(ex, "reason");
                try {
                    List<TafValue> values = taf6.apply(reason);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("taken", values.stream().map(TafValue::toString).toList());
                    send(ex, 200, "application/json", Json.write(body));
                } catch (IllegalStateException | IllegalArgumentException e) {
                    send(ex, 409, "application/json", Json.write(Map.of("error", String.valueOf(e.getMessage()))));
                }
            } else {
                send(ex, 404, "text/plain; charset=utf-8", "not found: " + method + " " + path + "\n");
            }
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain; charset=utf-8", "internal error\n");
        }
    }

    private static String param(HttpExchange ex, String name) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        String body = new String(ex.getRequestBody().readNBytes(4096), StandardCharsets.UTF_8);
        for (String source : new String[] {query, body}) {
            if (source == null) {
                continue;
            }
            for (String pair : source.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String html(StatusView v) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" "
                + "content=\"10\"><title>SMGW.Lite agent</title></head><body><h1>SMGW.Lite device agent</h1>");
        b.append("<p>Source: ").append(esc(v.source())).append(" &middot; ").append(esc(v.now().toString()))
                .append(v.meterSilent() ? " &middot; <strong>meter silent</strong>" : "").append("</p>");
        b.append("<h2>Last reading</h2>");
        Snapshot s = v.latest();
        if (s == null) {
            b.append("<p>none yet</p>");
        } else {
            b.append("<table><tr><td>time</td><td>").append(esc(s.at().toString())).append("</td></tr>");
            b.append("<tr><td>power</td><td id=\"power\">")
                    .append(s.power() == null ? "-" : esc(s.power().decimal().toPlainString()) + " W")
                    .append("</td></tr>");
            for (Snapshot.Register r : s.registers()) {
                b.append("<tr><td>").append(esc(r.obis().toString())).append("</td><td>")
                        .append(esc(r.value().toString())).append("</td></tr>");
            }
            b.append("</table>");
        }
        b.append("<h2>Store</h2><p id=\"store\">").append(v.storeBytes()).append(" of ").append(v.storeCapacity())
                .append(" bytes; values up to seq ").append(v.lastSeq()).append(", acknowledged up to ")
                .append(v.acknowledgedSeq()).append("; last: ").append(esc(String.valueOf(v.lastStored())))
                .append("</p><h2>Last upload</h2><p").append(v.uploadRefused() ? " id=\"upload-refused\"><b>REFUSED by the platform,"
                        + " values kept, tried again tomorrow:</b> " : ">")
                .append(esc(v.lastUpload() == null ? "never" : v.lastUpload()))
                .append("</p><h2>Eichlog</h2><table>");
        for (EichlogEntry e : v.eichlogTail()) {
            b.append("<tr><td>").append(e.n()).append("</td><td>").append(esc(e.time().toString())).append("</td><td>")
                    .append(esc(e.type())).append("</td><td>").append(esc(e.detail())).append("</td></tr>");
        }
        b.append("</table><p>last hash <code>").append(esc(v.eichlogLastHash())).append("</code></p>");
        b.append("<form method=\"post\" action=\"/taf6\"><input name=\"reason\" placeholder=\"reason\">"
                + "<button>TAF 6 reading now</button></form></body></html>\n");
        return b.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        worker.shutdownNow();
    }
}
