package org.smgwlite.agent.upload;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends the agent's status document to the platform ({@code POST /api/device/status}) after each upload run and once
 * at start. The status is for the operator's eyes only: a failure to make or send it is noted and nothing more, so it
 * can never hold up or break an upload.
 */
public final class StatusReporter {

    /** Where the document goes; {@link UploadService} posts it over the uploads' mutual TLS. */
    @FunctionalInterface
    public interface Channel {
        void post(String json) throws IOException, InterruptedException;
    }

    private final Supplier<String> document;
    private final Channel channel;
    private final Consumer<String> events;

    /**
     * @param document the current status as JSON, made on the calling (upload) thread
     * @param events   where a failure is noted
     */
    public StatusReporter(Supplier<String> document, Channel channel, Consumer<String> events) {
        this.document = document;
        this.channel = channel;
        this.events = events;
    }

    /** Posts the current status; returns normally whatever happens (an interrupt stays set for the caller). */
    public void report() {
        try {
            channel.post(document.get());
        } catch (IOException | RuntimeException e) {
            events.accept("status report failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
