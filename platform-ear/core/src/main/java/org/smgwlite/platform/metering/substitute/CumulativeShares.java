package org.smgwlite.platform.metering.substitute;

import java.math.BigInteger;

/**
 * Splits a known integer difference over intervals in proportion to integer weights, exactly: the register value
 * after interval k is {@code floor(difference * (w0 + .. + wk) / (w0 + .. + wn-1))}. Rounding is cumulative, never
 * per interval, so the shares add up to the difference to the last unit, and with non-negative weights the register
 * never goes backwards.
 */
public final class CumulativeShares {

    private CumulativeShares() {
    }

    /**
     * The register offsets from the gap's start value at the slots inside the gap: {@code weights.length - 1} of them
     * (the slot after the last interval is the bounding true reading, offset {@code difference}).
     *
     * @param difference non-negative
     * @param weights    one per interval, non-negative, not all zero
     */
    public static BigInteger[] offsets(BigInteger difference, BigInteger[] weights) {
        if (difference.signum() < 0) {
            throw new IllegalArgumentException("difference must not be negative: " + difference);
        }
        BigInteger total = BigInteger.ZERO;
        for (BigInteger w : weights) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("weight must not be negative: " + w);
            }
            total = total.add(w);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("weights are all zero");
        }
        BigInteger[] offsets = new BigInteger[weights.length - 1];
        BigInteger cumulative = BigInteger.ZERO;
        for (int k = 0; k < offsets.length; k++) {
            cumulative = cumulative.add(weights[k]);
            offsets[k] = difference.multiply(cumulative).divide(total); // both non-negative: divide is floor
        }
        return offsets;
    }

    /** Equal weights: the straight line. */
    public static BigInteger[] linear(BigInteger difference, int intervals) {
        BigInteger[] ones = new BigInteger[intervals];
        java.util.Arrays.fill(ones, BigInteger.ONE);
        return offsets(difference, ones);
    }
}
