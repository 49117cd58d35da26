package org.smgwlite.platform.shared;

import jakarta.ejb.ApplicationException;

/**
 * Base of the platform's domain failures; interface layers map each subtype to a status. They
 * cross EJB boundaries as they are (not wrapped) and roll the transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
