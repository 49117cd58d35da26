package org.smgwlite.agent.upload;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.metering.contract.BatchFormat;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.metering.contract.SignedBatches;

/**
 * One day-after run: everything the platform has not acknowledged, batch after batch, until the store holds
 * nothing that was stored before the run reached it (a gateway back from weeks offline sends its whole backlog
 * in one run, oldest first).
 *
 * <p>Invariants: each batch is signed once and a retry re-sends exactly those bytes (the platform answers a
 * repeated body with its first answer and stores nothing twice); values are acknowledged in the store, and
 * Eichlog lines in their cursor, only after a 200 for the batch that carried them, and batches go strictly in
 * order, so the store's acknowledgement mark never passes a value the platform has not answered.
 *
 * <p>A whole-batch refusal (a 4xx other than the transient 404, 408, 425, 429, e.g. {@code 400 MALFORMED},
 * {@code 403 UNKNOWN_SIGNER}, {@code 413 TOO_LARGE}) ends the run: re-sending the same bytes would be refused
 * again and skipping the batch would acknowledge values the platform never took. The values stay in the store
 * (nothing is deleted because of a refusal), the refusal with the platform's reason goes to the Eichlog as
 * {@code UPLOAD upload refused: ...} (the agent shows it on its status page as {@code upload_refused}), and the
 * next day's run tries again, after the service has renewed certificates (the usual cause). Values refused one by
 * one inside a 200 are the platform's business: it keeps them with a reason, the agent acknowledges them.
 *
 * <p>Anything else (no connection, a 5xx, 404, 408, 425, 429) is "not now": the same bytes go again after a wait
 * ({@link Backoff}: doubling from the pacing's first to its max wait, at least the {@code Retry-After} the platform
 * sent, e.g. its 503 while its database is down, plus jitter), up to the pacing's attempts per batch.
 */
public final class Uploader {

    /** Every event about a refusal starts with this (the agent raises its status flag on it). */
    public static final String REFUSED = "upload refused";
    /** Every event about a batch that stayed unanswered in all attempts starts with this. */
    public static final String UNANSWERED = "upload unanswered";
    /** Every event about an acknowledged batch starts with this. */
    public static final String ACKNOWLEDGED = "upload acknowledged";
    /** Most Eichlog lines sent in one batch. */
    public static final int MAX_EICHLOG = 10_000;

    /** Sleeping between attempts; tests pass a recorder. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * How a run paces itself.
     *
     * @param valuesPerBatch   store values read per batch, 1..{@link BatchFormat#MAX_VALUES}
     * @param firstBackoff     wait after the first failed attempt; doubled after each further one
     * @param maxBackoff       the doubling stops here, and no {@code Retry-After} is waited longer
     * @param attemptsPerBatch attempts for one batch before the run gives up until the next day
     */
    public record Pacing(int valuesPerBatch, Duration firstBackoff, Duration maxBackoff, int attemptsPerBatch) {

        /** The daily upload: full batches, 1 min doubling to 1 h, 8 attempts (about two hours). */
        public static final Pacing DAILY = new Pacing(BatchFormat.MAX_VALUES, Duration.ofMinutes(1), Duration.ofHours(1), 8);

        public Pacing {
            if (valuesPerBatch < 1 || valuesPerBatch > BatchFormat.MAX_VALUES) {
                throw new IllegalArgumentException("valuesPerBatch " + valuesPerBatch + " outside 1.." + BatchFormat.MAX_VALUES);
            }
            if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || attemptsPerBatch < 1) {
                throw new IllegalArgumentException("backoff " + firstBackoff + ".." + maxBackoff + " with " + attemptsPerBatch
                        + " attempts: need 0 <= first <= max and at least one attempt");
            }
        }
    }

    /** How one batch ended. */
    public enum Outcome {
        /** the platform answered 200; its values and Eichlog lines are acknowledged */
        ACKNOWLEDGED,
        /** the platform refused the batch as a whole; nothing acknowledged, not retried today */
        REFUSED,
        /** no answer (or only transient ones) in all attempts; nothing acknowledged */
        UNANSWERED
    }

    /** One batch: values in it (after leaving out empty slots), how it ended, attempts, the last answer. */
    public record Result(int sent, Outcome outcome, int attempts, String answer) {
        public boolean acknowledged() {
            return outcome == Outcome.ACKNOWLEDGED;
        }
    }

    /** What a run did: its batches in order; complete when it ended because nothing older was left. */
    public record Run(List<Result> batches, boolean complete) {

        /** Values the platform acknowledged in this run. */
        public int sent() {
            return batches.stream().filter(Result::acknowledged).mapToInt(Result::sent).sum();
        }

        /** At least one batch went out and every one was acknowledged. */
        public boolean acknowledged() {
            return complete && !batches.isEmpty();
        }

        /** The batch that ended the run unacknowledged, if any. */
        public Result failed() {
            return complete || batches.isEmpty() ? null : batches.get(batches.size() - 1);
        }

        /** The batch that ended the run unacknowledged, else the last one; an acknowledged nothing when none went out. */
        public Result outcome() {
            return batches.isEmpty() ? new Result(0, Outcome.ACKNOWLEDGED, 0, "nothing to send") : batches.get(batches.size() - 1);
        }
    }

    private final PendingValues store;
    private final BatchTransport transport;
    private final String gatewayId;
    private final long householdId;
    private final PrivateKey signatureKey;
    private final X509Certificate signatureCertificate;
    private final Pacing pacing;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Consumer<String> events;
    private final RandomGenerator jitter;

    public Uploader(PendingValues store, BatchTransport transport, String gatewayId, long householdId, PrivateKey signatureKey,
                    X509Certificate signatureCertificate, Pacing pacing, Sleeper sleeper, Clock clock, Consumer<String> events) {
        this(store, transport, gatewayId, householdId, signatureKey, signatureCertificate, pacing, sleeper, clock, events,
                new SplittableRandom());
    }

    /** @param jitter the random part of the waits between attempts ({@link Backoff}); tests pass a fixed one */
    public Uploader(PendingValues store, BatchTransport transport, String gatewayId, long householdId, PrivateKey signatureKey,
                    X509Certificate signatureCertificate, Pacing pacing, Sleeper sleeper, Clock clock, Consumer<String> events,
                    RandomGenerator jitter) {
        this.jitter = jitter;
        this.store = store;
        this.transport = transport;
        this.gatewayId = gatewayId;
        this.householdId = householdId;
        this.signatureKey = signatureKey;
        this.signatureCertificate = signatureCertificate;
        this.pacing = pacing;
        this.sleeper = sleeper;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Sends batch after batch until one comes back not full (everything stored when it was read is then on the
     * platform; values stored meanwhile wait for tomorrow, so the run cannot chase the meter), or until a batch
     * is refused or stays unanswered.
     */
    public Run uploadBacklog(PendingEichlog eichlog) throws IOException, InterruptedException {
        return uploadBacklog(PendingEichlog.NONE, eichlog);
    }

    /**
     * {@link #uploadBacklog(PendingEichlog)} after the entry that closes the platform's old Eichlog chain
     * ({@link EichlogReset}), alone in a batch without values: the platform accepts the journal's new chain only once
     * it holds that entry, and never in the same batch. When that batch is not acknowledged the run ends there, and
     * nothing of the new chain has left.
     */
    public Run uploadBacklog(PendingEichlog closing, PendingEichlog eichlog) throws IOException, InterruptedException {
        List<Result> batches = new ArrayList<>();
        List<String> closingEntry = closing.read(1);
        if (!closingEntry.isEmpty()) {
            Result r = send(List.of(), closingEntry, closing);
            batches.add(r);
            if (!r.acknowledged()) {
                return new Run(batches, false);
            }
        }
        while (true) {
            List<TafValue> values = store.readUnacknowledged(pacing.valuesPerBatch());
            List<String> lines = eichlog.read(MAX_EICHLOG);
            if (values.isEmpty() && lines.isEmpty()) {
                return new Run(batches, true);
            }
            Result r = send(values, lines, eichlog);
            batches.add(r);
            if (!r.acknowledged()) {
                return new Run(batches, false);
            }
            if (values.size() < pacing.valuesPerBatch() && lines.size() < MAX_EICHLOG) {
                return new Run(batches, true);
            }
        }
    }

    /** One batch, signed once, sent until answered; acknowledges its values and lines after a 200. */
    private Result send(List<TafValue> values, List<String> lines, PendingEichlog eichlog) throws IOException, InterruptedException {
        ReadingBatch batch = BatchBuilder.build(gatewayId, householdId, values, lines, clock.instant());
        byte[] signed = SignedBatches.sign(batch, signatureKey, signatureCertificate);
        int count = batch.values().size();
        String what = count + " values" + (values.isEmpty() ? "" : " (seq " + values.get(0).seq() + ".."
                + values.get(values.size() - 1).seq() + ")") + ", " + lines.size() + " Eichlog entries";
        Backoff backoff = new Backoff(pacing.firstBackoff(), pacing.maxBackoff(), jitter);
        String last = "";
        for (int attempt = 1; attempt <= pacing.attemptsPerBatch(); attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                BatchTransport.Answer answer = transport.post(signed);
                last = answer.status() + " " + answer.body();
                retryAfter = answer.retryAfter();
                if (answer.status() == 200) {
                    if (!values.isEmpty()) {
                        store.acknowledge(values.get(values.size() - 1).seq());
                    }
                    if (!lines.isEmpty()) {
                        eichlog.acknowledge(lines.get(lines.size() - 1));
                    }
                    events.accept(ACKNOWLEDGED + ": " + what + ", " + answer.body());
                    return new Result(count, Outcome.ACKNOWLEDGED, attempt, answer.body());
                }
                if (isRefusal(answer.status())) {
                    events.accept(REFUSED + ": " + last + "; " + what + " kept in the store, next try tomorrow");
                    return new Result(count, Outcome.REFUSED, attempt, last);
                }
            } catch (IOException e) {
                last = "I/O: " + e.getMessage();
            }
            if (attempt < pacing.attemptsPerBatch()) {
                Duration wait = backoff.next(retryAfter);
                events.accept("upload attempt " + attempt + " failed (" + last + "), next in " + wait);
                sleeper.sleep(wait);
            }
        }
        events.accept(UNANSWERED + " after " + pacing.attemptsPerBatch() + " attempts (" + last + "); " + what
                + " kept in the store, next try tomorrow");
        return new Result(count, Outcome.UNANSWERED, pacing.attemptsPerBatch(), last);
    }

    /**
     * A 4xx by which the platform refuses this batch for good. Not: 404 (the application is not deployed yet,
     * e.g. during a restart), 408 and 429 (timeout, too many requests), 425 (too early).
     */
    static boolean isRefusal(int status) {
        return status >= 400 && status < 500 && status != 404 && status != 408 && status != 425 && status != 429;
    }
}
