package org.smgwlite.platform.it;

import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.tenant.TenantKind;
import org.smgwlite.platform.tenant.TenantService;

/** In-container ITs: their own tenants, created on first use (a database kept from an earlier run has them). */
final class ItTenants {

    private ItTenants() {
    }

    static void ensure(TenantService tenants, TenantKind kind, TenantId... ids) {
        for (TenantId t : ids) {
            if (tenants.find(t).isEmpty()) {
                tenants.create(t, "IT " + t, kind);
            }
        }
    }
}
