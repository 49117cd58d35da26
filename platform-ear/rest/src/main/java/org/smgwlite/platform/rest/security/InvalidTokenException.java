package org.smgwlite.platform.rest.security;

/** A bearer token that does not authenticate anyone; answered with 401. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message);
    }
}
