package org.smgwlite.agent.upload;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.metering.contract.BatchFormat;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.metering.contract.SignedBatches;

/**
 * One day-after upload: everything not yet acknowledged, signed once, sent until the platform answers.
 *
 * <p>Invariants: values are acknowledged in the store only after a 200 from the platform (which has then
 * stored or rejected each of them, with its reasons kept on the platform); a retry re-sends the same signed
 * bytes, which the platform answers idempotently; a 4xx refusal acknowledges nothing and is not retried
 * (the same bytes would be refused again), it is reported instead.
 */
public final class Uploader {

    /** Sleeping between attempts; tests pass a recorder. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** What one run did. */
    public record Result(int sent, boolean acknowledged, int attempts, String answer) {
    }

    private final PendingValues store;
    private final BatchTransport transport;
    private final String gatewayId;
    private final long householdId;
    private final PrivateKey signatureKey;
    private final X509Certificate signatureCertificate;
    private final Duration firstBackoff;
    private final int maxAttempts;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Consumer<String> events;

    public Uploader(PendingValues store, BatchTransport transport, String gatewayId, long householdId, PrivateKey signatureKey,
                    X509Certificate signatureCertificate, Duration firstBackoff, int maxAttempts, Sleeper sleeper, Clock clock,
                    Consumer<String> events) {
        this.store = store;
        this.transport = transport;
        this.gatewayId = gatewayId;
        this.householdId = householdId;
        this.signatureKey = signatureKey;
        this.signatureCertificate = signatureCertificate;
        this.firstBackoff = firstBackoff;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
        this.clock = clock;
        this.events = events;
    }

    /** Uploads what is unacknowledged (up to one batch), retrying with exponential backoff (doubling, max 1 h). */
    public Result uploadOnce(List<String> eichlog) throws IOException, InterruptedException {
        List<TafValue> values = store.readUnacknowledged(BatchFormat.MAX_VALUES);
        if (values.isEmpty() && eichlog.isEmpty()) {
            return new Result(0, false, 0, "nothing to send");
        }
        ReadingBatch batch = BatchBuilder.build(gatewayId, householdId, values, eichlog, clock.instant());
        byte[] signed = SignedBatches.sign(batch, signatureKey, signatureCertificate);
        Duration backoff = firstBackoff;
        String last = "";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                BatchTransport.Answer answer = transport.post(signed);
                last = answer.status() + " " + answer.body();
                if (answer.status() == 200) {
                    if (!values.isEmpty()) {
                        store.acknowledge(values.get(values.size() - 1).seq());
                    }
                    events.accept("upload acknowledged: " + batch.values().size() + " values, " + answer.body());
                    return new Result(batch.values().size(), true, attempt, answer.body());
                }
                if (answer.status() >= 400 && answer.status() < 500) {
                    events.accept("upload refused, not retried: " + last);
                    return new Result(batch.values().size(), false, attempt, last);
                }
            } catch (IOException e) {
                last = "I/O: " + e.getMessage();
            }
            events.accept("upload attempt " + attempt + " failed (" + last + "), next in " + backoff);
            if (attempt < maxAttempts) {
                sleeper.sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : backoff.multipliedBy(2);
            }
        }
        return new Result(batch.values().size(), false, maxAttempts, last);
    }
}
