package org.smgwlite.agent.meter;

import java.util.ArrayList;
import java.util.List;

import org.smgwlite.agent.sml.structure.SignedBytes;
import org.smgwlite.agent.sml.structure.SmlEncoder;
import org.smgwlite.agent.sml.structure.SmlListEntry;
import org.smgwlite.agent.sml.structure.SmlMessage;
import org.smgwlite.agent.sml.structure.SmlMessageBody;
import org.smgwlite.agent.sml.structure.SmlTime;
import org.smgwlite.agent.sml.structure.SmlValue;
import org.smgwlite.agent.sml.transport.SmlFrameWriter;

/**
 * Builds the telegram a meter pushes every second or so: OpenResponse, one GetList.Res, CloseResponse,
 * framed for transport v1. Used by the fleet simulator and by tests that need meter models we have
 * no capture of. One builder per telegram.
 */
public final class SmlTelegramWriter {

    private final byte[] serverId;
    private byte[] transactionPrefix = {0x00, 0x00, 0x00};
    private byte[] reqFileId = {0x00, 0x01};
    private byte[] listName = {0x01, 0x00, 0x62, 0x0a, (byte) 0xff, (byte) 0xff};
    private SmlTime sensorTime;
    private SmlTime gatewayTime;
    private byte[] listSignature;
    private final List<SmlListEntry> entries = new ArrayList<>();

    private SmlTelegramWriter(byte[] serverId) {
        this.serverId = serverId.clone();
    }

    public static SmlTelegramWriter forServer(byte[] serverId) {
        return new SmlTelegramWriter(serverId);
    }

    /** Transaction ids are this prefix plus a message counter byte; reqFileId identifies the file. */
    public SmlTelegramWriter ids(byte[] transactionPrefix, byte[] reqFileId) {
        this.transactionPrefix = transactionPrefix.clone();
        this.reqFileId = reqFileId.clone();
        return this;
    }

    public SmlTelegramWriter listName(byte[] name) {
        this.listName = name == null ? null : name.clone();
        return this;
    }

    public SmlTelegramWriter sensorTime(SmlTime time) {
        this.sensorTime = time;
        return this;
    }

    public SmlTelegramWriter gatewayTime(SmlTime time) {
        this.gatewayTime = time;
        return this;
    }

    public SmlTelegramWriter listSignature(byte[] signature) {
        this.listSignature = signature == null ? null : signature.clone();
        return this;
    }

    /** A numeric reading: {@code unscaled * 10^scaler unit}, sent as Integer or Unsigned of {@code width} bytes. */
    public SmlTelegramWriter number(ObisCode obis, Long status, SmlTime valTime, DlmsUnit unit, int scaler,
                                    long unscaled, boolean signed, int width) {
        SmlValue value = signed ? new SmlValue.Signed(unscaled, width) : new SmlValue.Unsigned(unscaled, width);
        return entry(new SmlListEntry(obis.toBytes(), status, valTime, unit == null ? null : unit.code(), scaler,
                value, null));
    }

    public SmlTelegramWriter octets(ObisCode obis, byte[] value) {
        return entry(new SmlListEntry(obis.toBytes(), null, null, null, null, new SmlValue.Bytes(value.clone()), null));
    }

    /** Any entry, e.g. one with a value signature; for the bytes to sign see {@link SmlEncoder#signedBytesOf}. */
    public SmlTelegramWriter entry(SmlListEntry entry) {
        entries.add(entry);
        return this;
    }

    /** The complete transport frame. */
    public byte[] build() {
        List<SmlMessage> messages = new ArrayList<>(3);
        messages.add(new SmlMessage(0, transactionId(0), 0, 0,
                new SmlMessageBody.OpenResponse(null, null, reqFileId, serverId, null, null)));
        messages.add(new SmlMessage(0, transactionId(1), 0, 0,
                new SmlMessageBody.GetListResponse(null, serverId, listName, sensorTime, List.copyOf(entries),
                        listSignature == null ? null : new SignedBytes(listSignature, new byte[0]), gatewayTime)));
        messages.add(new SmlMessage(0, transactionId(2), 0, 0, new SmlMessageBody.CloseResponse(null)));
        return SmlFrameWriter.frame(SmlEncoder.encodeFile(messages));
    }

    private byte[] transactionId(int counter) {
        byte[] id = new byte[transactionPrefix.length + 1];
        System.arraycopy(transactionPrefix, 0, id, 0, transactionPrefix.length);
        id[id.length - 1] = (byte) counter;
        return id;
    }
}
