package org.smgwlite.admin.security;

/** The signed-in user lacks what a page needs (a role, or a tenant in the token). */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
