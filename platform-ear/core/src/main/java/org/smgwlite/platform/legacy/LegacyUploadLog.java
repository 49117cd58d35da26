package org.smgwlite.platform.legacy;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * Logs an upload the door answered 400 or 413 for an authenticated device. In a transaction of its own: the refusal
 * rolls the upload's transaction back (nothing of the request is stored), its log row must stay.
 */
@Stateless
public class LegacyUploadLog {

    @Inject
    TenantEntityManagers entityManagers;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refused(TenantId tenant, long gatewayRef, long bytes, int status, String reason) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            new LegacyUploads(em, tenant).insert(gatewayRef, bytes, status, null, UploadLogText.refusal(reason));
        }
    }
}
