package org.smgwlite.platform.metering.taf6;

import java.time.Instant;
import java.util.List;

/** A TAF 6 request as operators see it: who asked, why, where it stands, and the readings that answered it. */
public record Taf6RequestView(long id, String gatewayId, long householdId, String reason, String requestedBy,
                              Instant requestedAt, Instant pickedUpAt, Instant answeredAt, Taf6Status status,
                              String statusReason, List<Taf6Reading> values) {

    static Taf6RequestView of(Taf6Request r, List<Taf6Reading> values) {
        return new Taf6RequestView(r.id(), r.gatewayId(), r.householdId(), r.reason(), r.requestedBy(), r.requestedAt(),
                r.pickedUpAt().orElse(null), r.answeredAt().orElse(null), r.status(), r.statusReason().orElse(null),
                List.copyOf(values));
    }
}
