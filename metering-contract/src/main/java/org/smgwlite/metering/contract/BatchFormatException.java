package org.smgwlite.metering.contract;

/** A batch body that does not follow the format; says the line (1-based) and what is wrong there. */
public class BatchFormatException extends RuntimeException {

    private final int line;

    public BatchFormatException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
