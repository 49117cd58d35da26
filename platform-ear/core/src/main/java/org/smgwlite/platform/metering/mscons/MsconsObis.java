package org.smgwlite.platform.metering.mscons;

import org.smgwlite.platform.metering.query.Register;

/**
 * The OBIS code that labels a register's quarter-hour series in PIA (item type SRW). A load profile carries the energy
 * per measuring period, which the BDEW OBIS code list names with index 29 (1-1:1.29.0 Wirkarbeit Bezug +A,
 * 1-1:2.29.0 Lieferung -A) rather than the register's own cumulative reading code 1-0:1.8.0 / 1-0:2.8.0 from which
 * the platform derives it.
 */
public final class MsconsObis {

    public static final String IMPORT = "1-1:1.29.0";
    public static final String EXPORT = "1-1:2.29.0";

    private MsconsObis() {
    }

    public static String of(Register register) {
        return register == Register.IMPORT ? IMPORT : EXPORT;
    }
}
