package org.smgwlite.agent.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.smgwlite.agent.upload.HttpsTaf6Channel;
import org.smgwlite.agent.upload.PendingValues;
import org.smgwlite.agent.upload.Taf6Poller;
import org.smgwlite.agent.upload.UploadService;
import org.smgwlite.agent.upload.UploadSettings;
import org.smgwlite.agent.upload.Uploader;

/**
 * The agent's link to the platform: EST enrollment and signed uploads ({@link UploadService}), the
 * {@link Taf6Poller} that answers the platform's TAF 6 requests, and the Eichlog record of every batch's outcome
 * (acknowledged, refused, unanswered), and the agent's status report after each upload run. The device agent and the devstack's demo gateway both get theirs from
 * {@link Agent#platformLink}, so both keep the same Eichlog.
 *
 * <p>Threads: the daily uploads and the poller run on their own threads; what they read from or acknowledge in
 * the store, and the TAF 6 readings, run on the agent's loop thread. {@link #uploadNow} may be called on the loop
 * thread itself (the demo gateway does), then the store is used directly.
 */
public final class PlatformLink implements AutoCloseable {

    private final UploadService uploads;
    private final Taf6Poller taf6;
    private final Consumer<String> notes;
    private final Consumer<String> outcomes;

    /**
     * @param store    the store as the upload threads may use it (on the loop thread)
     * @param reading  takes and journals a TAF 6 reading on the loop thread
     * @param outcomes records a batch's outcome in the Eichlog
     * @param status   the agent's status as JSON, sent to the platform after each upload run and at start
     * @param notes    every line the upload and the poller have to say (progress, failures, outcomes)
     */
    PlatformLink(UploadSettings settings, PendingValues store, Path eichlogFile, Clock clock, Taf6Poller.Reading reading,
                 Consumer<String> outcomes, Supplier<String> status, Consumer<String> notes) {
        this.notes = notes;
        this.outcomes = outcomes;
        this.uploads = new UploadService(settings, store, eichlogFile, Uploader.Pacing.DAILY, clock, status, this::note);
        this.taf6 = new Taf6Poller(new HttpsTaf6Channel(settings.devicePort(), uploads::deviceTls), reading,
                uploads::answerNow, d -> Thread.sleep(d.toMillis()), System::nanoTime, this::note);
    }

    /** A line from the upload or the poller: to the caller's log, and a batch's outcome to the Eichlog too. */
    void note(String line) {
        notes.accept(line);
        if (isOutcome(line)) {
            outcomes.accept(line);
        }
    }

    /** Whether the line reports how a batch ended (the {@link Uploader}'s prefixes). */
    static boolean isOutcome(String line) {
        return line.startsWith(Uploader.ACKNOWLEDGED) || line.startsWith(Uploader.REFUSED)
                || line.startsWith(Uploader.UNANSWERED);
    }

    /** Starts the daily upload of the backlog after midnight plus the gateway's spread delay. */
    public void startDailyUploads() {
        uploads.start();
    }

    /** Starts answering the platform's TAF 6 requests. */
    public void startTaf6() {
        taf6.start();
    }

    /** Enrollment or renewal as needed, then the whole backlog, now (see {@link UploadService#uploadNow}). */
    public Uploader.Run uploadNow() throws IOException, InterruptedException {
        return uploads.uploadNow();
    }

    /** Stops the poller and the daily uploads; a second call does nothing more. */
    @Override
    public void close() {
        taf6.close();
        uploads.close();
    }
}
