package org.smgwlite.platform.metering;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.metering.contract.EichlogLink;
import org.smgwlite.pki.profile.CertificateProfile;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.certificate.GatewayCertificate;
import org.smgwlite.platform.metering.substitute.SubstituteRows;

/**
 * The SQL of one batch of one gateway, in the ingestion's transaction: the metering point's lock, the earlier answer
 * to the same body, the gateway's signature certificates, the stored neighbours the rules compare with, and the
 * bulk inserts. Holds no rule; each instance serves one batch.
 *
 * <p>Over 300 lines on purpose: it is the batch's whole SQL in one place, each statement tuned for a week of values
 * in one round trip (arrays and {@code unnest}), and read together with the schema in db-migrations.
 */
final class ReadingStore {

    private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

    private final EntityManager em;
    /** The transaction's connection: Payara hands JPA and this DataSource the same one, tenant binding included. */
    private final DataSource dataSource;
    private final DeviceIdentity gw;
    private final Origin origin;
    private final StoredEichlog eichlog;

    ReadingStore(EntityManager em, DataSource dataSource, DeviceIdentity gw) {
        this(em, dataSource, gw, Origin.SIGNED);
    }

    /** @param origin stored with the batch and each of its values */
    ReadingStore(EntityManager em, DataSource dataSource, DeviceIdentity gw, Origin origin) {
        this.em = em;
        this.dataSource = dataSource;
        this.gw = gw;
        this.origin = origin;
        this.eichlog = new StoredEichlog(em, gw);
    }

    /**
     * One batch of a metering point at a time, until commit: what {@link #storedAround} reads stays true until the
     * insert, so monotony is checked against everything stored and the insert needs no ON CONFLICT (a retry racing
     * its original waits here, then finds the original's answer).
     */
    void lockMeteringPoint() {
        nativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "meter_reading:" + gw.tenant().value() + ":" + gw.householdId()).getSingleResult();
    }

    /**
     * Records the batch as received; empty if the same body arrived twice at once (a retry racing its original),
     * which then has an {@link #earlierAnswer}.
     */
    OptionalLong insertBatch(byte[] body, String sha256, X509Certificate signer) {
        return insertBatch(body, sha256, signer.getSerialNumber().toString(16));
    }

    /** As {@link #insertBatch(byte[], String, X509Certificate)}; {@code signerSerial} null for an unsigned body. */
    OptionalLong insertBatch(byte[] body, String sha256, String signerSerial) {
        List<?> inserted = nativeQuery("INSERT INTO reading_batch (tenant_id, gateway_id, household_id, signed_body,"
                        + " body_sha256, signer_serial, accepted, rejected, duplicates, gaps, origin)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS varchar), 0, 0, 0, 0, ?7)"
                        + " ON CONFLICT (tenant_id, body_sha256) DO NOTHING RETURNING id")
                .setParameter(1, gw.tenant().value()).setParameter(2, gw.gatewayId()).setParameter(3, gw.householdId())
                .setParameter(4, body).setParameter(5, sha256)
                .setParameter(6, signerSerial).setParameter(7, origin.column())
                .getResultList();
        return inserted.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) inserted.get(0)).longValue());
    }

    /** Everything the rules accepted or refused, in the batch's rows; returns the values and gaps inserted. */
    Counts storeAll(long batchId, SeriesRules.Verdict verdict, List<IngestionReport.Reject> rejects, EichlogCheck.Verified eichlog) {
        try (Connection c = dataSource.getConnection()) {
            int accepted = storeReadings(c, batchId, verdict.toStore());
            fillGaps(c, batchId, verdict.toStore());
            replaceSubstitutes(c, batchId, verdict.toStore());
            int gaps = storeGaps(c, batchId, verdict.gaps());
            storeRejects(c, batchId, rejects);
            storeEichlog(c, batchId, eichlog);
            return new Counts(accepted, gaps);
        } catch (SQLException e) {
            throw new IllegalStateException("storing batch " + batchId + " of gateway " + gw.gatewayId() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Rows inserted by {@link #storeAll}. */
    record Counts(int readings, int gaps) {
    }

    /** The batch's row gets its outcome, the answer to a repeated upload. */
    void recordOutcome(long batchId, IngestionReport report) {
        nativeQuery("UPDATE reading_batch SET accepted = ?1, rejected = ?2, duplicates = ?3, gaps = ?4 WHERE id = ?5")
                .setParameter(1, report.accepted()).setParameter(2, report.rejected()).setParameter(3, report.duplicates())
                .setParameter(4, report.gaps()).setParameter(5, batchId).executeUpdate();
    }

    /**
     * The values in one statement: each column travels as one array and {@code unnest} turns them back into
     * rows, so a week of a gateway's values is one round trip, not 1,344 (the difference between per-row
     * inserts and a rate near {@code COPY}). No value here is stored yet (checked under the metering point's
     * lock), so a plain INSERT; a row written past this service would fail the batch, which the gateway then
     * repeats and finds that value stored. Returns the rows inserted.
     */
    private int storeReadings(Connection c, long batchId, List<BatchValue> values) throws SQLException {
        if (values.isEmpty()) {
            return 0;
        }
        int n = values.size();
        String[] obis = new String[n];
        Long[] epoch = new Long[n];
        String[] unscaled = new String[n];
        Short[] scaler = new Short[n];
        String[] unit = new String[n];
        Short[] ptb = new Short[n];
        Integer[] flags = new Integer[n];
        Short[] taf = new Short[n];
        for (int i = 0; i < n; i++) {
            BatchValue v = values.get(i);
            obis[i] = v.obis();
            epoch[i] = v.slotStart().getEpochSecond();
            unscaled[i] = v.unscaled().toString();
            scaler[i] = (short) v.scaler();
            unit[i] = v.unit();
            ptb[i] = (short) v.ptbLevel();
            flags[i] = v.flags();
            taf[i] = (short) v.taf();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,
                                           ptb_level, flags, taf, batch_id, origin)
                SELECT ?, ?, x.obis, to_timestamp(x.epoch), x.unscaled::numeric, x.scaler, x.unit, x.ptb, x.flags, x.taf, ?, ?
                  FROM unnest(?::varchar[], ?::bigint[], ?::text[], ?::smallint[], ?::varchar[], ?::smallint[], ?::integer[],
                              ?::smallint[]) AS x(obis, epoch, unscaled, scaler, unit, ptb, flags, taf)""")) {
            ps.setString(1, gw.tenant().value());
            ps.setLong(2, gw.householdId());
            ps.setLong(3, batchId);
            ps.setString(4, origin.column());
            ps.setArray(5, c.createArrayOf("varchar", obis));
            ps.setArray(6, c.createArrayOf("bigint", epoch));
            ps.setArray(7, c.createArrayOf("text", unscaled));
            ps.setArray(8, c.createArrayOf("smallint", scaler));
            ps.setArray(9, c.createArrayOf("varchar", unit));
            ps.setArray(10, c.createArrayOf("smallint", ptb));
            ps.setArray(11, c.createArrayOf("integer", flags));
            ps.setArray(12, c.createArrayOf("smallint", taf));
            return ps.executeUpdate();
        }
    }

    /** Gaps recorded earlier whose value this batch brought: marked filled by this batch, kept as history. */
    private void fillGaps(Connection c, long batchId, List<BatchValue> stored) throws SQLException {
        if (stored.isEmpty() || !openGapsBetween(c, stored)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE reading_gap g SET filled_batch_id = ?, filled_at = now()
                  FROM unnest(?::varchar[], ?::bigint[]) AS x(obis, epoch)
                 WHERE g.tenant_id = ? AND g.household_id = ? AND g.obis = x.obis AND g.slot_start = to_timestamp(x.epoch)
                   AND g.filled_batch_id IS NULL""")) {
            ps.setLong(1, batchId);
            ps.setArray(2, c.createArrayOf("varchar", stored.stream().map(BatchValue::obis).toArray(String[]::new)));
            ps.setArray(3, c.createArrayOf("bigint", stored.stream().map(v -> v.slotStart().getEpochSecond()).toArray(Long[]::new)));
            ps.setString(4, gw.tenant().value());
            ps.setLong(5, gw.householdId());
            ps.executeUpdate();
        }
    }

    /**
     * Substitute values (Ersatzwerte) on slots this batch brought true values for: marked replaced by this batch, with
     * the rest of their gap, kept as history ({@link SubstituteRows#replaceByTrueValues}; one statement).
     */
    private void replaceSubstitutes(Connection c, long batchId, List<BatchValue> stored) throws SQLException {
        if (stored.isEmpty()) {
            return;
        }
        SubstituteRows.replaceByTrueValues(c, gw.tenant().value(), gw.householdId(), batchId,
                stored.stream().map(BatchValue::obis).toArray(String[]::new),
                stored.stream().map(v -> v.slotStart().getEpochSecond()).toArray(Long[]::new));
    }

    /** Whether the household has an open gap between the first and last of {@code values}: the usual answer is no, cheaply. */
    private boolean openGapsBetween(Connection c, List<BatchValue> values) throws SQLException {
        Instant first = values.stream().map(BatchValue::slotStart).min(Instant::compareTo).orElseThrow();
        Instant last = values.stream().map(BatchValue::slotStart).max(Instant::compareTo).orElseThrow();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM reading_gap WHERE tenant_id = ? AND household_id = ? AND filled_batch_id IS NULL
                                  AND slot_start BETWEEN to_timestamp(?) AND to_timestamp(?))""")) {
            ps.setString(1, gw.tenant().value());
            ps.setLong(2, gw.householdId());
            ps.setLong(3, first.getEpochSecond());
            ps.setLong(4, last.getEpochSecond());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private int storeGaps(Connection c, long batchId, List<SeriesRules.Gap> gaps) throws SQLException {
        if (gaps.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reading_gap (tenant_id, household_id, obis, slot_start, reason, batch_id)
                SELECT ?, ?, x.obis, to_timestamp(x.epoch), x.reason, ?
                  FROM unnest(?::varchar[], ?::bigint[], ?::varchar[]) AS x(obis, epoch, reason)
                ON CONFLICT DO NOTHING""")) {
            ps.setString(1, gw.tenant().value());
            ps.setLong(2, gw.householdId());
            ps.setLong(3, batchId);
            ps.setArray(4, c.createArrayOf("varchar", gaps.stream().map(SeriesRules.Gap::obis).toArray(String[]::new)));
            ps.setArray(5, c.createArrayOf("bigint", gaps.stream().map(g -> g.slot().getEpochSecond()).toArray(Long[]::new)));
            ps.setArray(6, c.createArrayOf("varchar", gaps.stream().map(SeriesRules.Gap::reason).toArray(String[]::new)));
            return ps.executeUpdate();
        }
    }

    private void storeRejects(Connection c, long batchId, List<IngestionReport.Reject> rejects)
            throws SQLException {
        if (rejects.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reading_reject (tenant_id, batch_id, line, household_id, obis, slot_start, reason, detail)
                SELECT ?, ?, x.line, ?, x.obis, to_timestamp(x.epoch), x.reason, x.detail
                  FROM unnest(?::integer[], ?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[])
                       AS x(line, obis, epoch, reason, detail)""")) {
            ps.setString(1, gw.tenant().value());
            ps.setLong(2, batchId);
            ps.setLong(3, gw.householdId());
            ps.setArray(4, c.createArrayOf("integer", rejects.stream().map(IngestionReport.Reject::line).toArray(Integer[]::new)));
            ps.setArray(5, c.createArrayOf("varchar", rejects.stream().map(IngestionReport.Reject::obis).toArray(String[]::new)));
            ps.setArray(6, c.createArrayOf("bigint", rejects.stream().map(r -> r.slotStart().getEpochSecond()).toArray(Long[]::new)));
            ps.setArray(7, c.createArrayOf("varchar", rejects.stream().map(r -> r.reason().name()).toArray(String[]::new)));
            ps.setArray(8, c.createArrayOf("varchar", rejects.stream().map(r -> cut(r.detail(), 400)).toArray(String[]::new)));
            ps.executeUpdate();
        }
    }

    /** Into the current chain, or a new one after a reset; an entry stored before (checked equal) is skipped. */
    private void storeEichlog(Connection c, long batchId, EichlogCheck.Verified verified) throws SQLException {
        List<EichlogLink> entries = verified.entries();
        if (entries.isEmpty()) {
            return;
        }
        int chain = verified.newChain() ? eichlog.chain() + 1 : Math.max(eichlog.chain(), 1);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO eichlog_entry (tenant_id, gateway_id, chain, n, at, type, line, hash, batch_id)
                SELECT ?, ?, ?, x.n, x.at::timestamptz, x.type, x.line, x.hash, ?
                  FROM unnest(?::bigint[], ?::text[], ?::varchar[], ?::text[], ?::text[]) AS x(n, at, type, line, hash)
                ON CONFLICT DO NOTHING""")) {
            ps.setString(1, gw.tenant().value());
            ps.setString(2, gw.gatewayId());
            ps.setInt(3, chain);
            ps.setLong(4, batchId);
            ps.setArray(5, c.createArrayOf("bigint", entries.stream().map(EichlogLink::n).toArray(Long[]::new)));
            ps.setArray(6, c.createArrayOf("text", entries.stream().map(e -> e.time().toString()).toArray(String[]::new)));
            ps.setArray(7, c.createArrayOf("varchar", entries.stream().map(e -> cut(e.type(), 40)).toArray(String[]::new)));
            ps.setArray(8, c.createArrayOf("text", entries.stream().map(EichlogLink::line).toArray(String[]::new)));
            ps.setArray(9, c.createArrayOf("text", entries.stream().map(EichlogLink::hash).toArray(String[]::new)));
            ps.executeUpdate();
        }
    }
    /** Stored values of the register from the last one before {@code from} up to the first one after {@code to}. */
    TreeMap<Instant, BigDecimal> storedAround(String obis, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nativeQuery("SELECT CAST(extract(epoch FROM slot_start) AS bigint), CAST(value_unscaled AS text), scaler"
                + " FROM meter_reading WHERE tenant_id = ?1 AND household_id = ?2 AND obis = ?3 AND slot_start >= coalesce("
                + " (SELECT max(slot_start) FROM meter_reading WHERE tenant_id = ?1 AND household_id = ?2 AND obis = ?3"
                + "  AND slot_start < CAST(?4 AS timestamptz)), CAST(?4 AS timestamptz))"
                + " AND slot_start <= coalesce((SELECT min(slot_start) FROM meter_reading WHERE tenant_id = ?1 AND household_id = ?2"
                + "  AND obis = ?3 AND slot_start > CAST(?5 AS timestamptz)), CAST(?5 AS timestamptz))")
                .setParameter(1, gw.tenant().value()).setParameter(2, gw.householdId()).setParameter(3, obis)
                .setParameter(4, from.toString()).setParameter(5, to.toString())
                .getResultList();
        TreeMap<Instant, BigDecimal> result = new TreeMap<>();
        for (Object[] row : rows) {
            result.put(Instant.ofEpochSecond(((Number) row[0]).longValue()),
                    new BigDecimal(new BigInteger((String) row[1]), -((Number) row[2]).intValue()));
        }
        return result;
    }

    /** The answer this gateway got for the same body before (its rejects included), if it sent it before. */
    Optional<IngestionReport> earlierAnswer(String sha256) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nativeQuery("SELECT id, accepted, duplicates, rejected, gaps FROM reading_batch"
                + " WHERE tenant_id = ?1 AND body_sha256 = ?2 AND gateway_id = ?3")
                .setParameter(1, gw.tenant().value()).setParameter(2, sha256).setParameter(3, gw.gatewayId())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        long id = ((Number) row[0]).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rejectRows = nativeQuery("SELECT line, obis, CAST(extract(epoch FROM slot_start) AS bigint), reason, detail"
                + " FROM reading_reject WHERE tenant_id = ?1 AND batch_id = ?2 ORDER BY line")
                .setParameter(1, gw.tenant().value()).setParameter(2, id).getResultList();
        List<IngestionReport.Reject> rejects = rejectRows.stream().map(r -> new IngestionReport.Reject(((Number) r[0]).intValue(),
                (String) r[1], Instant.ofEpochSecond(((Number) r[2]).longValue()), RejectReason.valueOf((String) r[3]),
                (String) r[4])).toList();
        return Optional.of(new IngestionReport(id, true, ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(), ((Number) row[4]).intValue(), rejects));
    }

    /** The gateway's signature certificates that are not revoked: the only keys a batch may be signed with. */
    List<X509Certificate> signatureCertificates() {
        List<GatewayCertificate> rows = em.createQuery("SELECT c FROM GatewayCertificate c, Gateway g WHERE g.id = c.gatewayRef"
                        + " AND g.gatewayId = :gw AND c.profile = :p AND c.revokedAt IS NULL", GatewayCertificate.class)
                .setParameter("gw", gw.gatewayId()).setParameter("p", CertificateProfile.GATEWAY_SIGNATURE.name())
                .getResultList();
        List<X509Certificate> result = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (GatewayCertificate c : rows) {
                result.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(c.pem().getBytes(StandardCharsets.US_ASCII))));
            }
        } catch (CertificateException e) {
            throw new IllegalStateException("stored certificate cannot be read", e);
        }
        return result;
    }

    /** The gateway's current Eichlog chain, for {@link EichlogCheck}. */
    EichlogCheck.StoredChain storedEichlog() {
        return eichlog;
    }

    private Query nativeQuery(String sql) {
        return em.createNativeQuery(sql).setHint(NATIVE, true);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
