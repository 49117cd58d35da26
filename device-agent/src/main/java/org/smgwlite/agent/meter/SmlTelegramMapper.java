package org.smgwlite.agent.meter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.smgwlite.agent.sml.structure.SignedBytes;
import org.smgwlite.agent.sml.structure.SmlFile;
import org.smgwlite.agent.sml.structure.SmlListEntry;
import org.smgwlite.agent.sml.structure.SmlMessage;
import org.smgwlite.agent.sml.structure.SmlMessageBody;
import org.smgwlite.agent.sml.structure.SmlQuirk;
import org.smgwlite.agent.sml.structure.SmlValue;
import org.smgwlite.agent.sml.transport.SmlFrame;

/**
 * Maps one decoded SML file to a {@link MeterTelegram}: OBIS codes, exact values with scaler and
 * unit, server id, manufacturer, public key; applies {@link MeterQuirk}s where the meter is known
 * to need them. Stateless.
 */
public final class SmlTelegramMapper {

    public MeterTelegram map(SmlFile file, SmlFrame.CrcVariant crcVariant) {
        byte[] serverId = null;
        List<MeterReading> readings = new ArrayList<>();
        List<SignedBytes> listSignatures = new ArrayList<>(1);
        Set<String> quirks = new LinkedHashSet<>();
        for (SmlQuirk q : file.quirks()) {
            quirks.add(q.name());
        }
        if (crcVariant != SmlFrame.CrcVariant.X25) {
            quirks.add(crcVariant.name());
        }
        byte[] openServerId = null;
        for (SmlMessage message : file.messages()) {
            SmlMessageBody body = message.body();
            if (body instanceof SmlMessageBody.OpenResponse) {
                openServerId = ((SmlMessageBody.OpenResponse) body).serverId();
            } else if (body instanceof SmlMessageBody.GetListResponse) {
                SmlMessageBody.GetListResponse list = (SmlMessageBody.GetListResponse) body;
                if (serverId == null) {
                    serverId = list.serverId();
                }
                boolean dzgBug = DzgMeters.hasUnsignedPowerBug(list.serverId());
                for (SmlListEntry entry : list.valList()) {
                    if (entry.value() == null) {
                        continue; // "not set": there is nothing to read, only the OBIS code
                    }
                    MeterReading reading = reading(entry, dzgBug);
                    if (reading.quirk() != null) {
                        quirks.add(reading.quirk().name());
                    }
                    readings.add(reading);
                }
                if (list.listSignature() != null) {
                    listSignatures.add(list.listSignature());
                }
            }
        }
        if (serverId == null) {
            serverId = openServerId != null ? openServerId : new byte[0];
        }
        return new MeterTelegram(file.offset(), serverId, manufacturer(readings, serverId), publicKey(readings),
                List.copyOf(readings), List.copyOf(listSignatures), Set.copyOf(quirks));
    }

    static MeterReading reading(SmlListEntry entry, boolean dzgUnsignedPowerBug) {
        ObisCode obis = ObisCode.fromBytes(entry.objName());
        int scaler = entry.scaler() == null ? 0 : entry.scaler();
        DlmsUnit unit = entry.unit() == null ? null : DlmsUnit.of(entry.unit());
        MeterQuirk quirk = null;
        MeterValue value;
        SmlValue v = entry.value();
        if (v instanceof SmlValue.Signed) {
            SmlValue.Signed s = (SmlValue.Signed) v;
            long n = s.value();
            if (dzgUnsignedPowerBug && n < 0 && s.width() <= 3 && obis != null && obis.isActivePower()) {
                n &= (1L << (8 * s.width())) - 1;
                quirk = MeterQuirk.DZG_UNSIGNED_POWER;
            }
            value = MeterValue.Number.of(n, scaler, unit);
        } else if (v instanceof SmlValue.Unsigned) {
            SmlValue.Unsigned u = (SmlValue.Unsigned) v;
            value = u.bits() >= 0 ? MeterValue.Number.of(u.bits(), scaler, unit)
                    : MeterValue.Number.of(u.toBigInteger(), scaler, unit);
        } else if (v instanceof SmlValue.Bytes) {
            value = new MeterValue.Octets(((SmlValue.Bytes) v).value());
        } else {
            value = new MeterValue.Flag(((SmlValue.Bool) v).value());
        }
        return new MeterReading(obis, entry.objName(), value, entry.status(), entry.valTime(), entry.signature(),
                quirk);
    }

    /** From the manufacturer entries if present, otherwise from the FLAG id inside the server id. */
    static String manufacturer(List<MeterReading> readings, byte[] serverId) {
        for (MeterReading r : readings) {
            if ((ObisCode.MANUFACTURER.equals(r.obis()) || ObisCode.MANUFACTURER_EDL.equals(r.obis()))
                    && r.value() instanceof MeterValue.Octets) {
                return new String(((MeterValue.Octets) r.value()).bytes(), StandardCharsets.US_ASCII);
            }
        }
        for (int i = 0; i + 3 <= Math.min(serverId.length, 5); i++) {
            if (isFlagLetter(serverId[i]) && isFlagLetter(serverId[i + 1]) && isFlagLetter(serverId[i + 2])) {
                return new String(serverId, i, 3, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static boolean isFlagLetter(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }

    static byte[] publicKey(List<MeterReading> readings) {
        for (MeterReading r : readings) {
            if (ObisCode.PUBLIC_KEY.equals(r.obis()) && r.value() instanceof MeterValue.Octets) {
                return ((MeterValue.Octets) r.value()).bytes();
            }
        }
        return null;
    }

}
