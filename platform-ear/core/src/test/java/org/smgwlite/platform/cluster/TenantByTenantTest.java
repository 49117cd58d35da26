package org.smgwlite.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.tenant.Tenant;
import org.smgwlite.platform.tenant.TenantKind;

/** A nightly job over the tenants: one tenant's failure stops no other, and the job's result names it. */
class TenantByTenantTest {

    private static final List<Tenant> TENANTS = List.of(tenant("alpha"), tenant("beta"), tenant("gamma"));

    private static Tenant tenant(String id) {
        return new Tenant(TenantId.of(id), id, TenantKind.ENERGY_COMMUNITY);
    }

    @Test
    void every_tenant_runs_and_the_counts_add_up() {
        List<String> ran = new ArrayList<>();
        JobResult result = TenantByTenant.run(TENANTS, "test", "values made", t -> {
            ran.add(t.value());
            return t.value().length();
        });
        assertThat(ran).containsExactly("alpha", "beta", "gamma");
        assertThat(result).isEqualTo(JobResult.done("14 values made in 3 tenants"));
    }

    @Test
    void a_failing_tenant_is_named_and_the_next_one_still_runs() {
        List<String> ran = new ArrayList<>();
        JobResult result = TenantByTenant.run(TENANTS, "test", "values made", t -> {
            ran.add(t.value());
            if (t.value().equals("beta")) {
                throw new IllegalStateException("beta broke");
            }
            return 1;
        });
        assertThat(ran).containsExactly("alpha", "beta", "gamma");
        assertThat(result.outcome()).isEqualTo(JobOutcome.FAILED);
        assertThat(result.detail()).isEqualTo("2 values made in 3 tenants, failed for [beta]");
    }
}
