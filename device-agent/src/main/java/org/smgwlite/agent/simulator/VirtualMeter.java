package org.smgwlite.agent.simulator;

import java.time.Instant;

import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.meter.SmlTelegramWriter;
import org.smgwlite.agent.sml.structure.SmlTime;

/**
 * One simulated two-direction household meter (eHZ-like): registers 1.8.0/1.8.1/1.8.2 (import total, high and
 * low tariff), 2.8.0 (export), power 16.7.0 (net, negative when exporting), FNN status word with the export bit.
 *
 * <p>Invariant: registers only grow and are integrated exactly from the power: the energy of each step is
 * {@code centiwatts * seconds}, accumulated in a remainder below the register's 0.1 Wh resolution, so no
 * energy is lost or invented by rounding.
 */
public final class VirtualMeter {

    public static final ObisCode IMPORT = ObisCode.parse("1-0:1.8.0*255");
    public static final ObisCode IMPORT_T1 = ObisCode.parse("1-0:1.8.1*255");
    public static final ObisCode IMPORT_T2 = ObisCode.parse("1-0:1.8.2*255");
    public static final ObisCode EXPORT = ObisCode.parse("1-0:2.8.0*255");
    public static final ObisCode POWER = ObisCode.parse("1-0:16.7.0*255");

    /** centiwatt-seconds per 0.1 Wh: 0.1 Wh = 360 W s = 36 000 cW s. */
    private static final long CWS_PER_DECIWATTHOUR = 36_000;

    private final byte[] serverId;
    private final LoadProfile profile;
    private final boolean pv;
    private long importT1;
    private long importT2;
    private long export;
    private long importRest;
    private long exportRest;
    private long power;
    private long secIndex;
    private int telegrams;

    /**
     * @param number      makes the server id unique in a fleet
     * @param pvPeakWatts 0 for a consumption-only household
     */
    public VirtualMeter(int number, long seed, long pvPeakWatts) {
        this.serverId = new byte[] {0x0a, 0x01, 'S', 'I', 'M', 0x00, (byte) (number >>> 24), (byte) (number >>> 16),
                (byte) (number >>> 8), (byte) number};
        this.profile = new LoadProfile(seed ^ number * 0x9E3779B97F4A7C15L, pvPeakWatts);
        this.pv = pvPeakWatts > 0;
        this.importT1 = 12_345_670L + number * 1000L;   // 1 234 567.0 Wh
        this.importT2 = 4_567_890L;
        this.secIndex = 10_000_000L + number;
    }

    /**
     * What a meter keeps between runs: its registers in 0.1 Wh and its seconds index. A simulation that stops and
     * later continues restores them, so the readings it sends keep growing from where they were.
     */
    public record Registers(long importT1, long importT2, long export, long secIndex) {
        public Registers {
            if (importT1 < 0 || importT2 < 0 || export < 0 || secIndex < 0) {
                throw new IllegalArgumentException("meter registers cannot be negative: " + importT1 + ", " + importT2
                        + ", " + export + ", " + secIndex);
            }
        }
    }

    /** The registers now (the energy of the step in progress below 0.1 Wh is not included). */
    public Registers registers() {
        return new Registers(importT1, importT2, export, secIndex);
    }

    /** Continues from registers saved by an earlier run of the same meter. */
    public void restore(Registers saved) {
        this.importT1 = saved.importT1();
        this.importT2 = saved.importT2();
        this.export = saved.export();
        this.secIndex = saved.secIndex();
    }

    public byte[] serverId() {
        return serverId.clone();
    }

    /** Runs the meter for {@code seconds} ending at {@code t}: power at t, energy integrated over the step. */
    public void step(Instant t, int seconds) {
        long net = profile.consumption(t, seconds) - profile.production(t, seconds);
        power = net;
        if (net >= 0) {
            importRest += net * seconds;
            long dWh = importRest / CWS_PER_DECIWATTHOUR;
            importRest -= dWh * CWS_PER_DECIWATTHOUR;
            if (isHighTariff(t)) {
                importT1 += dWh;
            } else {
                importT2 += dWh;
            }
        } else {
            exportRest += -net * seconds;
            long dWh = exportRest / CWS_PER_DECIWATTHOUR;
            exportRest -= dWh * CWS_PER_DECIWATTHOUR;
            export += dWh;
        }
        secIndex += seconds;
    }

    /** High tariff 06:00..22:00 local (UTC+1). */
    static boolean isHighTariff(Instant t) {
        long h = Math.floorMod(t.getEpochSecond() + 3600, 86_400) / 3600;
        return h >= 6 && h < 22;
    }

    /** The SML telegram the meter pushes now, framed, as on the optical interface. */
    public byte[] telegram() {
        long status = 0x100 | (power < 0 ? 0x20 : 0);
        int n = telegrams++;
        SmlTelegramWriter w = SmlTelegramWriter.forServer(serverId)
                .ids(new byte[] {(byte) (n >>> 16), (byte) (n >>> 8), (byte) n}, new byte[] {(byte) (n >>> 8), (byte) n})
                .sensorTime(new SmlTime.SecIndex(secIndex))
                .number(IMPORT, status, null, DlmsUnit.WATT_HOUR, -1, importT1 + importT2, false, 8)
                .number(IMPORT_T1, null, null, DlmsUnit.WATT_HOUR, -1, importT1, false, 8)
                .number(IMPORT_T2, null, null, DlmsUnit.WATT_HOUR, -1, importT2, false, 8);
        if (pv) {
            w.number(EXPORT, status, null, DlmsUnit.WATT_HOUR, -1, export, false, 8);
        }
        return w.number(POWER, null, null, DlmsUnit.WATT, -2, power, true, 4).build();
    }

    /** Import total in 0.1 Wh, for tests. */
    public long importDeciWattHours() {
        return importT1 + importT2;
    }

    public long exportDeciWattHours() {
        return export;
    }
}
