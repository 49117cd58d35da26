package org.smgwlite.platform.metering.query;

/**
 * Who asks for a curve, as the signed-in user's token says: an operator may read every household
 * of its tenant, a household user only the households whose viewer it is.
 */
public record Viewer(String username, boolean operator) {

    public static Viewer operator(String username) {
        return new Viewer(username, true);
    }

    public static Viewer household(String username) {
        return new Viewer(username, false);
    }
}
