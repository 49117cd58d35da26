package org.smgwlite.platform.deployment;

import java.util.Locale;

/**
 * Setting {@code smgw.mode} (environment {@code SMGW_MODE}). {@link #PRODUCTION} is the default: a platform
 * deployed without saying otherwise must not run on development values. The run command and the ITs say
 * {@link #DEVELOPMENT}.
 */
public enum DeploymentMode {
    PRODUCTION,
    DEVELOPMENT;

    public static final String SETTING = "smgw.mode";

    /** @throws IllegalArgumentException naming the setting and the accepted values */
    public static DeploymentMode parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "production" -> PRODUCTION;
            case "development" -> DEVELOPMENT;
            default -> throw new IllegalArgumentException(SETTING + " is '" + value + "': use production or development");
        };
    }
}
