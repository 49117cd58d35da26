package org.smgwlite.platform.legacy;

import java.util.Arrays;
import java.util.Optional;

/**
 * One column of an SMGW.Lite ring-buffer entry, named by its token in the upload's {@code fields} parameter. Every
 * column is 4 bytes little-endian; only {@link #TEMP} is signed (the firmware writes an {@code int32_t}, the PHP
 * backend read it unsigned, so frost came out as 4.29e7 °C there).
 */
public enum FirmwareField {
    /** Unix seconds (UTC) of the telegram the reading comes from. */
    TS("ts"),
    /** OBIS 1.8.0 import register in 0.1 Wh. */
    M180("m180"),
    /** Temperature in 0.01 °C, signed. */
    TEMP("temp"),
    /** Plug-in PV counter (myStrom {@code energy_since_boot}), raw; values from 0xFFFFFFF0 up are error sentinels. */
    SOLAR("solar"),
    /** OBIS 2.8.0 export register in 0.1 Wh. */
    M280("m280");

    /** Bytes per column, the same for every column. */
    public static final int BYTES = 4;

    private final String token;

    FirmwareField(String token) {
        this.token = token;
    }

    /** The token in the {@code fields} parameter. */
    public String token() {
        return token;
    }

    /** The column named {@code token} exactly (the firmware and the PHP backend compare case-sensitively). */
    public static Optional<FirmwareField> ofToken(String token) {
        return Arrays.stream(values()).filter(f -> f.token.equals(token)).findFirst();
    }
}
