package org.smgwlite.agent.upload;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.metering.contract.Taf6Order;

/**
 * TAF 6 on the platform's demand: long-polls the device port for the gateway's open requests, takes each reading
 * from the latest meter snapshot (journaled like every billing value), and sends the answer at once as a signed
 * batch through the {@link UploadService} — so a value leaves the journal only after the platform's 200, as in the
 * day-after upload. A reading that cannot be taken (no meter data yet) is reported to the platform with the reason.
 *
 * <p>No busy loop: a poll that brings nothing new sooner than {@link #MIN_INTERVAL} is followed by a pause, and every
 * failure (platform down, TLS, refused answer) by a pause that doubles up to {@link #MAX_BACKOFF}, at least the
 * {@code Retry-After} of a busy platform (503 while its database is down), with jitter ({@link Backoff}). A request that is
 * delivered again while its answer is on its way is not read twice; an answer that is not acknowledged after
 * {@link #ANSWER_TRIES} tries stays in the journal for the day-after upload.
 */
public final class Taf6Poller implements AutoCloseable {

    /** How long one poll waits on the platform. */
    public static final Duration WAIT = Duration.ofSeconds(25);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final int ANSWER_TRIES = 3;
    /** Request ids remembered as taken; far more than a gateway is ever asked for between two answers. */
    private static final int REMEMBERED = 1000;

    /** Takes and journals the reading for a request; {@link IllegalStateException} if there is no meter data. */
    @FunctionalInterface
    public interface Reading {
        List<TafValue> take(Taf6Order order);
    }

    /** Sends what the journal holds unacknowledged, the new readings among it. */
    @FunctionalInterface
    public interface Answer {
        Uploader.Result send() throws IOException, InterruptedException;
    }

    private final Taf6Channel channel;
    private final Reading reading;
    private final Answer answer;
    private final Uploader.Sleeper sleeper;
    private final LongSupplier monotonicNanos;
    private final Consumer<String> events;
    private final LinkedHashSet<Long> taken = new LinkedHashSet<>();
    private final RepeatingThread thread = new RepeatingThread("taf6-poller", this::step);
    private final RandomGenerator jitter;
    private Backoff backoff;
    private int answerTriesLeft;

    public Taf6Poller(Taf6Channel channel, Reading reading, Answer answer, Uploader.Sleeper sleeper, LongSupplier monotonicNanos,
                      Consumer<String> events) {
        this(channel, reading, answer, sleeper, monotonicNanos, events, new SplittableRandom());
    }

    /** @param jitter the random part of the pauses after failures; tests pass a fixed one */
    public Taf6Poller(Taf6Channel channel, Reading reading, Answer answer, Uploader.Sleeper sleeper, LongSupplier monotonicNanos,
                      Consumer<String> events, RandomGenerator jitter) {
        this.jitter = jitter;
        this.backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF, jitter);
        this.channel = channel;
        this.reading = reading;
        this.answer = answer;
        this.sleeper = sleeper;
        this.monotonicNanos = monotonicNanos;
        this.events = events;
    }

    public void start() {
        thread.start();
    }

    /** One turn: a pending answer first, then one poll, the readings it asks for and their answer, then a pause. */
    void step() throws InterruptedException {
        try {
            if (answerTriesLeft > 0) {
                sendAnswer();
            }
            long started = monotonicNanos.getAsLong();
            List<Taf6Order> orders = channel.poll(WAIT);
            boolean took = false;
            boolean anyNew = false;
            for (Taf6Order order : orders) {
                if (taken.contains(order.id())) {
                    continue;
                }
                anyNew = true;
                took |= take(order);
            }
            if (took) {
                answerTriesLeft = ANSWER_TRIES;
                sendAnswer();
            }
            backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF, jitter);
            Duration elapsed = Duration.ofNanos(monotonicNanos.getAsLong() - started);
            if (!anyNew && elapsed.compareTo(MIN_INTERVAL) < 0) {
                sleeper.sleep(MIN_INTERVAL.minus(elapsed));
            }
        } catch (IOException | RuntimeException e) {
            Duration wait = backoff.next(e instanceof PlatformBusyException busy ? busy.retryAfter() : Optional.empty());
            events.accept("TAF 6: " + e.getMessage() + "; next try in " + wait);
            sleeper.sleep(wait);
        }
    }

    /** True if the reading was journaled; a reading that cannot be taken is reported to the platform instead. */
    private boolean take(Taf6Order order) throws IOException, InterruptedException {
        remember(order.id());
        try {
            List<TafValue> values = reading.take(order);
            events.accept("TAF 6 request " + order.id() + " (" + order.reason() + "): " + values.size() + " values journaled");
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            events.accept("TAF 6 request " + order.id() + " cannot be answered: " + e.getMessage());
            try {
                channel.failed(order.id(), e.getMessage());
            } catch (IOException io) {
                taken.remove(order.id()); // not reported: try the request again on the next poll
                throw io;
            }
            return false;
        }
    }

    private void sendAnswer() throws IOException, InterruptedException {
        answerTriesLeft--;
        Uploader.Result r = answer.send();
        if (r.acknowledged() || r.attempts() == 0) {
            answerTriesLeft = 0;
            return;
        }
        if (answerTriesLeft == 0) {
            events.accept("TAF 6 answer not acknowledged (" + r.answer() + "); it stays in the journal for the day-after upload");
            return;
        }
        throw new IOException("TAF 6 answer not acknowledged: " + r.answer());
    }

    private void remember(long id) {
        taken.add(id);
        if (taken.size() > REMEMBERED) {
            taken.remove(taken.iterator().next());
        }
    }

    @Override
    public void close() {
        thread.close();
    }
}
