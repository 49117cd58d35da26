package org.smgwlite.agent.testing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.openmuc.jsml.structures.ASNObject;
import org.openmuc.jsml.structures.EMessageBody;
import org.openmuc.jsml.structures.Integer16;
import org.openmuc.jsml.structures.Integer32;
import org.openmuc.jsml.structures.Integer64;
import org.openmuc.jsml.structures.Integer8;
import org.openmuc.jsml.structures.OctetString;
import org.openmuc.jsml.structures.SmlBoolean;
import org.openmuc.jsml.structures.SmlFile;
import org.openmuc.jsml.structures.SmlListEntry;
import org.openmuc.jsml.structures.SmlMessage;
import org.openmuc.jsml.structures.Unsigned16;
import org.openmuc.jsml.structures.Unsigned32;
import org.openmuc.jsml.structures.Unsigned64;
import org.openmuc.jsml.structures.Unsigned8;
import org.openmuc.jsml.structures.responses.SmlGetListRes;
import org.openmuc.jsml.transport.Transport;
import org.smgwlite.agent.sml.structure.SmlDecodingException;
import org.smgwlite.agent.sml.structure.SmlFileDecoder;
import org.smgwlite.agent.sml.structure.SmlMessageBody;
import org.smgwlite.agent.sml.structure.SmlValue;
import org.smgwlite.agent.sml.transport.SmlFrame;

/**
 * OpenMUC jSML as a second, independent decoder. Both decoders are reduced to the same canonical
 * form per value-list entry, {@code objName|value|scaler|unit}, with the value as the raw wire
 * number (no meter quirks), so that any disagreement in framing, TL decoding or sign handling shows.
 */
public final class JsmlOracle {

    private JsmlOracle() {
    }

    /** jSML's reading: one list of canonical entries per SML file it accepted. */
    public static List<List<String>> jsml(byte[] stream) {
        List<List<String>> files = new ArrayList<>();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(stream));
        Transport transport = new Transport();
        // jSML gives up on a frame when reading it takes longer than this; 1 ms lost frames on a loaded
        // CI machine. A replay waits this long only at a frame cut off at the end of the capture.
        transport.setTimeout(250);
        for (int guard = 0; guard < 10_000; guard++) {
            SmlFile file;
            try {
                if (in.available() == 0) {
                    break;
                }
                file = transport.getSMLFile(in);
            } catch (EOFException e) {
                break;
            } catch (IOException | RuntimeException e) {
                continue; // jSML rejects this frame; it resumes with the next start sequence
            }
            List<String> entries = new ArrayList<>();
            for (SmlMessage m : file.getMessages()) {
                if (m.getMessageBody().getTag() == EMessageBody.GET_LIST_RESPONSE) {
                    SmlGetListRes res = m.getMessageBody().getChoice();
                    for (SmlListEntry e : res.getValList().getValListEntry()) {
                        entries.add(canonical(e));
                    }
                }
            }
            files.add(entries);
        }
        return files;
    }

    private static String canonical(SmlListEntry e) {
        String scaler = e.getScaler() == null || !e.getScaler().isSelected() ? "0"
                : Integer.toString(e.getScaler().getVal());
        String unit = e.getUnit() == null || !e.getUnit().isSelected() ? "-" : Integer.toString(e.getUnit().getVal());
        ASNObject v = e.getValue() == null ? null : e.getValue().getChoice();
        return HexFormat.of().formatHex(e.getObjName().getValue()) + "|" + jsmlValue(v) + "|" + scaler + "|" + unit;
    }

    private static String jsmlValue(ASNObject v) {
        if (v == null) {
            return "absent";
        } else if (v instanceof OctetString) {
            byte[] b = ((OctetString) v).getValue();
            return b.length == 0 ? "absent" : HexFormat.of().formatHex(b);
        } else if (v instanceof SmlBoolean) {
            return Boolean.toString(((SmlBoolean) v).getVal());
        } else if (v instanceof Integer8) {
            return Long.toString(((Integer8) v).getVal());
        } else if (v instanceof Integer16) {
            return Long.toString(((Integer16) v).getVal());
        } else if (v instanceof Integer32) {
            return Long.toString(((Integer32) v).getVal());
        } else if (v instanceof Integer64) {
            return Long.toString(((Integer64) v).getVal());
        } else if (v instanceof Unsigned8) {
            return Long.toString(((Unsigned8) v).getVal());
        } else if (v instanceof Unsigned16) {
            return Long.toString(((Unsigned16) v).getVal());
        } else if (v instanceof Unsigned32) {
            return Long.toString(((Unsigned32) v).getLongValue());
        } else if (v instanceof Unsigned64) {
            return Long.toUnsignedString(((Unsigned64) v).getVal());
        }
        return "?" + v.getClass().getSimpleName();
    }

    /** Our reading at the structure layer, in the same canonical form; rejected frames are left out. */
    public static List<List<String>> ours(byte[] stream) {
        List<List<String>> files = new ArrayList<>();
        SmlFileDecoder decoder = new SmlFileDecoder();
        for (SmlFrame frame : Captures.frames(stream).frames) {
            try {
                List<String> entries = new ArrayList<>();
                for (var m : decoder.decode(frame.messages(), frame.offset()).messages()) {
                    if (m.body() instanceof SmlMessageBody.GetListResponse) {
                        ((SmlMessageBody.GetListResponse) m.body()).valList().forEach(e -> entries.add(canonical(e)));
                    }
                }
                files.add(entries);
            } catch (SmlDecodingException e) {
                // rejected: not part of the comparison
            }
        }
        return files;
    }

    private static String canonical(org.smgwlite.agent.sml.structure.SmlListEntry e) {
        String value;
        SmlValue v = e.value();
        if (v == null) {
            value = "absent";
        } else if (v instanceof SmlValue.Bytes) {
            byte[] b = ((SmlValue.Bytes) v).value();
            value = b.length == 0 ? "absent" : HexFormat.of().formatHex(b);
        } else if (v instanceof SmlValue.Bool) {
            value = Boolean.toString(((SmlValue.Bool) v).value());
        } else if (v instanceof SmlValue.Signed) {
            value = Long.toString(((SmlValue.Signed) v).value());
        } else {
            value = ((SmlValue.Unsigned) v).toBigInteger().toString();
        }
        return HexFormat.of().formatHex(e.objName()) + "|" + value + "|" + (e.scaler() == null ? 0 : e.scaler())
                + "|" + (e.unit() == null ? "-" : e.unit());
    }
}
