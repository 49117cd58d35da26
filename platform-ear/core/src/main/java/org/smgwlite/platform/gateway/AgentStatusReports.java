package org.smgwlite.platform.gateway;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * Keeps the latest status each gateway's agent reported, with the time it arrived (columns of {@code gateway}, V14),
 * in the gateway's tenant; {@link GatewayOverview} shows it. An older status is simply replaced: the list shows the
 * agent as it is now, its history is the Eichlog's business.
 */
@Stateless
public class AgentStatusReports {

    static final String STORE = "UPDATE gateway SET agent_status = CAST(?1 AS jsonb), agent_status_at = now()"
            + " WHERE tenant_id = ?2 AND gateway_id = ?3";

    @Inject
    TenantEntityManagers entityManagers;

    /** Stores the status of the gateway of the client certificate, replacing the one before. */
    public void received(DeviceIdentity gw, AgentStatus status) {
        try (EntityManager em = entityManagers.forTenant(gw.tenant())) {
            em.createNativeQuery(STORE).setParameter(1, AgentStatusJson.write(status))
                    .setParameter(2, gw.tenant().value()).setParameter(3, gw.gatewayId()).executeUpdate();
        }
    }
}
