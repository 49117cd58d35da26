package org.smgwlite.platform.legacy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.gateway.Gateway;
import org.smgwlite.platform.gateway.GatewayService;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * The operator's side of SMGW.Lite gateways: register one for a household (a gateway of the household as
 * {@link GatewayService#register} makes it, plus device id and token hash), import the PHP backend's {@code clients}
 * table so devices keep their ids and tokens, and list them with what they last reported.
 */
@Stateless
public class LegacyGatewayService {

    /** The endpoint path the firmware is given, after the host; it must end with '/' (it appends {@code log.php}). */
    public static final String PATH = "/api/legacy/smgwlite/";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    GatewayService gateways;

    @Inject
    AuditLog audit;

    /** The result of an import: devices registered, and the lines not taken (CSV errors, no household, conflicts). */
    public record ImportResult(int imported, List<ClientsCsv.LineError> errors) {
    }

    /**
     * Registers device {@code deviceId} for {@code householdId} with a new token, returned once.
     *
     * @param gatewayId the platform's gateway id; blank: {@code smgwlite-<deviceId>}
     * @throws InvalidInputException on {@code deviceId}, {@code gatewayId} or {@code householdId}
     * @throws ConflictException     on {@code deviceId} if the tenant has it already, and as {@link GatewayService#register}
     */
    public NewLegacyGateway register(TenantId tenant, Long householdId, String gatewayId, String deviceId, String actor) {
        if (deviceId == null || deviceId.isBlank()) {
            throw new InvalidInputException("deviceId", "is required");
        }
        LegacyDeviceId id = new LegacyDeviceId(deviceId.strip());
        String token = LegacyToken.generate(RANDOM);
        Gateway gateway = add(tenant, householdId, gatewayId, id, LegacyToken.sha256Hex(token), "ISSUED", actor);
        return new NewLegacyGateway(id.value(), gateway.gatewayId().value(), householdId, token, PATH + tenant.value() + "/");
    }

    /**
     * Imports the lines of a {@code clients} export ({@link ClientsCsv}); each device needs its household in
     * {@code households} (device id to household id). Good lines are registered with their stored token hash; every
     * other line is reported with its reason, nothing of it stored. All or nothing for the good lines.
     */
    public ImportResult importClients(TenantId tenant, String csv, Map<String, Long> households, String actor) {
        ClientsCsv.Result parsed = ClientsCsv.parse(csv == null ? "" : csv);
        List<ClientsCsv.LineError> errors = new ArrayList<>(parsed.errors());
        int imported = 0;
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            LegacyGateways legacy = new LegacyGateways(em, tenant);
            for (ClientsCsv.Client c : parsed.clients()) {
                Long household = households == null ? null : households.get(c.deviceId().value());
                if (household == null) {
                    errors.add(new ClientsCsv.LineError(c.line(), "no household given for device " + c.deviceId()));
                } else if (legacy.find(c.deviceId().value()).isPresent()) {
                    errors.add(new ClientsCsv.LineError(c.line(), "device " + c.deviceId() + " is registered already"));
                } else if (legacy.cannotRegister(household, defaultGatewayId(c.deviceId())).isPresent()) {
                    errors.add(new ClientsCsv.LineError(c.line(), legacy.cannotRegister(household, defaultGatewayId(c.deviceId())).get()));
                } else {
                    add(tenant, household, null, c.deviceId(), c.tokenSha256().toLowerCase(java.util.Locale.ROOT), "IMPORTED", actor);
                    imported++;
                }
            }
        }
        errors.sort(java.util.Comparator.comparingInt(ClientsCsv.LineError::line));
        audit.success(tenant, actor, AuditAction.LEGACY_CLIENTS_IMPORTED, "tenant:" + tenant.value(),
                "imported=" + imported + " errors=" + errors.size());
        return new ImportResult(imported, List.copyOf(errors));
    }

    /**
     * A new token for the device, returned once; the old one (issued or imported) stops working at commit.
     *
     * @throws NotFoundException for a device id the tenant does not have
     */
    public NewLegacyGateway rotateToken(TenantId tenant, String deviceId, String actor) {
        String token = LegacyToken.generate(RANDOM);
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            LegacyGateways legacy = new LegacyGateways(em, tenant);
            LegacyGateways.Device device = deviceId == null ? null : legacy.find(deviceId).orElse(null);
            if (device == null || !legacy.setToken(deviceId, LegacyToken.sha256Hex(token))) {
                throw new NotFoundException("SMGW.Lite device", String.valueOf(deviceId));
            }
            audit.success(tenant, actor, AuditAction.LEGACY_TOKEN_ISSUED, "gateway:" + device.gatewayId(), "device=" + deviceId);
            return new NewLegacyGateway(deviceId, device.gatewayId(), device.householdId(), token, PATH + tenant.value() + "/");
        }
    }

    /** The device's events, newest first, with the status codes named; {@code total} of them in all. */
    public record EventPage(long total, List<LegacyEvent> items) {
    }

    /** @throws NotFoundException for a device id the tenant does not have */
    public EventPage events(TenantId tenant, String deviceId, PageRequest page) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            LegacyGateways legacy = new LegacyGateways(em, tenant);
            if (deviceId == null || legacy.find(deviceId).isEmpty()) {
                throw new NotFoundException("SMGW.Lite device", String.valueOf(deviceId));
            }
            return new EventPage(legacy.countEvents(deviceId), legacy.events(deviceId, page));
        }
    }

    public long count(TenantId tenant, String search) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return new LegacyGateways(em, tenant).count(search);
        }
    }

    /** One page in device id order; {@code search}: a prefix of the device id or gateway id, any case. */
    public List<LegacyGatewayView> page(TenantId tenant, String search, PageRequest page) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return new LegacyGateways(em, tenant).page(search, page);
        }
    }

    /** {@code smgwlite-<deviceId>}, {@code ~} as {@code -} (not allowed in gateway ids). */
    static String defaultGatewayId(LegacyDeviceId deviceId) {
        return "smgwlite-" + deviceId.value().replace('~', '-');
    }

    private Gateway add(TenantId tenant, Long householdId, String gatewayId, LegacyDeviceId deviceId, String tokenSha256,
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
                    "device=" + deviceId + " token=" + source.toLowerCase(java.util.Locale.ROOT));
            return gateway;
        }
    }
}
