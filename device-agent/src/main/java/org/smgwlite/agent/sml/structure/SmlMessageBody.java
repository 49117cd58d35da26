package org.smgwlite.agent.sml.structure;

import java.util.List;

/** The message bodies this agent reads from a meter's push stream; everything else is {@link Unknown}. */
public sealed interface SmlMessageBody {

    int OPEN_RESPONSE = 0x0101;
    int CLOSE_RESPONSE = 0x0201;
    int GET_LIST_RESPONSE = 0x0701;

    /** The tag of the CHOICE, e.g. 0x0701 for GetList.Res. */
    int tag();

    /** SML_PublicOpen.Res: starts an SML file. */
    record OpenResponse(byte[] codepage, byte[] clientId, byte[] reqFileId, byte[] serverId, SmlTime refTime,
                        Integer smlVersion) implements SmlMessageBody {
        @Override
        public int tag() {
            return OPEN_RESPONSE;
        }
    }

    /** SML_PublicClose.Res: ends an SML file, optionally with a signature over it. */
    record CloseResponse(byte[] globalSignature) implements SmlMessageBody {
        @Override
        public int tag() {
            return CLOSE_RESPONSE;
        }
    }

    /** SML_GetList.Res: the meter readings. */
    record GetListResponse(byte[] clientId, byte[] serverId, byte[] listName, SmlTime actSensorTime,
                           List<SmlListEntry> valList, SignedBytes listSignature, SmlTime actGatewayTime)
            implements SmlMessageBody {
        @Override
        public int tag() {
            return GET_LIST_RESPONSE;
        }
    }

    /** A message type this agent does not decode; its body was skipped element by element. */
    record Unknown(int tag) implements SmlMessageBody {
    }
}
