package org.smgwlite.platform.tenant;

/** What kind of organisation a tenant is. */
public enum TenantKind {
    /** Messstellenbetreiber (MSB): runs the metering points of its households. */
    METERING_POINT_OPERATOR("Metering point operator (MSB)"),
    /** An energy community sharing generation among its members. */
    ENERGY_COMMUNITY("Energy community");

    private final String label;

    TenantKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
