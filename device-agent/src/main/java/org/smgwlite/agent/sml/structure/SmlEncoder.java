package org.smgwlite.agent.sml.structure;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.smgwlite.agent.sml.transport.Crc16;

/**
 * Writes {@link SmlMessage}s as SML 1.04 bytes: the inverse of {@link SmlFileDecoder} for the
 * message types it decodes (open, GetList and close responses).
 *
 * <p>Integers keep the width they carry ({@link SmlValue.Signed#width()}), so a decoded file
 * re-encodes to the same value bytes; status words, times and tags use the standard widths
 * (Unsigned8/16/32/64 chosen by magnitude, Unsigned32 for times). Message CRCs are computed.
 */
public final class SmlEncoder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    /** Encodes the messages of one SML file, each with its CRC and EndOfSmlMsg. */
    public static byte[] encodeFile(List<SmlMessage> messages) {
        SmlEncoder encoder = new SmlEncoder();
        for (SmlMessage m : messages) {
            encoder.message(m);
        }
        return encoder.out.toByteArray();
    }

    /** The bytes a value signature covers: the entry's list header and its first six fields. */
    public static byte[] signedBytesOf(SmlListEntry entry) {
        SmlEncoder encoder = new SmlEncoder();
        encoder.listEntryWithoutSignature(entry);
        return encoder.out.toByteArray();
    }

    private void message(SmlMessage m) {
        byte[] before = out.toByteArray();
        int start = before.length;
        listHeader(6);
        octets(m.transactionId());
        unsigned(m.groupNo(), 1);
        unsigned(m.abortOnError(), 1);
        body(m.body());
        byte[] all = out.toByteArray();
        int crc = Crc16.x25(all, start, all.length - start);
        unsigned(Integer.reverseBytes(crc) >>> 16, 2);
        out.write(0x00);
    }

    private void body(SmlMessageBody body) {
        listHeader(2);
        unsigned(body.tag(), 4);
        if (body instanceof SmlMessageBody.OpenResponse) {
            SmlMessageBody.OpenResponse o = (SmlMessageBody.OpenResponse) body;
            listHeader(6);
            optionalOctets(o.codepage());
            optionalOctets(o.clientId());
            octets(o.reqFileId());
            octets(o.serverId());
            time(o.refTime());
            if (o.smlVersion() == null) {
                absent();
            } else {
                unsigned(o.smlVersion(), 1);
            }
        } else if (body instanceof SmlMessageBody.CloseResponse) {
            listHeader(1);
            optionalOctets(((SmlMessageBody.CloseResponse) body).globalSignature());
        } else if (body instanceof SmlMessageBody.GetListResponse) {
            SmlMessageBody.GetListResponse g = (SmlMessageBody.GetListResponse) body;
            listHeader(7);
            optionalOctets(g.clientId());
            octets(g.serverId());
            optionalOctets(g.listName());
            time(g.actSensorTime());
            listHeader(g.valList().size());
            for (SmlListEntry e : g.valList()) {
                listEntryWithoutSignature(e);
                optionalOctets(e.signature() == null ? null : e.signature().signature());
            }
            optionalOctets(g.listSignature() == null ? null : g.listSignature().signature());
            time(g.actGatewayTime());
        } else {
            throw new IllegalArgumentException("cannot encode message body with tag "
                    + Integer.toHexString(body.tag()) + ": only open, GetList and close responses");
        }
    }

    private void listEntryWithoutSignature(SmlListEntry e) {
        listHeader(7);
        octets(e.objName());
        if (e.status() == null) {
            absent();
        } else {
            unsigned(e.status(), widthFor(e.status()));
        }
        time(e.valTime());
        if (e.unit() == null) {
            absent();
        } else {
            unsigned(e.unit(), 1);
        }
        if (e.scaler() == null) {
            absent();
        } else {
            signed(e.scaler(), 1);
        }
        value(e.value());
    }

    private void value(SmlValue v) {
        if (v == null) {
            absent();
        } else if (v instanceof SmlValue.Bytes) {
            octets(((SmlValue.Bytes) v).value());
        } else if (v instanceof SmlValue.Bool) {
            out.write(0x42);
            out.write(((SmlValue.Bool) v).value() ? 0xFF : 0x00);
        } else if (v instanceof SmlValue.Signed) {
            SmlValue.Signed s = (SmlValue.Signed) v;
            signed(s.value(), s.width());
        } else {
            SmlValue.Unsigned u = (SmlValue.Unsigned) v;
            unsigned(u.bits(), u.width());
        }
    }

    private void time(SmlTime t) {
        if (t == null) {
            absent();
            return;
        }
        listHeader(2);
        if (t instanceof SmlTime.SecIndex) {
            unsigned(1, 1);
            unsigned(((SmlTime.SecIndex) t).seconds(), 4);
        } else if (t instanceof SmlTime.Timestamp) {
            unsigned(2, 1);
            unsigned(((SmlTime.Timestamp) t).epochSeconds(), 4);
        } else {
            SmlTime.LocalTimestamp l = (SmlTime.LocalTimestamp) t;
            unsigned(3, 1);
            listHeader(3);
            unsigned(l.epochSeconds(), 4);
            signed(l.localOffsetMinutes(), 2);
            signed(l.seasonOffsetMinutes(), 2);
        }
    }

    private static int widthFor(long unsigned) {
        if ((unsigned & ~0xFFL) == 0) {
            return 1;
        }
        if ((unsigned & ~0xFFFFL) == 0) {
            return 2;
        }
        if ((unsigned & ~0xFFFFFFFFL) == 0) {
            return 4;
        }
        return 8;
    }

    private void absent() {
        out.write(0x01);
    }

    private void optionalOctets(byte[] b) {
        if (b == null) {
            absent();
        } else {
            octets(b);
        }
    }

    private void octets(byte[] b) {
        typeLength(SmlFileDecoder.TYPE_OCTETS, b.length);
        out.write(b, 0, b.length);
    }

    private void unsigned(long v, int width) {
        typeLength(SmlFileDecoder.TYPE_UNSIGNED, width);
        bigEndian(v, width);
    }

    private void signed(long v, int width) {
        typeLength(SmlFileDecoder.TYPE_INTEGER, width);
        bigEndian(v, width);
    }

    private void bigEndian(long v, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    private void listHeader(int elements) {
        typeLength(SmlFileDecoder.TYPE_LIST, elements);
    }

    /**
     * Writes a TL field. For data types the length counts the TL bytes too, so the number of TL
     * bytes is the smallest n with {@code dataLength + n < 16^n}; for lists it is the element count.
     */
    private void typeLength(int type, int length) {
        int tlBytes = 1;
        int total = type == SmlFileDecoder.TYPE_LIST ? length : length + 1;
        while (total >= 1 << (4 * tlBytes)) {
            tlBytes++;
            total = type == SmlFileDecoder.TYPE_LIST ? length : length + tlBytes;
        }
        for (int i = tlBytes - 1; i >= 0; i--) {
            int nibble = (total >>> (4 * i)) & 0x0F;
            int b = nibble;
            if (i == tlBytes - 1) {
                b |= type << 4;
            }
            if (i > 0) {
                b |= 0x80;
            }
            out.write(b);
        }
    }
}
