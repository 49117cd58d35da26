package org.smgwlite.platform.tenant;

/** What kind of organisation a tenant is; the UI names each in the page's language. */
public enum TenantKind {
    /** Messstellenbetreiber (MSB): runs the metering points of its households. */
    METERING_POINT_OPERATOR,
    /** An energy community sharing generation among its members. */
    ENERGY_COMMUNITY
}
