package org.smgwlite.pki.cli;

/** A command line that cannot be run as given; the CLI prints the message and the usage, exit code 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
