package org.smgwlite.platform.metering;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.smgwlite.metering.contract.BatchFormatException;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.pki.cms.BatchSignatureException;
import org.smgwlite.pki.profile.CertificateProfile;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.certificate.GatewayCertificate;
import org.smgwlite.platform.infra.PlatformDataSource;
import org.smgwlite.platform.metering.taf6.Taf6Answers;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * The one rule by which a signed day-after batch becomes stored readings. Identifies the gateway from its
 * client certificate, verifies the CMS signature against that gateway's signature certificates only, checks
 * every value, stores the good ones exactly once (one batch per metering point at a time; the key is metering
 * point, register and slot), records each missing quarter hour as a gap, keeps the signed body as received, verifies and
 * stores the Eichlog chain, and audits the outcome. TAF 6 values (on-demand readings) pass the same checks and
 * then go to {@link Taf6Answers}, apart from the TAF 7 series.
 *
 * <p>Invariants: a refused batch ({@link BatchRefusedException}) stores nothing (one transaction); the same
 * body a second time is answered with the first answer and changes nothing; a value that is already stored
 * with the same content counts as a duplicate, with other content it is rejected.
 */
@Stateless
public class ReadingIngestion {

    private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";
    private static final String GENESIS = "0".repeat(64);
    /** At most this many gap rows per register and batch (a month of quarter hours). */
    private static final int MAX_GAPS = 96 * 31;

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    EnrollmentService enrollment;

    @Inject
    AuditLog audit;

    @Inject
    Taf6Answers taf6Answers;

    /** The transaction's connection: Payara hands JPA and this DataSource the same one, tenant binding included. */
    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    public IngestionReport ingest(Optional<X509Certificate> clientCertificate, byte[] signedBody, String client) {
        DeviceIdentity gw = enrollment.identify(clientCertificate);
        String actor = "gateway:" + gw.gatewayId() + "@" + client;
        String subject = "gateway:" + gw.gatewayId();
        try (EntityManager em = entityManagers.forTenant(gw.tenant())) {
            IngestionReport report = ingest(em, gw, signedBody);
            audit.success(gw.tenant(), actor, AuditAction.READING_BATCH_STORED, subject,
                    "batch=" + report.batchId() + " repeated=" + report.repeated() + " accepted=" + report.accepted()
                            + " duplicates=" + report.duplicates() + " rejected=" + report.rejected() + " gaps=" + report.gaps());
            return report;
        } catch (BatchRefusedException e) {
            audit.refused(gw.tenant(), actor, AuditAction.READING_BATCH_REFUSED, subject, e.reason() + ": " + e.getMessage());
            throw e;
        }
    }

    private IngestionReport ingest(EntityManager em, DeviceIdentity gw, byte[] body) {
        // One batch of a metering point at a time, until commit: what stored() reads stays true until the insert,
        // so monotony is checked against everything stored and the insert needs no ON CONFLICT (a retry racing
        // its original waits here, then finds the original's answer).
        nativeQuery(em, "SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "meter_reading:" + gw.tenant().value() + ":" + gw.householdId()).getSingleResult();
        String sha256 = sha256(body);
        Optional<IngestionReport> earlier = earlierAnswer(em, gw, sha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        SignedBatches.Opened opened;
        try {
            opened = SignedBatches.open(body, signatureCertificates(em, gw));
        } catch (BatchSignatureException e) {
            boolean tooLarge = e.getMessage().contains("exceeds");
            throw new BatchRefusedException(tooLarge ? "TOO_LARGE" : e.reason().name(),
                    e.reason() == BatchSignatureException.Reason.UNKNOWN_SIGNER
                            || e.reason() == BatchSignatureException.Reason.SIGNER_NOT_VALID, e.getMessage());
        } catch (BatchFormatException e) {
            throw new BatchRefusedException("MALFORMED", false, e.getMessage());
        }
        ReadingBatch batch = opened.batch();
        if (!batch.gatewayId().equals(gw.gatewayId())) {
            throw new BatchRefusedException("GATEWAY_MISMATCH", true,
                    "batch names gateway " + batch.gatewayId() + " but the client certificate is " + gw.gatewayId());
        }
        List<String[]> eichlog = verifyEichlog(em, gw, batch.eichlog());

        List<?> inserted = nativeQuery(em, "INSERT INTO reading_batch (tenant_id, gateway_id, household_id, signed_body,"
                        + " body_sha256, signer_serial, accepted, rejected, duplicates, gaps) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 0, 0, 0)"
                        + " ON CONFLICT (tenant_id, body_sha256) DO NOTHING RETURNING id")
                .setParameter(1, gw.tenant().value()).setParameter(2, gw.gatewayId()).setParameter(3, gw.householdId())
                .setParameter(4, body).setParameter(5, sha256)
                .setParameter(6, opened.signer().getSerialNumber().toString(16))
                .getResultList();
        if (inserted.isEmpty()) {
            // the same body arrived twice at once (a retry racing its original): answer as the first one was
            return earlierAnswer(em, gw, sha256).orElseThrow(() -> new IllegalStateException(
                    "batch " + sha256 + " conflicts with a stored batch that is not this gateway's"));
        }
        long batchId = ((Number) inserted.get(0)).longValue();

        Instant now = Instant.now();
        List<IngestionReport.Reject> rejects = new ArrayList<>();
        Map<String, TreeMap<Instant, Candidate>> byRegister = new HashMap<>();
        List<Taf6Answers.Line> taf6 = new ArrayList<>();
        int line = 4;
        for (BatchValue v : batch.values()) {
            int at = line++;
            String broken = ValueRules.check(v, gw.householdId(), now);
            if (broken == null && v.taf() == 6) { // on-demand readings are not part of the TAF 7 series
                taf6.add(new Taf6Answers.Line(at, v));
                continue;
            }
            if (broken == null && byRegister.computeIfAbsent(v.obis(), k -> new TreeMap<>())
                    .putIfAbsent(v.slotStart(), new Candidate(at, v)) != null) {
                broken = "DUPLICATE_IN_BATCH: " + v.obis() + " at " + v.slotStart() + " appears twice in this batch";
            }
            if (broken != null) {
                rejects.add(reject(at, v, broken));
            }
        }

        int duplicates = 0;
        List<BatchValue> toStore = new ArrayList<>();
        List<Gap> gapRows = new ArrayList<>();
        Map<String, TreeMap<Instant, BigDecimal>> seriesOf = new HashMap<>();
        for (Map.Entry<String, TreeMap<Instant, Candidate>> register : byRegister.entrySet()) {
            String obis = register.getKey();
            TreeMap<Instant, Candidate> candidates = register.getValue();
            TreeMap<Instant, BigDecimal> stored = stored(em, gw, obis, candidates.firstKey(), candidates.lastKey());
            TreeMap<Instant, BigDecimal> series = new TreeMap<>(stored);
            Set<Instant> rejectedSlots = new HashSet<>();
            for (Candidate c : candidates.values()) {
                BigDecimal value = ValueRules.decimal(c.value());
                BigDecimal already = stored.get(c.value().slotStart());
                if (already != null) {
                    if (already.compareTo(value) == 0) {
                        duplicates++;
                    } else {
                        rejects.add(reject(c.line(), c.value(), "CONFLICTS_WITH_STORED: " + already.toPlainString()
                                + " is already stored for this slot"));
                    }
                    continue;
                }
                // the slot is not in the series yet (a stored one was handled above): its neighbours are around it
                String broken = ValueRules.isRegister(obis) ? ValueRules.between(series, value, c.value().slotStart()) : null;
                if (broken != null) {
                    rejects.add(reject(c.line(), c.value(), broken));
                    rejectedSlots.add(c.value().slotStart());
                    continue;
                }
                toStore.add(c.value());
                series.put(c.value().slotStart(), value);
            }
            findGaps(obis, candidates, series, rejectedSlots, gapRows);
            seriesOf.put(obis, series);
        }
        List<Taf6Answers.Line> taf6InSeries = new ArrayList<>();
        for (Taf6Answers.Line l : taf6) { // an on-demand register reading must fit between its 15-minute neighbours
            BatchValue v = l.value();
            String broken = null;
            if (ValueRules.isRegister(v.obis())) { // few values: one query each for the stored neighbours
                TreeMap<Instant, BigDecimal> around = stored(em, gw, v.obis(), v.slotStart(), v.slotStart());
                around.putAll(seriesOf.getOrDefault(v.obis(), new TreeMap<>())); // and this batch's accepted values
                broken = ValueRules.between(around, ValueRules.decimal(v), v.slotStart());
            }
            if (broken != null) {
                rejects.add(reject(l.line(), v, broken));
            } else {
                taf6InSeries.add(l);
            }
        }
        Taf6Answers.Outcome answers = taf6Answers.store(em, gw, batchId, taf6InSeries);
        duplicates += answers.duplicates();
        rejects.addAll(answers.rejects());
        int accepted;
        int gaps;
        try (Connection c = dataSource.getConnection()) {
            accepted = storeReadings(c, gw, batchId, toStore);
            fillGaps(c, gw, batchId, toStore);
            gaps = storeGaps(c, gw, batchId, gapRows);
            storeRejects(c, gw, batchId, rejects);
            storeEichlog(c, gw, batchId, eichlog);
        } catch (SQLException e) {
            throw new IllegalStateException("storing batch " + batchId + " of gateway " + gw.gatewayId() + " failed: "
                    + e.getMessage(), e);
        }
        accepted += answers.accepted();
        nativeQuery(em, "UPDATE reading_batch SET accepted = ?1, rejected = ?2, duplicates = ?3, gaps = ?4 WHERE id = ?5")
                .setParameter(1, accepted).setParameter(2, rejects.size()).setParameter(3, duplicates).setParameter(4, gaps)
                .setParameter(5, batchId).executeUpdate();
        return new IngestionReport(batchId, false, accepted, duplicates, rejects.size(), gaps, List.copyOf(rejects));
    }

    private record Candidate(int line, BatchValue value) {
    }

    private record Gap(String obis, Instant slot, String reason) {
    }

    /**
     * The values in one statement: each column travels as one array and {@code unnest} turns them back into
     * rows, so a week of a gateway's values is one round trip, not 1,344 (the difference between per-row
     * inserts and a rate near {@code COPY}). No value here is stored yet (checked under the metering point's
     * lock), so a plain INSERT; a row written past this service would fail the batch, which the gateway then
     * repeats and finds that value stored. Returns the rows inserted.
     */
    private static int storeReadings(Connection c, DeviceIdentity gw, long batchId, List<BatchValue> values) throws SQLException {
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
                                           ptb_level, flags, taf, batch_id)
                SELECT ?, ?, x.obis, to_timestamp(x.epoch), x.unscaled::numeric, x.scaler, x.unit, x.ptb, x.flags, x.taf, ?
                  FROM unnest(?::varchar[], ?::bigint[], ?::text[], ?::smallint[], ?::varchar[], ?::smallint[], ?::integer[],
                              ?::smallint[]) AS x(obis, epoch, unscaled, scaler, unit, ptb, flags, taf)""")) {
            ps.setString(1, gw.tenant().value());
            ps.setLong(2, gw.householdId());
            ps.setLong(3, batchId);
            ps.setArray(4, c.createArrayOf("varchar", obis));
            ps.setArray(5, c.createArrayOf("bigint", epoch));
            ps.setArray(6, c.createArrayOf("text", unscaled));
            ps.setArray(7, c.createArrayOf("smallint", scaler));
            ps.setArray(8, c.createArrayOf("varchar", unit));
            ps.setArray(9, c.createArrayOf("smallint", ptb));
            ps.setArray(10, c.createArrayOf("integer", flags));
            ps.setArray(11, c.createArrayOf("smallint", taf));
            return ps.executeUpdate();
        }
    }

    /** Gaps recorded earlier whose value this batch brought: marked filled by this batch, kept as history. */
    private static void fillGaps(Connection c, DeviceIdentity gw, long batchId, List<BatchValue> stored) throws SQLException {
        if (stored.isEmpty() || !openGapsBetween(c, gw, stored)) {
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

    /** Whether the household has an open gap between the first and last of {@code values}: the usual answer is no, cheaply. */
    private static boolean openGapsBetween(Connection c, DeviceIdentity gw, List<BatchValue> values) throws SQLException {
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

    private static int storeGaps(Connection c, DeviceIdentity gw, long batchId, List<Gap> gaps) throws SQLException {
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
            ps.setArray(4, c.createArrayOf("varchar", gaps.stream().map(Gap::obis).toArray(String[]::new)));
            ps.setArray(5, c.createArrayOf("bigint", gaps.stream().map(g -> g.slot().getEpochSecond()).toArray(Long[]::new)));
            ps.setArray(6, c.createArrayOf("varchar", gaps.stream().map(Gap::reason).toArray(String[]::new)));
            return ps.executeUpdate();
        }
    }

    private static void storeRejects(Connection c, DeviceIdentity gw, long batchId, List<IngestionReport.Reject> rejects)
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
            ps.setArray(7, c.createArrayOf("varchar", rejects.stream().map(IngestionReport.Reject::reason).toArray(String[]::new)));
            ps.setArray(8, c.createArrayOf("varchar", rejects.stream().map(r -> cut(r.detail(), 400)).toArray(String[]::new)));
            ps.executeUpdate();
        }
    }

    private static void storeEichlog(Connection c, DeviceIdentity gw, long batchId, List<String[]> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO eichlog_entry (tenant_id, gateway_id, n, at, type, line, hash, batch_id)
                SELECT ?, ?, x.n, x.at::timestamptz, x.type, x.line, x.hash, ?
                  FROM unnest(?::bigint[], ?::text[], ?::varchar[], ?::text[], ?::text[]) AS x(n, at, type, line, hash)
                ON CONFLICT DO NOTHING""")) {
            ps.setString(1, gw.tenant().value());
            ps.setString(2, gw.gatewayId());
            ps.setLong(3, batchId);
            ps.setArray(4, c.createArrayOf("bigint", entries.stream().map(e -> Long.parseLong(e[0])).toArray(Long[]::new)));
            ps.setArray(5, c.createArrayOf("text", entries.stream().map(e -> e[1]).toArray(String[]::new)));
            ps.setArray(6, c.createArrayOf("varchar", entries.stream().map(e -> cut(e[2], 40)).toArray(String[]::new)));
            ps.setArray(7, c.createArrayOf("text", entries.stream().map(e -> String.join("\t", e)).toArray(String[]::new)));
            ps.setArray(8, c.createArrayOf("text", entries.stream().map(e -> e[5]).toArray(String[]::new)));
            ps.executeUpdate();
        }
    }

    /**
     * Every quarter hour without a stored value between the register's last stored slot before this batch
     * (or the batch's first slot) and the batch's last slot: recorded, never filled.
     */
    private static void findGaps(String obis, TreeMap<Instant, Candidate> candidates, TreeMap<Instant, BigDecimal> series,
                                 Set<Instant> rejectedSlots, List<Gap> gaps) {
        if (candidates.values().stream().noneMatch(c -> c.value().taf() == 7)) {
            return;
        }
        Instant first = Optional.ofNullable(series.lowerKey(candidates.firstKey())).orElse(candidates.firstKey());
        Instant last = candidates.lastKey();
        int found = 0;
        for (Instant slot = first.plus(ValueRules.TAF7_PERIOD); slot.isBefore(last) && found < MAX_GAPS;
             slot = slot.plus(ValueRules.TAF7_PERIOD)) {
            if (series.containsKey(slot)) {
                continue;
            }
            gaps.add(new Gap(obis, slot, rejectedSlots.contains(slot) ? "REJECTED: the value sent for this slot was refused"
                    : "MISSING: no value received"));
            found++;
        }
    }

    /** Stored values of the register from the last one before {@code from} up to the first one after {@code to}. */
    private TreeMap<Instant, BigDecimal> stored(EntityManager em, DeviceIdentity gw, String obis, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nativeQuery(em, "SELECT CAST(extract(epoch FROM slot_start) AS bigint), CAST(value_unscaled AS text), scaler"
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

    private Optional<IngestionReport> earlierAnswer(EntityManager em, DeviceIdentity gw, String sha256) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nativeQuery(em, "SELECT id, accepted, duplicates, rejected, gaps FROM reading_batch"
                + " WHERE tenant_id = ?1 AND body_sha256 = ?2 AND gateway_id = ?3")
                .setParameter(1, gw.tenant().value()).setParameter(2, sha256).setParameter(3, gw.gatewayId())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        long id = ((Number) row[0]).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rejectRows = nativeQuery(em, "SELECT line, obis, CAST(extract(epoch FROM slot_start) AS bigint), reason, detail"
                + " FROM reading_reject WHERE tenant_id = ?1 AND batch_id = ?2 ORDER BY line")
                .setParameter(1, gw.tenant().value()).setParameter(2, id).getResultList();
        List<IngestionReport.Reject> rejects = rejectRows.stream().map(r -> new IngestionReport.Reject(((Number) r[0]).intValue(),
                (String) r[1], Instant.ofEpochSecond(((Number) r[2]).longValue()), (String) r[3], (String) r[4])).toList();
        return Optional.of(new IngestionReport(id, true, ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(), ((Number) row[4]).intValue(), rejects));
    }

    /** The gateway's signature certificates that are not revoked: the only keys a batch may be signed with. */
    private List<X509Certificate> signatureCertificates(EntityManager em, DeviceIdentity gw) {
        List<GatewayCertificate> rows = em.createQuery("SELECT c FROM GatewayCertificate c, Gateway g WHERE g.id = c.gatewayRef"
                        + " AND g.gatewayId = :gw AND c.profile = :p AND c.revokedAt IS NULL", GatewayCertificate.class)
                .setParameter("gw", gw.gatewayId()).setParameter("p", CertificateProfile.GATEWAY_SIGNATURE.name())
                .getResultList();
        if (rows.isEmpty()) {
            throw new BatchRefusedException("NO_SIGNATURE_CERTIFICATE", true,
                    "gateway " + gw.gatewayId() + " has no valid signature certificate (EST label 'signature')");
        }
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

    /**
     * Each entry's hash must be the SHA-256 of its first five fields, numbers consecutive, and each
     * previous-hash the hash of the entry before (in this batch or stored); entry 1 starts from zeros.
     */
    private List<String[]> verifyEichlog(EntityManager em, DeviceIdentity gw, List<String> lines) {
        List<String[]> entries = new ArrayList<>();
        String[] previous = null;
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw eichlogBroken("entry '" + cut(line, 60) + "' has " + f.length + " fields, expected 6");
            }
            long n;
            try {
                n = Long.parseLong(f[0]);
                Instant.parse(f[1]);
            } catch (RuntimeException e) {
                throw eichlogBroken("entry '" + cut(line, 60) + "': bad number or time");
            }
            if (!sha256(line.substring(0, line.lastIndexOf('\t')).getBytes(StandardCharsets.UTF_8)).equals(f[5])) {
                throw eichlogBroken("entry " + n + ": hash does not match its content");
            }
            String expectedPrev;
            if (previous != null) {
                if (n != Long.parseLong(previous[0]) + 1) {
                    throw eichlogBroken("entry " + n + " follows entry " + previous[0]);
                }
                expectedPrev = previous[5];
            } else if (n == 1) {
                expectedPrev = GENESIS;
            } else {
                @SuppressWarnings("unchecked")
                List<String> stored = nativeQuery(em, "SELECT hash FROM eichlog_entry WHERE tenant_id = ?1 AND gateway_id = ?2 AND n = ?3")
                        .setParameter(1, gw.tenant().value()).setParameter(2, gw.gatewayId()).setParameter(3, n - 1)
                        .getResultList();
                expectedPrev = stored.isEmpty() ? f[4] : stored.get(0).strip();
            }
            if (!expectedPrev.equals(f[4])) {
                throw eichlogBroken("entry " + n + ": previous hash does not match entry " + (n - 1));
            }
            entries.add(f);
            previous = f;
        }
        return entries;
    }

    private static BatchRefusedException eichlogBroken(String message) {
        return new BatchRefusedException("EICHLOG_BROKEN", false, "Eichlog chain broken: " + message);
    }

    private static IngestionReport.Reject reject(int line, BatchValue v, String broken) {
        int colon = broken.indexOf(':');
        return new IngestionReport.Reject(line, v.obis(), v.slotStart(), broken.substring(0, colon), broken.substring(colon + 2));
    }

    private static Query nativeQuery(EntityManager em, String sql) {
        return em.createNativeQuery(sql).setHint(NATIVE, true);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
