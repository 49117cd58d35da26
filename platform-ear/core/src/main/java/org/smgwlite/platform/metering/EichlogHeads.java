package org.smgwlite.platform.metering;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * The newest stored Eichlog entry of a gateway, for the gateway itself: a gateway whose journal file was lost or broken
 * chains its closing {@code EICHLOG_RESET} entry to it, so that {@link EichlogCheck} accepts the new chain after it.
 */
@Stateless
public class EichlogHeads {

    @Inject
    TenantEntityManagers entityManagers;

    /** Empty when nothing of the gateway's Eichlog is stored (it has not uploaded any entry yet). */
    public Optional<EichlogHead> newest(DeviceIdentity gw) {
        try (EntityManager em = entityManagers.forTenant(gw.tenant())) {
            return new StoredEichlog(em, gw).newest();
        }
    }
}
