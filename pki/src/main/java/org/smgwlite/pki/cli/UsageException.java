package org.smgwlite.pki.cli;

/** A command line that cannot be run as given; the CLI prints the message and the usage, exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
