package org.smgwlite.agent.sml.structure;

import java.math.BigInteger;

/**
 * SML_Value as sent: the wire type and width are kept, because meter quirks are recognised by them
 * (a DZG meter's positive power shows up as a short Integer with its top bit set).
 */
public sealed interface SmlValue {

    /** Octet string (server ids, manufacturer, public keys, firmware versions). */
    record Bytes(byte[] value) implements SmlValue {
    }

    record Bool(boolean value) implements SmlValue {
    }

    /**
     * IntegerN: {@code value} is sign-extended from {@code width} bytes.
     *
     * @param width number of value bytes on the wire, 1..8
     */
    record Signed(long value, int width) implements SmlValue {
    }

    /**
     * UnsignedN: {@code bits} holds the value; for width 8 it may exceed {@link Long#MAX_VALUE},
     * so read it through {@link #toBigInteger()} unless you know the width is smaller.
     */
    record Unsigned(long bits, int width) implements SmlValue {
        public BigInteger toBigInteger() {
            return bits >= 0 ? BigInteger.valueOf(bits) : BigInteger.valueOf(bits).add(BigInteger.ONE.shiftLeft(64));
        }
    }
}
