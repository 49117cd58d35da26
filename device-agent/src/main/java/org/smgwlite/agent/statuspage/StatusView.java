package org.smgwlite.agent.statuspage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smgwlite.agent.eichlog.EichlogEntry;
import org.smgwlite.agent.taf.Snapshot;

/**
 * An immutable picture of the agent for the status page, published by the agent loop after each step so the HTTP
 * threads never touch the loop's state.
 *
 * @param latest       the last decoded telegram's registers and power, or {@code null}
 * @param lastStored   one line describing the last stored TAF 7 value, or {@code null}
 * @param lastUpload   one line about the last upload, or {@code null} when there was none
 * @param uploadRefused the platform refused the last upload's batch as a whole: its values wait in the store
 *                     and the next day's run tries again; an operator should look at the reason in
 *                     {@code lastUpload}
 */
public record StatusView(Instant now, String source, Snapshot latest, boolean meterSilent, long telegrams,
                         long rejections, long storeBytes, long storeCapacity, long lastSeq, long acknowledgedSeq,
                         int pendingBillingValues, String lastStored, String lastUpload, boolean uploadRefused,
                         List<EichlogEntry> eichlogTail, String eichlogLastHash) {

    /** The JSON document of {@code GET /status.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("now", now.toString());
        m.put("source", source);
        Map<String, Object> reading = new LinkedHashMap<>();
        if (latest != null) {
            reading.put("at", latest.at().toString());
            reading.put("meter", latest.meterId());
            reading.put("power_w", latest.power() == null ? null : latest.power().decimal());
            for (Snapshot.Register r : latest.registers()) {
                reading.put(r.obis().toString(), r.value().decimal().toPlainString() + " " + unit(r));
            }
        }
        m.put("last_reading", latest == null ? null : reading);
        m.put("meter_silent", meterSilent);
        m.put("telegrams", telegrams);
        m.put("rejected_frames", rejections);
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("bytes", storeBytes);
        store.put("capacity", storeCapacity);
        store.put("fill_percent", storeCapacity == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(storeBytes * 1000 / storeCapacity, 1));
        store.put("last_seq", lastSeq);
        store.put("acknowledged_seq", acknowledgedSeq);
        store.put("unacknowledged", lastSeq - acknowledgedSeq);
        store.put("pending_writes", pendingBillingValues);
        store.put("last_stored", lastStored);
        m.put("store", store);
        m.put("last_upload", lastUpload);
        m.put("upload_refused", uploadRefused);
        List<Map<String, Object>> tail = new ArrayList<>();
        for (EichlogEntry e : eichlogTail) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("n", e.n());
            t.put("time", e.time().toString());
            t.put("type", e.type());
            t.put("detail", e.detail());
            tail.add(t);
        }
        m.put("eichlog_tail", tail);
        m.put("eichlog_last_hash", eichlogLastHash);
        return m;
    }

    private static String unit(Snapshot.Register r) {
        return r.value().unit() == null ? "" : r.value().unit().symbol();
    }
}
