package org.smgwlite.devstack;

import java.nio.file.Path;

/** A part of the stack did not come up; says which part, why, and where its log is. */
public class StartupException extends RuntimeException {

    private final String component;

    public StartupException(String component, String reason, Path log) {
        this(component, reason, log, null);
    }

    public StartupException(String component, String reason, Path log, Throwable cause) {
        super(component + " failed to start: " + reason + (log == null ? "" : " (log: " + log + ")"), cause);
        this.component = component;
    }

    public String component() {
        return component;
    }
}
