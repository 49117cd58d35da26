package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.security.cert.X509Certificate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.pki.csr.GatewayRequests;
import org.smgwlite.platform.certificate.CertificateRecords;
import org.smgwlite.platform.certificate.CertificateRefusedException;
import org.smgwlite.platform.certificate.CertificateStatus;
import org.smgwlite.platform.certificate.RenewalWatch;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.certificate.GatewayCertificate;
import org.smgwlite.platform.gateway.GatewayOverview;
import org.smgwlite.platform.gateway.GatewayService;
import org.smgwlite.platform.gateway.GatewayState;
import org.smgwlite.platform.gateway.GatewaySummary;
import org.smgwlite.platform.household.HouseholdDraft;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.shared.TenantEntityManagers;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/**
 * The gateway lifecycle's application services on a real Payara against a real PostgreSQL (V12): registration errors
 * by field, one gateway per household and replacing it on purpose (double click included), a new enrollment code
 * voiding the unused ones, revoking one certificate with a reason and refusing a second revocation, certificates due
 * for renewal, and the paged, searched gateway list with its states.
 */
@ExtendWith(ArquillianExtension.class)
class GatewayLifecycleIT {

    private static final TenantId A = TenantId.of("it-tenant-a");
    private static final TenantId B = TenantId.of("it-tenant-b");
    private static final String RUN = String.format("%08d", new Random().nextInt(100_000_000));
    private static final String OPERATOR = "operator:it";

    @Deployment
    static WebArchive deployment() {
        return PlatformArchives.coreWar("gateway-lifecycle-it.war").addClasses(GatewayLifecycleIT.class, ItTenants.class);
    }

    @Inject
    GatewayService gateways;

    @Inject
    GatewayOverview overview;

    @Inject
    EnrollmentService enrollment;

    @Inject
    CertificateRecords certificates;

    @Inject
    HouseholdService households;

    @Inject
    RenewalWatch renewals;

    @Inject
    TenantService tenants;

    /** For moving a certificate's end: native SQL in a transaction bound to tenant A as the platform binds it. */
    @Resource
    UserTransaction tx;

    @Inject
    TenantEntityManagers entityManagers;

    @Resource(lookup = "java:app/jdbc/smgw")
    DataSource dataSource;

    private long household(TenantId tenant, String tag) {
        ItTenants.ensure(tenants, TenantKind.ENERGY_COMMUNITY, A, B);
        String suffix = tag + RUN;
        String melo = "DE0000000000000000000000000000000".substring(0, 33 - suffix.length()) + suffix;
        return households.create(tenant, new HouseholdDraft("Gateway IT " + tag, "Teststraße 1", "12345", "Teststadt", melo,
                "1EMH0000000001", null)).id();
    }

    private static String gw(String tag) {
        return "ITLC" + tag + RUN;
    }

    /** EST enrollment with {@code code}, a new key on the tenant's curve. */
    private IssuedCertificate enroll(String gatewayId, String code) {
        List<X509Certificate> chain = enrollment.caCertificates(A);
        Curve curve = GatewayRequests.keyCurveFor(chain, List.of(chain.get(chain.size() - 1)), Instant.now());
        byte[] csr = Base64.getEncoder().encode(GatewayRequests.csrDer(GatewayRequests.newKeyPair(curve), GatewayId.of(gatewayId)));
        return enrollment.enroll(A, gatewayId, code, csr, "it");
    }

    private String code(String gatewayId) {
        return gateways.createEnrollmentCode(A, gatewayId, GatewayService.DEFAULT_CODE_VALIDITY, OPERATOR).code();
    }

    @Test
    void registration_errors_name_their_field_and_save_nothing() {
        long own = household(A, "REG1");
        long othersTenant = household(B, "REG2");

        assertThatThrownBy(() -> gateways.register(A, "bad id!", othersTenant, false, OPERATOR))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("gatewayId", "householdId")
                        .containsEntry("householdId", "no household " + othersTenant + " in this tenant"));
        gateways.register(A, gw("R1"), own, false, OPERATOR);
        assertThatThrownBy(() -> gateways.register(A, gw("R1"), household(A, "REG3"), false, OPERATOR))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).contains("gatewayId"));
        assertThatThrownBy(() -> gateways.register(A, gw("R2"), own, false, OPERATOR))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).contains("householdId"))
                .hasMessageContaining(gw("R1"));
        assertThat(overview.count(A, gw("R2"))).isZero();
    }

    @Test
    void replacing_on_purpose_retires_the_old_gateway_and_revokes_its_certificates_as_superseded() {
        long home = household(A, "REP1");
        gateways.register(A, gw("OLD"), home, false, OPERATOR);
        IssuedCertificate old = enroll(gw("OLD"), code(gw("OLD")));

        gateways.register(A, gw("NEW"), home, true, OPERATOR);

        GatewayCertificate revoked = certificates.one(A, GatewayId.of(gw("OLD")), old.serialHex());
        assertThat(revoked.revocationReason()).contains(RevocationReason.SUPERSEDED);
        assertThat(gateways.get(A, gw("OLD")).isRetired()).isTrue();
        assertThat(overview.page(A, gw("OLD"), new PageRequest(0, 10))).singleElement()
                .extracting(GatewaySummary::state).isEqualTo(GatewayState.REVOKED);
        assertThatThrownBy(() -> code(gw("OLD"))).isInstanceOf(ConflictException.class).hasMessageContaining("replaced");
    }

    @Test
    void a_double_click_registers_one_gateway_per_household() throws Exception {
        long home = household(A, "DBL1");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<String>> clicks = new ArrayList<>();
            for (String tag : List.of("D1", "D2")) {
                clicks.add(() -> gateways.register(A, gw(tag), home, false, OPERATOR).gatewayId().value());
            }
            int registered = 0;
            int refused = 0;
            for (Future<String> f : pool.invokeAll(clicks)) {
                try {
                    f.get();
                    registered++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                    refused++;
                }
            }
            assertThat(registered).isEqualTo(1);
            assertThat(refused).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_new_code_voids_the_unused_earlier_one() {
        gateways.register(A, gw("VOID"), household(A, "VOID1"), false, OPERATOR);
        String first = code(gw("VOID"));
        String second = code(gw("VOID"));

        assertThatThrownBy(() -> enroll(gw("VOID"), first)).isInstanceOf(CertificateRefusedException.class);
        assertThat(enroll(gw("VOID"), second).gatewayId()).contains(GatewayId.of(gw("VOID")));
    }

    @Test
    void a_certificate_is_revoked_once_with_its_reason_and_a_second_revocation_says_when_and_why() {
        gateways.register(A, gw("REV"), household(A, "REV1"), false, OPERATOR);
        IssuedCertificate issued = enroll(gw("REV"), code(gw("REV")));

        GatewayCertificate revoked = enrollment.revokeCertificate(A, gw("REV"), issued.serialHex().toUpperCase(),
                RevocationReason.KEY_COMPROMISE, OPERATOR);

        assertThat(revoked.revocationReason()).contains(RevocationReason.KEY_COMPROMISE);
        assertThatThrownBy(() -> enrollment.revokeCertificate(A, gw("REV"), issued.serialHex(), RevocationReason.SUPERSEDED, OPERATOR))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).contains("serial"))
                .hasMessageContaining("revoked already").hasMessageContaining("KEY_COMPROMISE");
        assertThat(enrollment.crl(A).getRevokedCertificate(issued.serial())).isNotNull();
    }

    @Test
    void a_certificate_ending_within_30_days_is_due_until_the_gateway_has_a_newer_one() throws Exception {
        gateways.register(A, gw("DUE"), household(A, "DUE1"), false, OPERATOR);
        IssuedCertificate first = enroll(gw("DUE"), code(gw("DUE")));
        endsInTenDays(first.serialHex());

        assertThat(renewals.due(A, new PageRequest(0, PageRequest.MAX_LIMIT)))
                .filteredOn(d -> d.gatewayId().equals(gw("DUE"))).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(CertificateStatus.EXPIRING))
                .satisfies(d -> assertThat(d.certificate().serialHex()).isEqualTo(first.serialHex()));

        enroll(gw("DUE"), code(gw("DUE")));
        assertThat(renewals.due(A, new PageRequest(0, PageRequest.MAX_LIMIT)))
                .noneMatch(d -> d.gatewayId().equals(gw("DUE")));
        assertThat(renewals.due(B, new PageRequest(0, PageRequest.MAX_LIMIT)))
                .noneMatch(d -> d.gatewayId().equals(gw("DUE")));
    }

    /** Moves the certificate's notAfter to ten days from now, in a transaction bound to tenant A as the platform binds it. */
    private void endsInTenDays(String serialHex) throws Exception {
        tx.begin();
        try (var em = entityManagers.forTenant(A); Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE certificate SET not_after = now() + interval '10 days'"
                     + " WHERE tenant_id = ? AND serial_hex = ?")) {
            ps.setString(1, A.value());
            ps.setString(2, serialHex);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (Exception e) {
            tx.rollback();
            throw e;
        }
        tx.commit();
    }

    @Test
    void the_list_is_paged_and_searched_in_the_database_and_shows_no_other_tenants_gateways() {
        String prefix = "ITLCPAGE" + RUN;
        for (int i = 1; i <= 3; i++) {
            gateways.register(A, prefix + i, household(A, "PG" + i), false, OPERATOR);
        }
        enroll(prefix + 2, code(prefix + 2));

        assertThat(overview.count(A, prefix.toLowerCase())).isEqualTo(3);
        List<GatewaySummary> first = overview.page(A, prefix, new PageRequest(0, 2));
        List<GatewaySummary> second = overview.page(A, prefix, new PageRequest(2, 2));
        assertThat(first).extracting(GatewaySummary::gatewayId).containsExactly(prefix + 1, prefix + 2);
        assertThat(second).extracting(GatewaySummary::gatewayId).containsExactly(prefix + 3);
        assertThat(first).extracting(GatewaySummary::state).containsExactly(GatewayState.REGISTERED, GatewayState.ENROLLED);
        assertThat(overview.count(B, prefix)).isZero();
        assertThat(overview.count(A, String.valueOf(first.get(0).householdId()))).isEqualTo(1);
    }
}
