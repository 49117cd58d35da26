package org.smgwlite.agent.upload;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.metering.contract.ReadingBatch;

/**
 * Turns stored billing values into the shared batch format. A slot without a value is left out (the platform
 * records it as a gap); TAF 14 samples never leave the gateway.
 */
public final class BatchBuilder {

    private BatchBuilder() {
    }

    public static ReadingBatch build(String gatewayId, long householdId, List<TafValue> values, List<String> eichlog, Instant now) {
        List<BatchValue> out = new ArrayList<>(values.size());
        for (TafValue v : values) {
            if (v.kind() == TafKind.TAF14 || v.value() == null) {
                continue;
            }
            String unit = v.value().unit().symbol();
            out.add(new BatchValue(householdId, v.kind() == TafKind.TAF7 ? 7 : 6, v.slot(), v.obis().toString(),
                    BigInteger.valueOf(v.value().unscaled()), v.value().scaler(), unit == null || unit.isEmpty() ? "none" : unit,
                    v.status().level().level(), v.status().gatewayBits(), v.requestId()));
        }
        return new ReadingBatch(gatewayId, now, out, eichlog);
    }
}
