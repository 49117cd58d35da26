package org.smgwlite.agent.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.agent.source.ByteSource;

/**
 * The agent's one thread: reads the byte source into the {@link MeterPipeline} and after every read runs one turn
 * (time, queued work, store retries, status). A failing source is logged once, reopened every second, and logged
 * again when it is back.
 *
 * <p>The pipeline and the store are not thread-safe; the loop thread owns them. Other threads (status page, upload,
 * TAF 6 poller) hand their work to it with {@link #call} (and wait for the answer) or {@link #post} (and do not);
 * called on the loop thread itself, both run the work at once.
 */
final class AgentLoop {

    /** Work for the loop thread. */
    @FunctionalInterface
    interface Task<T> {
        T run() throws Exception;
    }

    /** Turns a failed or unanswered call into the caller's own exception. */
    @FunctionalInterface
    interface Failure<E extends Exception> {
        /**
         * @param message what went wrong: the task's message, or that the loop did not answer (timeout, interrupt)
         * @param cause   what the task threw, or {@code null} when the loop did not answer
         */
        E of(String message, Throwable cause);
    }

    /** For store calls: the task's {@link IOException} as it is, anything else wrapped in one. */
    static final Failure<IOException> AS_IO_EXCEPTION = (message, cause) -> cause instanceof IOException io ? io
            : cause != null ? new IOException(cause) : new IOException(message);

    private final MeterPipeline pipeline;
    private final EventLog log;
    private final String configuredSource;
    private final Runnable turn;
    private final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
    private volatile Thread thread;
    private volatile boolean running = true;
    private volatile String sourceName = "-";
    private boolean sourceFailing;

    /**
     * @param configuredSource how the configuration names the source, for a source that fails before it opened
     * @param turn             what the loop does after every read besides reading (see {@link Agent})
     */
    AgentLoop(MeterPipeline pipeline, EventLog log, String configuredSource, Runnable turn) {
        this.pipeline = pipeline;
        this.log = log;
        this.configuredSource = configuredSource;
        this.turn = turn;
    }

    /** Runs until {@link #stop} or the end of a replayed source; the calling thread becomes the loop thread. */
    void run(Agent.SourceFactory sources) {
        thread = Thread.currentThread();
        byte[] buffer = new byte[4096];
        ByteSource source = null;
        try {
            while (running) {
                if (source == null) {
                    source = openSource(sources);
                    if (source == null) {
                        turn.run();
                        continue;
                    }
                }
                int n;
                try {
                    n = source.read(buffer);
                } catch (IOException e) {
                    sourceFailed(source, e);
                    closeQuietly(source);
                    source = null;
                    continue;
                }
                if (n < 0) {
                    pipeline.endOfStream();
                    turn.run();
                    break;
                }
                if (n > 0) {
                    pipeline.accept(buffer, 0, n);
                }
                turn.run();
            }
        } finally {
            closeQuietly(source);
        }
    }

    /** Asks the loop to finish; {@link #run} returns after the current read. */
    void stop() {
        running = false;
    }

    /** What the current source calls itself, {@code -} before the first one opened. */
    String sourceName() {
        return sourceName;
    }

    /**
     * Runs {@code task} on the loop thread and waits at most {@code timeout} for it. A call that times out may still
     * run later; the tasks given here are reads, or writes that are right whenever they run.
     */
    <T, E extends Exception> T call(Task<T> task, Duration timeout, Failure<E> failure) throws E {
        if (Thread.currentThread() == thread) {
            try {
                return task.run();
            } catch (Exception e) {
                throw failure.of(e.getMessage(), e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        queued.add(() -> {
            try {
                result.complete(task.run());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure.of(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw failure.of("agent loop did not answer within " + timeout.toSeconds() + " s", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.of("interrupted", null);
        }
    }

    /** Runs {@code work} on the loop thread without waiting for it: at its next turn, or at once if called there. */
    void post(Runnable work) {
        if (Thread.currentThread() == thread) {
            work.run();
        } else {
            queued.add(work);
        }
    }

    /** The loop thread's part of a turn: everything handed over since the last one. */
    void runQueued() {
        Runnable r;
        while ((r = queued.poll()) != null) {
            r.run();
        }
    }

    private ByteSource openSource(Agent.SourceFactory sources) {
        try {
            ByteSource s = sources.open();
            sourceName = s.describe();
            if (sourceFailing) {
                sourceFailing = false;
                log.event(EventType.SOURCE_BACK, sourceName);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            sourceFailed(null, e);
            sleepQuietly(1000);
            return null;
        }
    }

    private void sourceFailed(ByteSource s, Exception e) {
        if (!sourceFailing) {
            sourceFailing = true;
            log.event(EventType.SOURCE_ERROR, (s == null ? configuredSource : s.describe()) + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(ByteSource s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do about a source that fails to close
            }
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
