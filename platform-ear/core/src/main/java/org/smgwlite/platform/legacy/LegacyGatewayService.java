package org.smgwlite.platform.legacy;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.gateway.Gateway;
import org.smgwlite.platform.gateway.GatewayService;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.DomainException;
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

    /** Largest {@code clients} export accepted (a few thousand devices), in characters. */
    public static final int MAX_CSV_CHARS = 1 << 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    LegacyRegistrar registrar;

    @Inject
    AuditLog audit;

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
        Gateway gateway = registrar.add(tenant, householdId, gatewayId, id, LegacyToken.sha256Hex(token), "ISSUED", actor);
        return new NewLegacyGateway(id.value(), gateway.gatewayId().value(), householdId, token, PATH + tenant.value() + "/");
    }

    /**
     * Imports the lines of a {@code clients} export ({@link ClientsCsv}); each device needs its household in
     * {@code households} (device id to household id). Each good line is registered with its stored token hash in a
     * transaction of its own; every other line is reported with its reason ({@link ImportRefusal}) and nothing of it is
     * stored. A line refused at the store does not undo the others: the import loses nothing that was good.
     */
    public ClientImport.Outcome importClients(TenantId tenant, String csv, Map<String, Long> households, String actor) {
        ClientImport.Outcome outcome = ClientImport.run(preview(csv), households,
                (client, household) -> {
                    try {
                        return registrar.importLine(tenant, client, household, actor);
                    } catch (DomainException e) {
                        return ClientImport.Line.refused(client, ImportRefusal.CONFLICT, e.getMessage());
                    } catch (EJBException e) {
                        // the store refused the line (a registration of the device or household at the same moment)
                        return ClientImport.Line.refused(client, ImportRefusal.CONFLICT, "device " + client.deviceId()
                                + " or household " + household + " was registered at the same moment; import the line again");
                    }
                });
        audit.success(tenant, actor, AuditAction.LEGACY_CLIENTS_IMPORTED, "tenant:" + tenant.value(),
                "imported=" + outcome.imported() + " refused=" + outcome.refused());
        return outcome;
    }

    /**
     * The lines of a {@code clients} export as an import would take them: the devices, and the lines it would refuse
     * with their reasons. Nothing is stored; the screen shows this before the operator picks the households.
     *
     * @throws InvalidInputException on {@code csv} when it is empty or longer than {@link #MAX_CSV_CHARS}
     */
    public ClientsCsv.Result preview(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidInputException("csv", "the clients export is required");
        }
        if (csv.length() > MAX_CSV_CHARS) {
            throw new InvalidInputException("csv", "is " + csv.length() + " characters, longer than the " + MAX_CSV_CHARS
                    + " an import takes; split the file");
        }
        return ClientsCsv.parse(csv);
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

    /** The device's answered uploads, newest first; {@code total} of them in all. */
    public record UploadPage(long total, List<LegacyUpload> items) {
    }

    /** @throws NotFoundException for a device id the tenant does not have */
    public UploadPage uploads(TenantId tenant, String deviceId, PageRequest page) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            LegacyGateways.Device device = deviceId == null ? null : new LegacyGateways(em, tenant).find(deviceId).orElse(null);
            if (device == null) {
                throw new NotFoundException("SMGW.Lite device", String.valueOf(deviceId));
            }
            LegacyUploads uploads = new LegacyUploads(em, tenant);
            return new UploadPage(uploads.count(device.gatewayRef()), uploads.page(device.gatewayRef(), page));
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
}
