package org.smgwlite.platform.metering.taf6;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * An operator's request for a TAF 6 reading from one gateway, with its reason and its way through
 * {@link Taf6Status}. The transitions are here and only here: a request is picked up once, answered at most once,
 * and a closed request (answered, failed) does not change any more — except that a late answer to an expired request
 * still counts.
 */
@Entity
@Table(name = "taf6_request")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantEntityManagers.TENANT_PROPERTY, length = 40)
public class Taf6Request {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "gateway_id", nullable = false, length = 64)
    private String gatewayId;

    @Column(name = "household_id", nullable = false)
    private Long householdId;

    @Column(name = "reason", nullable = false, length = 200)
    private String reason;

    @Column(name = "requested_by", nullable = false, length = 200)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "picked_up_at")
    private Instant pickedUpAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Taf6Status status;

    @Column(name = "status_reason", length = 400)
    private String statusReason;

    protected Taf6Request() {
        // for JPA
    }

    Taf6Request(String gatewayId, long householdId, String reason, String requestedBy, Instant now) {
        this.gatewayId = gatewayId;
        this.householdId = householdId;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.status = Taf6Status.QUEUED;
    }

    /** The gateway took it; true if this is the first time. */
    boolean pickUp(Instant now) {
        if (status != Taf6Status.QUEUED) {
            return false;
        }
        status = Taf6Status.DELIVERED;
        pickedUpAt = now;
        return true;
    }

    /** No answer within {@code ttl}: true if this closed it. */
    boolean expireIfOlderThan(Instant deadline) {
        if (!status.open() || !requestedAt.isBefore(deadline)) {
            return false;
        }
        status = Taf6Status.EXPIRED;
        statusReason = "no answer from the gateway within the time allowed";
        return true;
    }

    /** Its signed reading arrived; true the first time. A failed request takes no answer ({@link #acceptsAnswer}). */
    boolean answer(Instant now) {
        if (!acceptsAnswer() || status == Taf6Status.ANSWERED) {
            return false;
        }
        statusReason = status == Taf6Status.EXPIRED ? "answered after it had expired" : null;
        status = Taf6Status.ANSWERED;
        answeredAt = now;
        return true;
    }

    /** A reading for it is still welcome: it is open, answered (a repeat) or expired (a late answer). */
    boolean acceptsAnswer() {
        return status != Taf6Status.FAILED;
    }

    /** The gateway said it cannot answer; true if this closed it. */
    boolean fail(String why, Instant now) {
        if (!status.open()) {
            return false;
        }
        status = Taf6Status.FAILED;
        statusReason = why.length() <= 400 ? why : why.substring(0, 397) + "...";
        answeredAt = now;
        return true;
    }

    public Long id() {
        return id;
    }

    public String gatewayId() {
        return gatewayId;
    }

    public long householdId() {
        return householdId;
    }

    public String reason() {
        return reason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Optional<Instant> pickedUpAt() {
        return Optional.ofNullable(pickedUpAt);
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    public Taf6Status status() {
        return status;
    }

    public Optional<String> statusReason() {
        return Optional.ofNullable(statusReason);
    }
}
