package org.smgwlite.agent.sml.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.smgwlite.agent.sml.transport.Crc16;

/**
 * Decodes the unescaped bytes of one SML file into {@link SmlMessage}s.
 *
 * <p>Bounds: every length is checked against the bytes that remain before anything is
 * allocated, lists cannot claim more elements than bytes remain, and nesting deeper than
 * {@link #MAX_DEPTH} is rejected, so hostile input costs at most a copy of the frame.
 * Unknown message types are skipped element by element (their extent is known from the TL
 * fields), so the messages after them are still read.
 *
 * <p>Over 300 lines on purpose: one recursive-descent method per SML structure of BSI TR-03109-1 and the
 * TL-field primitives they share, all bounds-checked against the same cursor; the framing (escapes, CRC) is apart in
 * {@code sml.transport}.
 *
 * <p>Not thread-safe; use one instance per stream (it is cheap).
 */
public final class SmlFileDecoder {

    /** SML nests six levels deep in GetProfileList; anything beyond this is an attack or noise. */
    public static final int MAX_DEPTH = 16;

    static final int TYPE_OCTETS = 0;
    static final int TYPE_BOOLEAN = 4;
    static final int TYPE_INTEGER = 5;
    static final int TYPE_UNSIGNED = 6;
    static final int TYPE_LIST = 7;

    private byte[] buf;
    private int pos;
    private int end;
    private long base;
    private EnumSet<SmlQuirk> quirks;

    /** Type of the TL field read last. */
    private int tlType;
    /** For lists the element count, otherwise the number of data bytes after the TL field. */
    private int tlLength;

    /**
     * Decodes all messages of one file.
     *
     * @param data       unescaped messages of one frame
     * @param baseOffset stream offset to add to positions in error messages
     * @throws SmlDecodingException at the first byte that is not valid SML, or on a message CRC mismatch
     */
    public SmlFile decode(byte[] data, long baseOffset) throws SmlDecodingException {
        return decode(data, 0, data.length, baseOffset);
    }

    public SmlFile decode(byte[] data, int from, int to, long baseOffset) throws SmlDecodingException {
        this.buf = data;
        this.pos = from;
        this.end = to;
        this.base = baseOffset - from;
        this.quirks = EnumSet.noneOf(SmlQuirk.class);
        List<SmlMessage> messages = new ArrayList<>(4);
        while (pos < end) {
            if (buf[pos] == 0) {
                pos++; // fill bytes between messages
                continue;
            }
            messages.add(message());
        }
        if (messages.isEmpty()) {
            throw fail(from, "frame holds no SML message");
        }
        return new SmlFile(baseOffset, List.copyOf(messages), quirks.isEmpty() ? Set.of() : Set.copyOf(quirks));
    }

    private SmlMessage message() throws SmlDecodingException {
        int start = pos;
        expectList(6, "SML_Message");
        byte[] transactionId = octets(false);
        int groupNo = (int) optionalUnsigned(1, 0);
        int abortOnError = (int) optionalUnsigned(1, 0);
        SmlMessageBody body = body();
        int crcEnd = pos;
        int declared = (int) unsigned(2, "message CRC");
        int x25 = Crc16.x25(buf, start, crcEnd - start);
        if (declared != Integer.reverseBytes(x25) >>> 16) {
            int kermit = Crc16.kermit(buf, start, crcEnd - start);
            if (declared == (Integer.reverseBytes(kermit) >>> 16) || declared == kermit) {
                quirks.add(SmlQuirk.KERMIT_MESSAGE_CRC);
            } else {
                throw fail(crcEnd, String.format("message CRC mismatch: message says %04x, CRC-16/X-25 is %04x",
                        declared, Integer.reverseBytes(x25) >>> 16));
            }
        }
        if (pos >= end || buf[pos] != 0) {
            throw fail(pos, "missing EndOfSmlMsg (0x00) after message CRC");
        }
        pos++;
        return new SmlMessage(base + start, transactionId, groupNo, abortOnError, body);
    }

    private SmlMessageBody body() throws SmlDecodingException {
        expectList(2, "SML_MessageBody");
        int tag = (int) unsigned(4, "message body tag");
        switch (tag) {
            case SmlMessageBody.OPEN_RESPONSE:
                return openResponse();
            case SmlMessageBody.CLOSE_RESPONSE:
                return closeResponse();
            case SmlMessageBody.GET_LIST_RESPONSE:
                return getListResponse();
            default:
                skipElement(1);
                return new SmlMessageBody.Unknown(tag);
        }
    }

    private SmlMessageBody.OpenResponse openResponse() throws SmlDecodingException {
        expectList(6, "SML_PublicOpen.Res");
        byte[] codepage = octets(true);
        byte[] clientId = octets(true);
        byte[] reqFileId = octets(false);
        byte[] serverId = octets(false);
        SmlTime refTime = time();
        Integer version = isAbsent() ? null : (int) unsigned(1, "smlVersion");
        return new SmlMessageBody.OpenResponse(codepage, clientId, reqFileId, serverId, refTime, version);
    }

    private SmlMessageBody.CloseResponse closeResponse() throws SmlDecodingException {
        expectList(1, "SML_PublicClose.Res");
        return new SmlMessageBody.CloseResponse(octets(true));
    }

    private SmlMessageBody.GetListResponse getListResponse() throws SmlDecodingException {
        expectList(7, "SML_GetList.Res");
        byte[] clientId = octets(true);
        byte[] serverId = octets(false);
        byte[] listName = octets(true);
        SmlTime actSensorTime = time();
        int listStart = pos;
        List<SmlListEntry> entries;
        if (isAbsent()) {
            entries = List.of();
        } else {
            int count = list("SML_List");
            SmlListEntry[] array = new SmlListEntry[count];
            for (int i = 0; i < count; i++) {
                array[i] = listEntry();
            }
            entries = Arrays.asList(array);
        }
        int listEnd = pos;
        byte[] signature = octets(true);
        SignedBytes listSignature = signature == null ? null : SignedBytes.of(signature, buf, listStart, listEnd);
        SmlTime actGatewayTime = time();
        return new SmlMessageBody.GetListResponse(clientId, serverId, listName, actSensorTime,
                java.util.Collections.unmodifiableList(entries), listSignature, actGatewayTime);
    }

    private SmlListEntry listEntry() throws SmlDecodingException {
        int start = pos;
        expectList(7, "SML_ListEntry");
        byte[] objName = octets(false);
        Long status = isAbsent() ? null : status();
        SmlTime valTime = time();
        Integer unit = isAbsent() ? null : (int) unsigned(1, "unit");
        Integer scaler = isAbsent() ? null : (int) signed(1, "scaler");
        SmlValue value = value();
        int signedEnd = pos;
        byte[] signature = octets(true);
        return new SmlListEntry(objName, status, valTime, unit, scaler, value,
                signature == null ? null : SignedBytes.of(signature, buf, start, signedEnd));
    }

    private long status() throws SmlDecodingException {
        int at = pos;
        tl();
        if (tlType != TYPE_UNSIGNED || tlLength < 1 || tlLength > 8) {
            throw fail(at, "SML_Status must be Unsigned8..64, found " + describeTl());
        }
        return readBigEndian(tlLength);
    }

    /** The value, or {@code null} for 0x01: "not set", which the EMH eHZ-IW8 sends for an empty register. */
    private SmlValue value() throws SmlDecodingException {
        if (isAbsent()) {
            return null;
        }
        int at = pos;
        tl();
        switch (tlType) {
            case TYPE_OCTETS:
                return new SmlValue.Bytes(copy(tlLength));
            case TYPE_BOOLEAN:
                requireWidth(at, 1, 1, "Boolean");
                return new SmlValue.Bool(buf[pos++] != 0);
            case TYPE_INTEGER: {
                requireWidth(at, 1, 8, "Integer");
                int width = tlLength;
                long v = readBigEndian(width);
                int shift = 64 - 8 * width;
                return new SmlValue.Signed(v << shift >> shift, width);
            }
            case TYPE_UNSIGNED: {
                requireWidth(at, 1, 8, "Unsigned");
                int width = tlLength;
                return new SmlValue.Unsigned(readBigEndian(width), width);
            }
            default:
                throw fail(at, "SML_Value cannot be " + describeTl());
        }
    }

    private SmlTime time() throws SmlDecodingException {
        if (isAbsent()) {
            return null;
        }
        int at = pos;
        tl();
        if (tlType == TYPE_UNSIGNED) {
            // Holley DTZ541 and relatives: a bare counter where the CHOICE list belongs
            requireWidth(at, 1, 4, "SML_Time counter");
            quirks.add(SmlQuirk.HOLLEY_BARE_TIME_AS_SEC_INDEX);
            return new SmlTime.SecIndex(readBigEndian(tlLength));
        }
        if (tlType != TYPE_LIST || tlLength != 2) {
            throw fail(at, "SML_Time must be a list of 2, found " + describeTl());
        }
        int tag = (int) unsigned(1, "SML_Time tag");
        switch (tag) {
            case 1:
                return new SmlTime.SecIndex(timeCounter());
            case 2:
                return new SmlTime.Timestamp(timeCounter());
            case 3: {
                expectList(3, "SML_TimestampLocal");
                long ts = timeCounter();
                int local = (int) signed(2, "localOffset");
                int season = (int) signed(2, "seasonTimeOffset");
                return new SmlTime.LocalTimestamp(ts, local, season);
            }
            default:
                throw fail(pos - 1, "unknown SML_Time tag " + tag);
        }
    }

    private long timeCounter() throws SmlDecodingException {
        int at = pos;
        tl();
        if (tlType != TYPE_UNSIGNED || tlLength < 1 || tlLength > 4) {
            throw fail(at, "SML_Time value must be Unsigned32, found " + describeTl());
        }
        if (tlLength < 4) {
            quirks.add(SmlQuirk.SHORTENED_TIME_FIELD);
        }
        return readBigEndian(tlLength);
    }

    // ---- primitive fields ----

    private boolean isAbsent() throws SmlDecodingException {
        if (pos >= end) {
            throw fail(pos, "data ends inside a message");
        }
        if (buf[pos] == 0x01) {
            pos++;
            return true;
        }
        return false;
    }

    private byte[] octets(boolean optional) throws SmlDecodingException {
        int at = pos;
        tl();
        if (tlType != TYPE_OCTETS) {
            throw fail(at, "expected an octet string, found " + describeTl());
        }
        if (tlLength == 0) {
            if (!optional) {
                // 0x01 marks "not set"; a mandatory octet string reads as empty
                return new byte[0];
            }
            return null;
        }
        return copy(tlLength);
    }

    private long optionalUnsigned(int maxBytes, long absent) throws SmlDecodingException {
        return isAbsent() ? absent : unsigned(maxBytes, "Unsigned");
    }

    private long unsigned(int maxBytes, String what) throws SmlDecodingException {
        int at = pos;
        tl();
        if (tlType != TYPE_UNSIGNED || tlLength < 1 || tlLength > maxBytes) {
            throw fail(at, what + " must be Unsigned of at most " + maxBytes + " bytes, found " + describeTl());
        }
        return readBigEndian(tlLength);
    }

    private long signed(int maxBytes, String what) throws SmlDecodingException {
        int at = pos;
        tl();
        if (tlType != TYPE_INTEGER || tlLength < 1 || tlLength > maxBytes) {
            throw fail(at, what + " must be Integer of at most " + maxBytes + " bytes, found " + describeTl());
        }
        int width = tlLength;
        int shift = 64 - 8 * width;
        return readBigEndian(width) << shift >> shift;
    }

    private void expectList(int elements, String what) throws SmlDecodingException {
        int at = pos;
        tl();
        if (tlType != TYPE_LIST || tlLength != elements) {
            throw fail(at, what + " must be a list of " + elements + ", found " + describeTl());
        }
    }

    private int list(String what) throws SmlDecodingException {
        int at = pos;
        tl();
        if (tlType != TYPE_LIST) {
            throw fail(at, what + " must be a list, found " + describeTl());
        }
        return tlLength;
    }

    private void requireWidth(int at, int min, int max, String what) throws SmlDecodingException {
        if (tlLength < min || tlLength > max) {
            throw fail(at, what + " of " + tlLength + " bytes is not allowed");
        }
    }

    /** Skips one element of any type, bounded by {@link #MAX_DEPTH}. */
    private void skipElement(int depth) throws SmlDecodingException {
        if (depth > MAX_DEPTH) {
            throw fail(pos, "nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (pos < end && buf[pos] == 0x01) {
            pos++;
            return;
        }
        tl();
        if (tlType == TYPE_LIST) {
            int count = tlLength;
            for (int i = 0; i < count; i++) {
                skipElement(depth + 1);
            }
        } else {
            pos += tlLength;
        }
    }

    /**
     * Reads a type-length field. For lists {@link #tlLength} is the element count, checked against
     * the bytes left (every element takes at least one); otherwise it is the data length after
     * the TL bytes, checked to fit.
     */
    private void tl() throws SmlDecodingException {
        int at = pos;
        if (pos >= end) {
            throw fail(pos, "data ends where a type-length field belongs");
        }
        int b = buf[pos++] & 0xFF;
        if (b == 0) {
            throw fail(at, "unexpected EndOfSmlMsg (0x00) inside a message");
        }
        int type = (b >>> 4) & 0x07;
        int length = b & 0x0F;
        int tlBytes = 1;
        while ((b & 0x80) != 0) {
            if (pos >= end) {
                throw fail(at, "data ends inside a multi-byte type-length field");
            }
            if (tlBytes == 4) {
                throw fail(at, "type-length field longer than 4 bytes");
            }
            b = buf[pos++] & 0xFF;
            if ((b & 0x70) != 0) {
                throw fail(pos - 1, String.format("type-length continuation byte %02x has type bits set", b));
            }
            length = (length << 4) | (b & 0x0F);
            tlBytes++;
        }
        int remaining = end - pos;
        if (type == TYPE_LIST) {
            if (length > remaining) {
                throw fail(at, "list claims " + length + " elements but only " + remaining + " bytes remain");
            }
        } else if (type == TYPE_OCTETS || type == TYPE_BOOLEAN || type == TYPE_INTEGER || type == TYPE_UNSIGNED) {
            if (length < tlBytes) {
                throw fail(at, "length " + length + " is shorter than its own type-length field");
            }
            length -= tlBytes;
            if (length > remaining) {
                throw fail(at, "length " + length + " exceeds the " + remaining + " bytes that remain");
            }
        } else {
            throw fail(at, String.format("unknown SML type in type-length byte %02x", buf[at] & 0xFF));
        }
        tlType = type;
        tlLength = length;
    }

    private long readBigEndian(int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    private byte[] copy(int length) {
        byte[] out = Arrays.copyOfRange(buf, pos, pos + length);
        pos += length;
        return out;
    }

    private String describeTl() {
        String name;
        switch (tlType) {
            case TYPE_OCTETS:
                name = "octet string";
                break;
            case TYPE_BOOLEAN:
                name = "Boolean";
                break;
            case TYPE_INTEGER:
                name = "Integer";
                break;
            case TYPE_UNSIGNED:
                name = "Unsigned";
                break;
            default:
                name = "list";
        }
        return name + (tlType == TYPE_LIST ? " of " + tlLength : " of " + tlLength + " bytes");
    }

    private SmlDecodingException fail(int at, String reason) {
        return new SmlDecodingException(base + at, reason);
    }
}
