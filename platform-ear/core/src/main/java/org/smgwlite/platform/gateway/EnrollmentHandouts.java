package org.smgwlite.platform.gateway;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.listener.DevicePortSettings;

/**
 * Issues an enrollment code together with what its gateway's owner needs ({@link EnrollmentHandout}); the REST API and
 * the admin UI both call this. Two transactions: the code in the tenant's, then the CA chain, a platform table that
 * a tenant-bound transaction cannot read.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EnrollmentHandouts {

    @Inject
    GatewayService gateways;

    @Inject
    EnrollmentService enrollment;

    /** @see GatewayService#createEnrollmentCode */
    public EnrollmentHandout issue(TenantId tenant, String gatewayId, Duration validity, String actor) {
        NewGatewayEnrollmentCode code = gateways.createEnrollmentCode(tenant, gatewayId, validity, actor);
        return EnrollmentHandout.of(tenant, code, enrollment.caCertificates(tenant), DevicePortSettings.current());
    }
}
