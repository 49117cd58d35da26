package org.smgwlite.agent.meter;

import java.util.Locale;

import org.smgwlite.agent.d0.D0TelegramDecoder;

/** The protocols a meter's optical interface speaks; each has its {@link TelegramDecoder}. */
public enum MeterProtocol {

    /** Smart Message Language (binary, BSI TR-03109-1), what German modern meters push. */
    SML,
    /** IEC 62056-21 text telegrams ({@code /ident ... !}), older meters. */
    D0;

    /** A new decoder for one byte stream. */
    public TelegramDecoder decoder(TelegramListener listener) {
        return this == SML ? new SmlTelegramDecoder(listener) : new D0TelegramDecoder(listener);
    }

    /** {@code sml} or {@code d0}, in any case. */
    public static MeterProtocol parse(String name) {
        for (MeterProtocol p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "' (sml, d0)");
    }

    /**
     * The protocol of a capture from its first bytes: D0 when there is an identification line ({@code /}) and no
     * SML start sequence ({@code 1b1b1b1b 01010101}), else SML.
     */
    public static MeterProtocol guess(byte[] head) {
        int length = head.length;
        boolean slash = false;
        for (int i = 0; i < length; i++) {
            if (head[i] == '/') {
                slash = true;
            }
            if (i + 8 <= length && head[i] == 0x1b && head[i + 1] == 0x1b && head[i + 2] == 0x1b
                    && head[i + 3] == 0x1b && head[i + 4] == 1 && head[i + 5] == 1 && head[i + 6] == 1
                    && head[i + 7] == 1) {
                return SML;
            }
        }
        return slash ? D0 : SML;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
