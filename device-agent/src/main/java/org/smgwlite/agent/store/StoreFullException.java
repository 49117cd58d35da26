package org.smgwlite.agent.store;

import java.io.IOException;

/**
 * The store holds as many unacknowledged billing values as its capacity allows and cannot take more until the
 * platform acknowledges some. Nothing was written.
 */
public final class StoreFullException extends IOException {

    public StoreFullException(String message) {
        super(message);
    }
}
