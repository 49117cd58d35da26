package org.smgwlite.agent.taf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.MeterReading;
import org.smgwlite.agent.meter.MeterTelegram;
import org.smgwlite.agent.meter.MeterValue;
import org.smgwlite.agent.meter.ObisCode;

/**
 * What one telegram said that the TAFs use: the energy registers and the power, with the receive time and the
 * gateway bits that applied at that moment (e.g. time not synchronised).
 *
 * @param power net active power (import positive), or {@code null} if the telegram carries none
 */
public record Snapshot(Instant at, String meterId, List<Register> registers, ExactValue power, int gatewayBits) {

    /** One energy register and the meter's status word for it ({@code null} if none was sent). */
    public record Register(ObisCode obis, ExactValue value, Long meterStatus) {
    }

    /**
     * TAF 7 registers: active energy import (1.8.x) and export (2.8.x) in Wh, total and every tariff (E = 0..9).
     */
    public static boolean isBillingRegister(ObisCode o) {
        return o != null && o.a() == 1 && (o.c() == 1 || o.c() == 2) && o.d() == 8 && o.e() <= 9;
    }

    /** Sum active power 16.7.0, else 1.7.0 minus 2.7.0 when the meter sends import and export power separately. */
    static ExactValue power(List<MeterReading> readings) {
        ExactValue imp = null;
        ExactValue exp = null;
        for (MeterReading r : readings) {
            ObisCode o = r.obis();
            if (o == null || o.a() != 1 || o.d() != 7 || o.e() != 0 || !(r.value() instanceof MeterValue.Number n)
                    || n.bigUnscaled() != null || !DlmsUnit.WATT.equals(n.unit())) {
                continue;
            }
            if (o.c() == 16) {
                return ExactValue.of(n);
            } else if (o.c() == 1) {
                imp = ExactValue.of(n);
            } else if (o.c() == 2) {
                exp = ExactValue.of(n);
            }
        }
        if (imp == null) {
            return null;
        }
        if (exp == null) {
            return imp;
        }
        int scaler = Math.min(imp.scaler(), exp.scaler());
        long a = imp.unscaled() * pow10(imp.scaler() - scaler);
        long b = exp.unscaled() * pow10(exp.scaler() - scaler);
        return new ExactValue(a - b, scaler, DlmsUnit.WATT);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /** The TAF view of a decoded telegram received at {@code at}. */
    public static Snapshot of(Instant at, MeterTelegram t, int gatewayBits) {
        List<Register> registers = new ArrayList<>(4);
        for (MeterReading r : t.readings()) {
            if (isBillingRegister(r.obis()) && r.value() instanceof MeterValue.Number n && n.bigUnscaled() == null) {
                registers.add(new Register(r.obis(), ExactValue.of(n), r.status()));
            }
        }
        return new Snapshot(at, java.util.HexFormat.of().formatHex(t.serverId()), List.copyOf(registers),
                power(t.readings()), gatewayBits);
    }
}
