package org.smgwlite.agent.agent;

import java.time.Clock;
import java.util.function.Supplier;

import org.smgwlite.agent.eichlog.Eichlog;
import org.smgwlite.agent.eichlog.EichlogEntry;
import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.agent.statuspage.StatusView;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.upload.Uploader;

/**
 * Makes the {@link StatusView} on the loop thread at every turn and hands it to the status page's thread, which
 * reads it without touching the pipeline, the store or the Eichlog.
 */
final class StatusPublisher {

    private final Clock clock;
    private final MeterPipeline pipeline;
    private final ValueStore store;
    private final BillingBuffer billing;
    private final Eichlog eichlog;
    private final Supplier<String> sourceName;
    private volatile StatusView view;

    StatusPublisher(Clock clock, MeterPipeline pipeline, ValueStore store, BillingBuffer billing, Eichlog eichlog,
                    Supplier<String> sourceName) {
        this.clock = clock;
        this.pipeline = pipeline;
        this.store = store;
        this.billing = billing;
        this.eichlog = eichlog;
        this.sourceName = sourceName;
    }

    /** A new view of now; the last upload and whether it was refused come from the Eichlog's newest UPLOAD entry. */
    void publish() {
        EichlogEntry uploadEntry = eichlog.tail(50).stream().filter(e -> e.type().equals(EventType.UPLOAD.name()))
                .reduce((a, b) -> b).orElse(null);
        String lastUpload = uploadEntry == null ? null : uploadEntry.time() + " " + uploadEntry.detail();
        boolean uploadRefused = uploadEntry != null && uploadEntry.detail().startsWith(Uploader.REFUSED);
        view = new StatusView(clock.instant(), sourceName.get(), pipeline.latest(), pipeline.isSilent(),
                pipeline.telegrams(), pipeline.rejections(), store.sizeBytes(), store.capacityBytes(), store.lastSeq(),
                store.acknowledgedSeq(), billing.pendingBatches(), billing.lastStored(), lastUpload, uploadRefused,
                eichlog.tail(10), eichlog.lastHash());
    }

    /** The last view published; any thread. */
    StatusView view() {
        return view;
    }
}
