package org.smgwlite.platform.shared;

/**
 * The thing asked for does not exist for the caller. A row of another tenant is reported the
 * same way as a missing one, so that ids of other tenants cannot be probed.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
