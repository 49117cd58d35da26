package org.smgwlite.platform.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.pki.profile.CertificateProfile;

/**
 * What {@link SizingBenchmark} loads: the first {@code days} days of {@code year} from 1 January, as signed day bodies
 * (made once) and as each household's readings streamed into one {@code COPY} per household, so that memory stays that
 * of one household whatever the number of households.
 */
final class SizingData {

    static final String TENANT = "sizing";
    private static final String[] OBIS = {"1-0:1.8.0*255", "1-0:2.8.0*255"};
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00'").withZone(ZoneOffset.UTC);
    private static final String COPY = "COPY meter_reading (tenant_id, household_id, obis, slot_start, value_unscaled, scaler, unit,"
            + " ptb_level, flags, taf, batch_id, received_at) FROM STDIN";

    private final Instant first;
    private final int days;
    /** The quarter hours' slot_start in COPY text, shared by all households. */
    private final String[] slots;

    SizingData(int year, int days) {
        this.first = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.days = days;
        this.slots = new String[days * 96];
        for (int q = 0; q < slots.length; q++) {
            slots[q] = SLOT.format(first.plus(Duration.ofMinutes(15L * q)));
        }
    }

    /** One real signed day body per day of one gateway (192 values and an Eichlog line each), as the agent uploads them. */
    List<byte[]> signedDays() {
        CertificateAuthority ca = CaHierarchy.createTenantCa(CaHierarchy.createRoot("Sizing Root", CurvePolicy.NIST,
                Duration.ofDays(30)), TenantId.of(TENANT), CurvePolicy.NIST, Duration.ofDays(20));
        KeyPair keys = GatewayRequests.newKeyPair(Curve.P256);
        GatewayId gw = GatewayId.of("EDEF0000000001");
        X509Certificate cert = ca.issueGatewayCertificate(Csr.fromDer(GatewayRequests.csrDer(keys, gw)), gw,
                CertificateProfile.GATEWAY_SIGNATURE).certificate();
        List<byte[]> bodies = new ArrayList<>();
        long[][] registers = registers(1, slots.length);
        for (int d = 0; d < days; d++) {
            Instant day = first.plus(Duration.ofDays(d));
            List<BatchValue> values = new ArrayList<>();
            for (int slot = 0; slot < 96; slot++) {
                int q = d * 96 + slot;
                for (int r = 0; r < 2; r++) {
                    values.add(new BatchValue(1, 7, day.plus(Duration.ofMinutes(15L * slot)), OBIS[r],
                            BigInteger.valueOf(registers[r][q]), -1, "Wh", 3, 0));
                }
            }
            bodies.add(SignedBatches.sign(new ReadingBatch(gw.value(), day.plus(Duration.ofMinutes(1450)), values,
                    List.of(d + 1 + "\t" + day + "\tDAY\tclosed\t" + "0".repeat(64) + "\t" + "a".repeat(64))), keys.getPrivate(), cert));
        }
        return bodies;
    }

    /**
     * A household's two registers in 0.1 Wh, quarter hour by quarter hour: import from 5 MWh on, 0-160 Wh a quarter hour
     * at random (about 3,500 kWh a year); export (PV feed-in) 0-250 Wh a quarter hour around midday only. Random, not a
     * formula, so that the archive's compression is not flattered by regular values.
     */
    private static long[][] registers(long household, int quarterHours) {
        SplittableRandom random = new SplittableRandom(household);
        long[][] values = new long[2][quarterHours];
        long in = 50_000_000L + random.nextLong(10_000_000L);
        long out = 2_000_000L + random.nextLong(1_000_000L);
        for (int q = 0; q < quarterHours; q++) {
            in += random.nextInt(1_600);
            int slot = q % 96;
            out += slot > 36 && slot < 68 ? random.nextInt(2_500) : 0;
            values[0][q] = in;
            values[1][q] = out;
        }
        return values;
    }

    /** Household {@code h}'s readings written into one COPY as they are made (batch ids {@code h * 1000 + day}). */
    void copy(PGConnection connection, long h) throws SQLException, IOException {
        long[][] values = registers(h, slots.length);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(connection, COPY, 1 << 16),
                StandardCharsets.US_ASCII), 1 << 16)) {
            for (int q = 0; q < slots.length; q++) {
                long batch = h * 1000 + q / 96;
                String received = slots[Math.min(slots.length - 1, (q / 96 + 1) * 96)];
                for (int r = 0; r < 2; r++) {
                    out.append(TENANT).append('\t').append(Long.toString(h)).append('\t').append(OBIS[r]).append('\t')
                            .append(slots[q]).append('\t').append(Long.toString(values[r][q])).append("\t-1\tWh\t3\t0\t7\t")
                            .append(Long.toString(batch)).append('\t').append(received).append('\n');
                }
            }
        }
    }
}
