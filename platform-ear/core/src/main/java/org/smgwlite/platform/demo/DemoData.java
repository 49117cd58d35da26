package org.smgwlite.platform.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.cluster.ClusterJob;
import org.smgwlite.platform.cluster.ClusterJobs;
import org.smgwlite.platform.cluster.JobOutcome;
import org.smgwlite.platform.cluster.JobResult;
import org.smgwlite.platform.cluster.JobSlots;
import org.smgwlite.platform.household.HouseholdDraft;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.tariff.StandardProfiles;
import org.smgwlite.platform.tariff.TariffService;
import org.smgwlite.platform.tariff.VersionDraft;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/**
 * Loads the demo tenants and households once (a second start finds them and adds nothing).
 * Tenant ids and viewer usernames match {@code keycloak/smgw-demo-realm.json}. The nodes of a deployment group start
 * at about the same time: the load is a cluster job ({@link ClusterJobs}) of the UTC day, so one node loads and the
 * others, finding the day's claim, do not try to create the same tenants at once.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    public static final TenantId STADTWERKE = TenantId.of("stadtwerke-demo");
    public static final TenantId BUERGERENERGIE = TenantId.of("buergerenergie-nord");

    @Inject
    @ConfigProperty(name = "smgw.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    TenantService tenants;

    @Inject
    HouseholdService households;

    @Inject
    TariffService tariffs;

    /** Each tenant and household is its own transaction: a transaction binds to one tenant only. */
    /** The job's name in {@code cluster_job_run}. */
    public static final ClusterJob JOB = ClusterJob.named("demo-data");

    @Inject
    ClusterJobs jobs;

    /** A load that failed fails this node's deployment, as on one node. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void load() {
        if (!enabled) {
            return;
        }
        jobs.runOnce(JOB, JobSlots.day(LocalDate.now(ZoneOffset.UTC), ZoneOffset.UTC), this::loadMissing)
                .filter(result -> result.outcome() == JobOutcome.FAILED)
                .ifPresent(result -> {
                    throw new IllegalStateException("demo data not loaded: " + result.detail());
                });
    }

    private JobResult loadMissing() {
        if (tenants.find(STADTWERKE).isEmpty()) {
            tenants.create(STADTWERKE, "Stadtwerke Demo", TenantKind.METERING_POINT_OPERATOR);
            for (HouseholdDraft h : List.of(
                    new HouseholdDraft("Familie Müller", "Lindenstraße 12", "34117", "Kassel",
                            "DE0001234534117000000000000000001", "1EMH0012345678", "household"),
                    new HouseholdDraft("Wohnung Schmidt", "Am Markt 3", "34117", "Kassel",
                            "DE0001234534117000000000000000002", "1ISK0087654321", "household2"),
                    new HouseholdDraft("Bäckerei Weber", "Bahnhofstraße 40", "34119", "Kassel",
                            "DE0001234534119000000000000000003", "1DZG0011223344", null))) {
                households.create(STADTWERKE, h);
            }
            LOG.info("demo tenant " + STADTWERKE + " loaded");
        }
        if (tenants.find(BUERGERENERGIE).isEmpty()) {
            tenants.create(BUERGERENERGIE, "Bürgerenergie Nord eG", TenantKind.ENERGY_COMMUNITY);
            households.create(BUERGERENERGIE, new HouseholdDraft("Hof Jansen", "Deichweg 5", "25899", "Niebüll",
                    "DE0009876525899000000000000000001", "1EBZ0055667788", null));
            LOG.info("demo tenant " + BUERGERENERGIE + " loaded");
        }
        tariffProfile();
        return JobResult.done("demo tenants " + STADTWERKE + " and " + BUERGERENERGIE + " in place");
    }

    /**
     * The demo tenant's TAF 2 profile "HT/NT" (HT Monday to Friday 06:00-22:00, NT otherwise, since 2020), assigned to
     * its demo households (Messlokation DE000123453411...) that have none; also on a database loaded before profiles
     * existed.
     */
    private void tariffProfile() {
        if (tariffs.count(STADTWERKE, StandardProfiles.HT_NT) > 0) {
            return;
        }
        long profile = tariffs.create(STADTWERKE, "demo", StandardProfiles.HT_NT,
                new VersionDraft(LocalDate.of(2020, 1, 1), StandardProfiles.htNt())).id();
        households.page(STADTWERKE, "DE000123453411", new PageRequest(0, PageRequest.MAX_LIMIT)).stream()
                .filter(h -> h.tariffProfileId().isEmpty())
                .forEach(h -> tariffs.assign(STADTWERKE, "demo", h.id(), profile));
        LOG.info("demo tariff profile " + StandardProfiles.HT_NT + " loaded");
    }
}
