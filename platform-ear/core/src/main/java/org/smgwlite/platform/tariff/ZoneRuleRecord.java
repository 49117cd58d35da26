package org.smgwlite.platform.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.smgwlite.platform.shared.TenantEntityManagers;

/** A row of {@code tariff_zone_rule}: rule {@code position} of a profile version, written once with it. */
@Entity
@Table(name = "tariff_zone_rule")
@IdClass(ZoneRuleRecord.Key.class)
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantEntityManagers.TENANT_PROPERTY, length = 40)
public class ZoneRuleRecord {

    /** The primary key without the tenant (version ids are unique across tenants). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long versionId;
        private int position;

        public Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.versionId == versionId && k.position == position;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(versionId) * 31 + position;
        }
    }

    @Id
    @Column(name = "version_id")
    private long versionId;

    @Id
    private int position;

    private String zone;
    private int days;

    @Column(name = "from_minute")
    private int fromMinute;

    @Column(name = "to_minute")
    private int toMinute;

    protected ZoneRuleRecord() {
        // for JPA
    }

    ZoneRuleRecord(long versionId, int position, ZoneRule rule) {
        this.versionId = versionId;
        this.position = position;
        this.zone = rule.zone().strip();
        this.days = rule.dayBits();
        this.fromMinute = rule.fromMinute();
        this.toMinute = rule.toMinute();
    }

    long versionId() {
        return versionId;
    }

    int position() {
        return position;
    }

    ZoneRule rule() {
        return new ZoneRule(zone, ZoneRule.daysOf(days), fromMinute, toMinute);
    }
}
