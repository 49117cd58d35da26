package org.smgwlite.platform.metering.taf6;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.smgwlite.platform.cluster.ClusterJob;
import org.smgwlite.platform.cluster.ClusterJobs;
import org.smgwlite.platform.cluster.JobResult;
import org.smgwlite.platform.cluster.JobSlots;
import org.smgwlite.platform.cluster.TenantByTenant;
import org.smgwlite.platform.tenant.TenantService;

/**
 * The sweep of TAF 6 requests nobody answered: every quarter hour, once per cluster, each tenant's open requests older
 * than {@code smgw.taf6.ttl} expire ({@link Taf6Requests#expireStale(org.smgwlite.pki.TenantId)}), a transaction per
 * tenant. Reading or picking up a gateway's requests expires its own at once anyway; the sweep makes the gateway
 * overview, which shows each gateway's last request, right for gateways nobody looked at. A missed quarter hour is
 * swept by the next one, so a slot whose node died is not taken over.
 */
@Singleton
public class Taf6Expiry {

    /** The job's name in {@code cluster_job_run}. */
    public static final ClusterJob JOB = ClusterJob.named("taf6-expiry");
    static final Duration EVERY = Duration.ofMinutes(15);

    @Inject
    TenantService tenants;

    @Inject
    Taf6Requests requests;

    @Inject
    ClusterJobs jobs;

    @Schedule(hour = "*", minute = "*/15", persistent = false)
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        jobs.runOnce(JOB, JobSlots.every(EVERY, Instant.now()), this::everyTenant);
    }

    private JobResult everyTenant() {
        return TenantByTenant.run(tenants.list(), "TAF 6 expiry", "requests expired", requests::expireStale);
    }
}
