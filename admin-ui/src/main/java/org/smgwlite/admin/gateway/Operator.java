package org.smgwlite.admin.gateway;

import org.smgwlite.pki.TenantId;

/**
 * The signed-in operator as the gateway pages act for them: the tenant every call is bound to, and the actor name the
 * services write to the audit log ({@code operator:<username>}, as the REST API writes it).
 */
record Operator(TenantId tenant, String actor) {

    static Operator of(TenantId tenant, String username) {
        return new Operator(tenant, "operator:" + username);
    }
}
