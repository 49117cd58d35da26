package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditCursor;
import org.smgwlite.platform.audit.AuditEvent;
import org.smgwlite.platform.audit.AuditFilter;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.audit.AuditPage;
import org.smgwlite.platform.audit.AuditScope;
import org.smgwlite.platform.audit.AuditTrail;
import org.smgwlite.platform.certificate.TenantCaSummary;
import org.smgwlite.platform.certificate.TenantCas;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.TenantEntityManagers;
import org.smgwlite.platform.tenant.Tenant;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/**
 * The audit trail's read side and the per-tenant curve policy on a real Payara and PostgreSQL: a tenant's pages hold
 * its events only (the query and, under it, row-level security of V11), keyset pages cover every event once, newest
 * first, the CSV is the same rows; a tenant's policy is free until it has a CA and then fixed to the CA's family.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    private static final TenantId A = TenantId.of("it-audit-a");
    private static final TenantId B = TenantId.of("it-audit-b");
    /** Gateway ids unique to this run, so that a database kept from an earlier run does not add rows to the counts. */
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();

    @Deployment
    static WebArchive deployment() {
        return PlatformArchives.coreWar("audit-trail-it.war").addClasses(AuditTrailIT.class, ItTenants.class);
    }

    @Inject
    AuditLog log;

    @Inject
    AuditTrail trail;

    @Inject
    TenantService tenants;

    @Inject
    TenantCas cas;

    @Inject
    TenantEntityManagers entityManagers;

    @Resource(lookup = "java:app/jdbc/smgw")
    DataSource dataSource;

    @Resource
    UserTransaction tx;

    /** {@code count} events of tenant A's gateway and, under the same gateway id, some of B's. */
    private GatewayId eventsOfBothTenants(String tag, int count) {
        ItTenants.ensure(tenants, TenantKind.METERING_POINT_OPERATOR, A, B);
        GatewayId gateway = GatewayId.of("IT" + tag + RUN);
        for (int i = 0; i < count; i++) {
            log.success(A, "it", i % 2 == 0 ? AuditAction.GATEWAY_REGISTERED : AuditAction.CERTIFICATE_ISSUED,
                    "gateway:" + gateway.value(), "n=" + i);
        }
        for (int i = 0; i < 3; i++) {
            log.success(B, "it", AuditAction.GATEWAY_REGISTERED, "gateway:" + gateway.value(), "of B");
        }
        return gateway;
    }

    private static AuditFilter ofGateway(GatewayId gateway) {
        return new AuditFilter(Optional.of(gateway), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void keyset_pages_hold_each_event_of_the_tenant_once_newest_first_and_none_of_another_tenant() {
        GatewayId gateway = eventsOfBothTenants("PAGE", 7);

        List<AuditEvent> seen = new ArrayList<>();
        Optional<AuditCursor> after = Optional.empty();
        int pages = 0;
        do {
            AuditPage page = trail.page(AuditScope.tenant(A), ofGateway(gateway), after, 3);
            seen.addAll(page.events());
            after = page.next();
            pages++;
        } while (after.isPresent());

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(A));
        assertThat(seen).extracting(AuditEvent::id).doesNotHaveDuplicates();
        assertThat(seen).extracting(AuditEvent::detail).containsExactly("n=6", "n=5", "n=4", "n=3", "n=2", "n=1", "n=0");
        assertThat(trail.page(AuditScope.tenant(B), ofGateway(gateway), Optional.empty(), 50).events())
                .hasSize(3).allSatisfy(e -> assertThat(e.detail()).isEqualTo("of B"));
        assertThat(trail.page(AuditScope.allTenants(), ofGateway(gateway), Optional.empty(), 50).events()).hasSize(10);
    }

    @Test
    void the_kind_filter_and_the_csv_show_the_same_rows() {
        GatewayId gateway = eventsOfBothTenants("CSV", 4);
        AuditFilter issued = new AuditFilter(Optional.of(gateway), Optional.of(AuditAction.CERTIFICATE_ISSUED),
                Optional.empty(), Optional.empty());
        StringWriter csv = new StringWriter();

        trail.writeCsv(AuditScope.tenant(A), issued, csv);

        assertThat(trail.page(AuditScope.tenant(A), issued, Optional.empty(), 50).events())
                .extracting(AuditEvent::detail).containsExactly("n=3", "n=1");
        assertThat(csv.toString().split("\r\n")).hasSize(3);
        assertThat(csv.toString()).startsWith("at_utc,");
        assertThat(csv.toString()).contains("n=3", "n=1").doesNotContain("n=2", "of B");
    }

    @Test
    void row_level_security_keeps_a_tenants_audit_rows_from_a_transaction_bound_to_another() throws Exception {
        eventsOfBothTenants("RLS", 1);

        assertThat(auditRowsOfASeenBy(B)).as("A's audit rows in a transaction bound to B").isZero();
        assertThat(auditRowsOfASeenBy(A)).as("in one bound to A").isPositive();
    }

    private long auditRowsOfASeenBy(TenantId bound) throws Exception {
        tx.begin();
        try (var em = entityManagers.forTenant(bound);
             Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event WHERE tenant_id = '" + A.value() + "'")) {
            rs.next();
            return rs.getLong(1);
        } finally {
            tx.rollback();
        }
    }

    @Test
    void a_bad_page_size_is_refused_on_limit() {
        assertThatThrownBy(() -> trail.page(AuditScope.tenant(A), AuditFilter.NONE, Optional.empty(), 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("limit"));
    }

    @Test
    void the_curve_policy_is_free_until_the_tenant_has_a_ca_and_then_the_cas() {
        TenantId fresh = TenantId.of("it-policy-" + RUN.toLowerCase());
        tenants.create(fresh, "IT policy", TenantKind.ENERGY_COMMUNITY);
        assertThat(cas.summary(fresh)).as("looking creates no CA").isEmpty();

        Tenant chosen = tenants.update(fresh, "IT policy", TenantKind.ENERGY_COMMUNITY, Optional.of(CurvePolicy.BRAINPOOL));
        assertThat(chosen.curvePolicy()).contains(CurvePolicy.BRAINPOOL);

        assertThat(cas.forTenant(fresh).policy()).as("the CA is made on the stored policy").isEqualTo(CurvePolicy.BRAINPOOL);
        TenantCaSummary summary = cas.summary(fresh).orElseThrow();
        assertThat(summary.policy()).isEqualTo(CurvePolicy.BRAINPOOL);
        assertThat(summary.issued()).isZero();
        assertThat(summary.crlNextUpdate()).isAfter(summary.crlThisUpdate());

        assertThatThrownBy(() -> tenants.update(fresh, "IT policy renamed", TenantKind.ENERGY_COMMUNITY, Optional.of(CurvePolicy.NIST)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("curvePolicy"));
        assertThat(tenants.get(fresh).name()).as("nothing of the refused edit was saved").isEqualTo("IT policy");
        assertThat(tenants.update(fresh, "IT policy renamed", TenantKind.ENERGY_COMMUNITY, Optional.of(CurvePolicy.BRAINPOOL)).name())
                .isEqualTo("IT policy renamed");
    }
}
