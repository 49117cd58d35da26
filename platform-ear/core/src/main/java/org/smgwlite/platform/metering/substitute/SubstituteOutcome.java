package org.smgwlite.platform.metering.substitute;

/**
 * What a run did: substitute values made, current ones it marked replaced (their gap's bounds moved, or a true value
 * arrived for their slot), and gaps it could not fill (open-ended: no true value after them yet).
 */
public record SubstituteOutcome(int made, int replaced, int gapsLeft) {

    public static final SubstituteOutcome NONE = new SubstituteOutcome(0, 0, 0);

    public SubstituteOutcome plus(SubstituteOutcome other) {
        return new SubstituteOutcome(made + other.made, replaced + other.replaced, gapsLeft + other.gapsLeft);
    }
}
