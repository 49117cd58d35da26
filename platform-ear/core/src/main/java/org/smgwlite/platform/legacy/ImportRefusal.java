package org.smgwlite.platform.legacy;

/**
 * Why a line of a {@code clients} import was not taken: the file's own faults ({@link ClientsCsv}) first, then those
 * only the tenant's data can tell. A caller chooses by this, never by the text that comes with it.
 */
public enum ImportRefusal {
    /** Too few columns, a quote not closed, a header without both columns. */
    LINE_FORMAT,
    /** Not 1-3 of the firmware's ID characters. */
    DEVICE_ID_FORMAT,
    /** The device id is on an earlier line of the file (that line is taken, this one not). */
    DUPLICATE_IN_FILE,
    /** The token column is empty or NULL. */
    NO_TOKEN,
    /** The token is not 64 hex digits: not the table's SHA-256 column (perhaps a token in clear). */
    BAD_HASH,
    /** The import named no household for this device id. */
    NO_HOUSEHOLD_GIVEN,
    /** The household does not exist in this tenant (another tenant's is not visible either). */
    HOUSEHOLD_UNKNOWN,
    /** The household has an active gateway already. */
    HOUSEHOLD_HAS_GATEWAY,
    /** The gateway id {@code smgwlite-<id>} is taken. */
    GATEWAY_ID_TAKEN,
    /** The tenant has this device id already. */
    DEVICE_REGISTERED,
    /** The store refused it (a registration of the same device or household at the same moment). */
    CONFLICT
}
