package org.smgwlite.platform.legacy;

import org.smgwlite.platform.shared.DomainException;

/**
 * An SMGW.Lite request whose device id and token do not match a gateway of the tenant in the path (wrong or missing
 * token, unknown or retired id, unknown tenant); answered 403 with the same message for every case, so an answer
 * tells nobody which ids exist.
 */
public final class LegacyAccessDeniedException extends DomainException {

    public LegacyAccessDeniedException() {
        super("Access denied.");
    }
}
