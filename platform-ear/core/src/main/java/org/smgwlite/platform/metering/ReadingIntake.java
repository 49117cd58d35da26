package org.smgwlite.platform.metering;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import javax.sql.DataSource;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.metering.taf6.Taf6Answers;

/**
 * The one ingestion rule, whichever door a batch came through (signed batches: {@link ReadingIngestion}; SMGW.Lite
 * ring buffers: {@code legacy.LegacyIngestion}): the values' rules ({@link SeriesRules}, and for readings between
 * the quarter hours {@link HighResolutionRules}), the TAF 6 answers, the storage of values, gaps, rejects and Eichlog
 * ({@link ReadingStore}), and the batch's recorded outcome. Runs in the caller's transaction, after the caller has
 * locked the metering point and recorded the batch, so a refusal anywhere stores nothing. A plain object the door's
 * bean builds with its own transaction's resources.
 */
public final class ReadingIntake {

    private final Taf6Answers taf6Answers;
    /** The transaction's connection: Payara hands JPA and this DataSource the same one, tenant binding included. */
    private final DataSource dataSource;

    ReadingIntake(Taf6Answers taf6Answers, DataSource dataSource) {
        this.taf6Answers = taf6Answers;
        this.dataSource = dataSource;
    }

    /** For a door without TAF 6 requests (SMGW.Lite): {@link #acceptUnsigned} only. */
    public static ReadingIntake unsigned(DataSource transactionConnection) {
        return new ReadingIntake(null, transactionConnection);
    }

    /**
     * An unsigned upload of a legacy gateway: its slot values and high-resolution readings through the rule, the body
     * kept as received. The same body from the same gateway a second time is answered with the first answer
     * ({@code repeated}) and changes nothing.
     *
     * @param lineOf         a value's position in the upload from its position in {@code values} (0 = first)
     * @param refusedBefore  values the door refused on its own (reasons from {@link RejectReason}), stored as rejects
     */
    public IntakeResult acceptUnsigned(EntityManager em, DeviceIdentity gw, byte[] body, List<BatchValue> values,
                                       IntUnaryOperator lineOf, List<IngestionReport.Reject> refusedBefore,
                                       List<HighResolutionReading> hires) {
        ReadingStore store = new ReadingStore(em, dataSource, gw, Origin.LEGACY);
        store.lockMeteringPoint();
        String key = unsignedKey(gw.gatewayId(), body);
        Optional<IngestionReport> earlier = store.earlierAnswer(key);
        if (earlier.isPresent()) {
            return new IntakeResult(earlier.get(), 0, 0);
        }
        OptionalLong inserted = store.insertBatch(body, key, (String) null);
        if (inserted.isEmpty()) {
            return new IntakeResult(store.earlierAnswer(key).orElseThrow(() -> new IllegalStateException(
                    "upload " + key + " conflicts with a stored batch that is not this gateway's")), 0, 0);
        }
        long batchId = inserted.getAsLong();
        Instant now = Instant.now();
        SeriesRules.Verdict verdict = SeriesRules.check(values, gw.householdId(), now, store::storedAround);
        List<IngestionReport.Reject> rejects = new ArrayList<>(refusedBefore);
        verdict.rejects().forEach(r -> rejects.add(new IngestionReport.Reject(
                lineOf.applyAsInt(r.line() - SeriesRules.FIRST_VALUE_LINE), r.obis(), r.slotStart(), r.reason(), r.detail())));
        HighResolutionStore hiresStore = new HighResolutionStore(dataSource, gw, Origin.LEGACY);
        HighResolutionRules.Verdict fine = HighResolutionRules.check(hires, now,
                obis -> slotSeries(store, verdict, obis, hires), obis -> hiresAround(hiresStore, obis, hires));
        rejects.addAll(fine.rejects());
        ReadingStore.Counts stored = store.storeAll(batchId, verdict, rejects, new EichlogCheck.Verified(List.of(), false));
        int storedFine = hiresStore.insert(batchId, fine.toStore());
        IngestionReport report = new IngestionReport(batchId, false, stored.readings(), verdict.duplicates(), rejects.size(),
                stored.gaps(), List.copyOf(rejects));
        store.recordOutcome(batchId, report);
        return new IntakeResult(report, storedFine, fine.duplicates());
    }

    /**
     * The rule after a signed batch was opened, its Eichlog verified and the batch recorded ({@code batchId}): values
     * checked, TAF 6 answers, everything stored, outcome recorded.
     */
    IngestionReport accept(ReadingStore store, EntityManager em, DeviceIdentity gw, long batchId, List<BatchValue> values,
                           EichlogCheck.Verified eichlog) {
        SeriesRules.Verdict verdict = SeriesRules.check(values, gw.householdId(), Instant.now(), store::storedAround);
        Taf6Answers.Outcome answers = taf6Answers.store(em, gw, batchId, verdict.taf6());
        List<IngestionReport.Reject> rejects = new ArrayList<>(verdict.rejects());
        rejects.addAll(answers.rejects());
        ReadingStore.Counts stored = store.storeAll(batchId, verdict, rejects, eichlog);
        IngestionReport report = new IngestionReport(batchId, false, stored.readings() + answers.accepted(),
                verdict.duplicates() + answers.duplicates(), rejects.size(), stored.gaps(), List.copyOf(rejects));
        store.recordOutcome(batchId, report);
        return report;
    }

    /** The key of an unsigned body: per gateway, so two devices' identical buffers never meet on one batch row. */
    static String unsignedKey(String gatewayId, byte[] body) {
        byte[] prefix = ("smgwlite:" + gatewayId + ":").getBytes(StandardCharsets.UTF_8);
        byte[] keyed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, keyed, 0, prefix.length);
        System.arraycopy(body, 0, keyed, prefix.length, body.length);
        return ReadingStore.sha256(keyed);
    }

    private static TreeMap<Instant, BigDecimal> slotSeries(ReadingStore store, SeriesRules.Verdict verdict, String obis,
                                                           List<HighResolutionReading> hires) {
        Instant from = hires.stream().map(HighResolutionReading::at).min(Instant::compareTo).orElseThrow();
        Instant to = hires.stream().map(HighResolutionReading::at).max(Instant::compareTo).orElseThrow();
        TreeMap<Instant, BigDecimal> series = store.storedAround(obis, from, to);
        verdict.toStore().stream().filter(v -> v.obis().equals(obis)).forEach(v -> series.put(v.slotStart(), ValueRules.decimal(v)));
        return series;
    }

    private static TreeMap<Instant, BigDecimal> hiresAround(HighResolutionStore store, String obis, List<HighResolutionReading> hires) {
        Instant from = hires.stream().map(HighResolutionReading::at).min(Instant::compareTo).orElseThrow();
        Instant to = hires.stream().map(HighResolutionReading::at).max(Instant::compareTo).orElseThrow();
        return store.around(obis, from, to);
    }
}
