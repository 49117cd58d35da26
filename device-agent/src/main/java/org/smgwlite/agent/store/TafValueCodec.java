package org.smgwlite.agent.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.status.ValueStatus;
import org.smgwlite.agent.taf.ExactValue;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;

/**
 * Binary form of a {@link TafValue} inside a journal record (version 1). The sequence number is the journal's and
 * is not repeated here. Times are epoch milliseconds; values keep unscaled, scaler and unit code.
 */
final class TafValueCodec {

    static final int VERSION = 1;
    private static final int HAS_VALUE = 1;
    private static final int HAS_METER_STATUS = 2;
    private static final int HAS_UNIT = 4;
    /** A TAF 6 reading that answers a platform request; records written before this bit existed never set it. */
    private static final int HAS_REQUEST = 8;

    private TafValueCodec() {
    }

    static byte[] encode(TafValue v) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(v.kind().code());
            out.writeUTF(v.meterId());
            out.writeLong(v.slot().toEpochMilli());
            out.write(v.obis().toBytes());
            ExactValue value = v.value();
            int flags = (value != null ? HAS_VALUE : 0) | (v.status().meterStatus() != null ? HAS_METER_STATUS : 0)
                    | (value != null && value.unit() != null ? HAS_UNIT : 0) | (v.requestId() != null ? HAS_REQUEST : 0);
            out.writeByte(flags);
            if (value != null) {
                out.writeLong(value.unscaled());
                out.writeByte(value.scaler());
                out.writeByte(value.unit() == null ? 0 : value.unit().code());
                out.writeLong(v.capturedAt().toEpochMilli());
            }
            if (v.status().meterStatus() != null) {
                out.writeLong(v.status().meterStatus());
            }
            out.writeInt(v.status().gatewayBits());
            if (v.reason() != null) {
                out.writeUTF(v.reason());
            }
            if (v.requestId() != null) {
                out.writeLong(v.requestId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IOException naming the sequence number when the payload is not a version-1 value
     */
    static TafValue decode(long seq, byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException("store record " + seq + ": unknown value format version " + version);
            }
            TafKind kind = TafKind.ofCode(in.readUnsignedByte());
            String meterId = in.readUTF();
            Instant slot = Instant.ofEpochMilli(in.readLong());
            byte[] obis = new byte[6];
            in.readFully(obis);
            int flags = in.readUnsignedByte();
            ExactValue value = null;
            Instant captured = null;
            if ((flags & HAS_VALUE) != 0) {
                long unscaled = in.readLong();
                int scaler = in.readByte();
                int unit = in.readUnsignedByte();
                value = new ExactValue(unscaled, scaler, (flags & HAS_UNIT) != 0 ? DlmsUnit.of(unit) : null);
                captured = Instant.ofEpochMilli(in.readLong());
            }
            Long meterStatus = (flags & HAS_METER_STATUS) != 0 ? in.readLong() : null;
            int bits = in.readInt();
            String reason = kind == TafKind.TAF6 ? in.readUTF() : null;
            Long requestId = (flags & HAS_REQUEST) != 0 ? in.readLong() : null;
            return new TafValue(seq, kind, meterId, slot, ObisCode.fromBytes(obis), value, captured,
                    new ValueStatus(meterStatus, bits), reason, requestId);
        } catch (IllegalArgumentException e) {
            throw new IOException("store record " + seq + ": " + e.getMessage(), e);
        }
    }
}
