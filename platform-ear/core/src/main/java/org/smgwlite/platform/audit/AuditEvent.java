package org.smgwlite.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.smgwlite.pki.TenantId;

/**
 * One line of the audit log. Append-only: the table refuses UPDATE, DELETE and TRUNCATE (V2 trigger),
 * and this class has no setters. {@code detail} never holds key material or an enrollment code.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    /** Outcome of the audited attempt. */
    public enum Outcome { SUCCESS, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "tenant_id", length = 40)
    private String tenantId;

    @Column(name = "actor", nullable = false, length = 200)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 40)
    private AuditAction action;

    @Column(name = "subject", nullable = false, length = 200)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 16)
    private Outcome outcome;

    @Column(name = "detail", nullable = false)
    private String detail;

    protected AuditEvent() {
        // for JPA
    }

    AuditEvent(TenantId tenant, String actor, AuditAction action, String subject, Outcome outcome, String detail) {
        this.at = Instant.now();
        this.tenantId = tenant == null ? null : tenant.value();
        this.actor = cut(actor, 200);
        this.action = action;
        this.subject = cut(subject, 200);
        this.outcome = outcome;
        this.detail = detail == null ? "" : cut(detail, 4000);
    }

    private static String cut(String s, int max) {
        String clean = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= max ? clean : clean.substring(0, max - 3) + "...";
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public TenantId tenantId() {
        return tenantId == null ? null : TenantId.of(tenantId);
    }

    public String actor() {
        return actor;
    }

    public AuditAction action() {
        return action;
    }

    public String subject() {
        return subject;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }
}
