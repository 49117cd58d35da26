package org.smgwlite.platform.legacy;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Optional;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.gateway.Gateway;
import org.smgwlite.platform.gateway.GatewayService;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * Writes an SMGW.Lite gateway: the household's gateway ({@link GatewayService#register}, its one-active-gateway rule)
 * and the {@code legacy_gateway} row with the token hash, audited. A bean of its own so an import can give each
 * device its own transaction ({@link #importLine}): a device refused at the store costs that line only.
 */
@Stateless
public class LegacyRegistrar {

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    GatewayService gateways;

    @Inject
    AuditLog audit;

    /**
     * Registers the device in the caller's transaction.
     *
     * @param gatewayId blank: {@code smgwlite-<deviceId>}
     * @throws ConflictException on {@code deviceId} if the tenant has it, and as {@link GatewayService#register}
     */
    public Gateway add(TenantId tenant, Long householdId, String gatewayId, LegacyDeviceId deviceId, String tokenSha256,
                       String source, String actor) {
        String gwId = gatewayId == null || gatewayId.isBlank() ? defaultGatewayId(deviceId) : gatewayId.strip();
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            LegacyGateways legacy = new LegacyGateways(em, tenant);
            if (legacy.find(deviceId.value()).isPresent()) {
                throw new ConflictException("deviceId", "device " + deviceId + " is registered already in this tenant");
            }
            Gateway gateway = gateways.register(tenant, gwId, householdId, false, actor);
            legacy.insert(gateway.id(), deviceId, tokenSha256, source);
            audit.success(tenant, actor, AuditAction.LEGACY_GATEWAY_REGISTERED, "gateway:" + gateway.gatewayId(),
                    "device=" + deviceId + " token=" + source.toLowerCase(Locale.ROOT));
            return gateway;
        }
    }

    /**
     * One line of a {@code clients} import in a transaction of its own, with its stored token hash: refused with the
     * reason when the tenant has the device id, the household is not the tenant's or has a gateway, or the gateway id is
     * taken. A conflict found only by the store (a registration at the same moment) is thrown and rolls back this line.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ClientImport.Line importLine(TenantId tenant, ClientsCsv.Client client, long householdId, String actor) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            LegacyGateways legacy = new LegacyGateways(em, tenant);
            if (legacy.find(client.deviceId().value()).isPresent()) {
                return ClientImport.Line.refused(client, ImportRefusal.DEVICE_REGISTERED,
                        "device " + client.deviceId() + " is registered already");
            }
            Optional<LegacyGateways.Blocked> blocked = legacy.cannotRegister(householdId, defaultGatewayId(client.deviceId()));
            if (blocked.isPresent()) {
                return ClientImport.Line.refused(client, blocked.get().reason(), blocked.get().detail());
            }
        }
        add(tenant, householdId, null, client.deviceId(), client.tokenSha256(), "IMPORTED", actor);
        return ClientImport.Line.imported(client);
    }

    /** {@code smgwlite-<deviceId>}, {@code ~} as {@code -} (not allowed in gateway ids). */
    static String defaultGatewayId(LegacyDeviceId deviceId) {
        return "smgwlite-" + deviceId.value().replace('~', '-');
    }
}
