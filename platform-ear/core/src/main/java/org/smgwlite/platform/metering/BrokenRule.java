package org.smgwlite.platform.metering;

import org.smgwlite.metering.contract.BatchValue;

/** A value rule that a value breaks: the typed reason and a sentence for people. */
public record BrokenRule(RejectReason reason, String detail) {

    /** The reject of the value on {@code line} of the batch body. */
    public IngestionReport.Reject at(int line, BatchValue value) {
        return new IngestionReport.Reject(line, value.obis(), value.slotStart(), reason, detail);
    }
}
