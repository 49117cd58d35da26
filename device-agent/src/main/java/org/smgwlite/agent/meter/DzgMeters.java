package org.smgwlite.agent.meter;

/**
 * Recognises DZG meters from their server id (DIN 43863-5: {@code 0a 01 'D' 'Z' 'G' 00} then the
 * fabrication number as 4 bytes big-endian) and says which of them have the unsigned-power bug.
 *
 * <p>The DVS74 family is identified by fabrication-number block: 42xxxxxx and 50xxxxxx are the
 * blocks of the meters reported with the bug (the DVS-7412.2 capture in our corpus, 42082910;
 * the reports in libsml issue 59, ioBroker.smartmeter issue 128 and vzlogger issue 544). The
 * DWSB20.2TH (40xxxxxx) encodes correctly. Unknown blocks are taken at their word: no correction.
 */
final class DzgMeters {

    private static final byte[] PREFIX = {0x0a, 0x01, 'D', 'Z', 'G'};

    private DzgMeters() {
    }

    static boolean isDzg(byte[] serverId) {
        if (serverId == null || serverId.length != 10) {
            return false;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (serverId[i] != PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    static long fabricationNumber(byte[] serverId) {
        return ((serverId[6] & 0xFFL) << 24) | ((serverId[7] & 0xFFL) << 16) | ((serverId[8] & 0xFFL) << 8)
                | (serverId[9] & 0xFFL);
    }

    /** True for DZG meters of the DVS74 family, whose firmware encodes positive power as a short Integer. */
    static boolean hasUnsignedPowerBug(byte[] serverId) {
        if (!isDzg(serverId)) {
            return false;
        }
        long block = fabricationNumber(serverId) / 1_000_000L;
        return block == 42 || block == 50;
    }
}
