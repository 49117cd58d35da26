package org.smgwlite.agent.status;

/**
 * Everything known about the quality of one value: the meter's status word as sent ({@code null} when the meter
 * sends none) and the gateway's {@link GatewayStatus} bits. The PTB level is derived, never stored separately,
 * so it cannot disagree with the bits.
 */
public record ValueStatus(Long meterStatus, int gatewayBits) {

    public static final ValueStatus OK = new ValueStatus(null, 0);

    public ValueStatus with(GatewayStatus bit) {
        return new ValueStatus(meterStatus, gatewayBits | bit.bit());
    }

    public ValueStatus withBits(int bits) {
        return new ValueStatus(meterStatus, gatewayBits | bits);
    }

    public boolean has(GatewayStatus bit) {
        return bit.isSetIn(gatewayBits);
    }

    /** The highest level of the meter word (under {@link MeterStatusWord#UNMAPPED}) and of every gateway bit set. */
    public PtbLevel level() {
        return level(MeterStatusWord.UNMAPPED);
    }

    /** The highest level of the meter word under {@code meterWord} and of every gateway bit set. */
    public PtbLevel level(MeterStatusWord meterWord) {
        PtbLevel level = meterWord.level(meterStatus);
        for (GatewayStatus s : GatewayStatus.values()) {
            if (s.isSetIn(gatewayBits)) {
                level = level.max(s.level());
            }
        }
        return level;
    }

    @Override
    public String toString() {
        return "level " + level().level() + (meterStatus == null ? "" : " meter 0x" + Long.toHexString(meterStatus))
                + (gatewayBits == 0 ? "" : " " + GatewayStatus.names(gatewayBits));
    }
}
