package org.smgwlite.platform.legacy;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import javax.sql.DataSource;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.infra.PlatformDataSource;
import org.smgwlite.platform.metering.IngestionReport;
import org.smgwlite.platform.metering.IntakeResult;
import org.smgwlite.platform.metering.ReadingIntake;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * The SMGW.Lite door (docs/smgwlite-protocol.md): an upload of a ring buffer, the firmware's event log and its
 * connection test, each authenticated by device id and token. An upload's values go through the one ingestion rule
 * ({@link ReadingIntake}, the same as signed batches) marked as legacy, unsigned.
 *
 * <p>Steps of an upload: failure limit, authenticate, field manifest, decode, quarter hours ({@link UploadValues}),
 * the rule, the gateway's last upload, the upload log ({@code legacy_upload}: every answered upload of a known device,
 * 200, 400 or 413; a 400 / 413 in a transaction of its own, {@link LegacyUploadLog}). Invariants: a refused request
 * (403, 400, 413, 429) stores nothing of it (one transaction; everything that can refuse runs before the first write;
 * a 403 is counted by the failure limit apart, {@link LegacyAttempts}); the same buffer a second time inserts nothing
 * and answers {@code inserted: 0}.
 */
@Stateless
public class LegacyIngestion {

    /** An id that exists nowhere: unknown ids cost the same hash and compare as known ones. */
    private static final String NO_SUCH_TOKEN = "0".repeat(64);

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    LegacyAttempts attempts;

    @Inject
    LegacyUploadLog uploadLog;

    /** The transaction's connection: Payara hands JPA and this DataSource the same one, tenant binding included. */
    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    /** An answer and the short text of what it rejected, for the upload log. */
    private record Logged(LegacyAnswer answer, String rejections) {
    }

    public LegacyAnswer upload(TenantId tenant, LegacyRequest request) {
        try (EntityManager em = checked(tenant, request)) {
            LegacyGateways gateways = new LegacyGateways(em, tenant);
            LegacyGateways.Device device = authenticate(tenant, gateways, request);
            byte[] body = request.body();
            FirmwareFields fields;
            RingBufferDecoder.Decoded decoded;
            try {
                fields = FirmwareFields.fromQuery(request.query().get(FirmwareFields.PARAM),
                        request.query().get(FirmwareFields.PV_FLAG), request.query().get(FirmwareFields.M280_FLAG));
                decoded = RingBufferDecoder.decode(body, fields);
            } catch (InvalidInputException e) {
                uploadLog.refused(tenant, device.gatewayRef(), body.length, 400, fieldErrors(e));
                throw e;
            } catch (UploadTooLargeException e) {
                uploadLog.refused(tenant, device.gatewayRef(), body.length, 413, e.getMessage());
                throw e;
            }
            Logged logged = decoded.entries().isEmpty()
                    ? new Logged(new LegacyAnswer(UploadAck.of(body), 0, 0, 0, 0, 0), null)
                    : store(em, tenant, device, body, decoded);
            LegacyAnswer answer = logged.answer();
            gateways.uploaded(device.gatewayRef(), FirmwareReport.of(request.query()), fields.tokens(), answer.received(),
                    answer.inserted(), answer.rejected());
            new LegacyUploads(em, tenant).insert(device.gatewayRef(), body.length, 200, answer, logged.rejections());
            return answer;
        }
    }

    /**
     * An upload whose declared length is above {@link RingBufferDecoder#MAX_BODY_BYTES}, refused before its body is
     * read: logged for the device if its id and token are right (else 403 as any upload), then refused.
     *
     * @param declaredBytes the request's {@code Content-Length}, or -1 if the body was cut off while reading
     * @throws UploadTooLargeException always, once the device is known
     */
    public void tooLarge(TenantId tenant, LegacyRequest request, long declaredBytes) {
        long bytes = declaredBytes < 0 ? RingBufferDecoder.MAX_BODY_BYTES + 1L : declaredBytes;
        UploadTooLargeException refused = new UploadTooLargeException(bytes, RingBufferDecoder.MAX_BODY_BYTES);
        try (EntityManager em = checked(tenant, request)) {
            LegacyGateways.Device device = authenticate(tenant, new LegacyGateways(em, tenant), request);
            uploadLog.refused(tenant, device.gatewayRef(), bytes, 413, refused.getMessage());
        }
        throw refused;
    }

    /** {@code backend_test=true}: the id and token are right. */
    public String backendTest(TenantId tenant, LegacyRequest request) {
        try (EntityManager em = checked(tenant, request)) {
            authenticate(tenant, new LegacyGateways(em, tenant), request);
            return request.deviceId();
        }
    }

    /** {@code log.php}: the events not stored yet, and the model, firmware and config version the query names. */
    public byte[] log(TenantId tenant, LegacyRequest request) {
        try (EntityManager em = checked(tenant, request)) {
            LegacyGateways gateways = new LegacyGateways(em, tenant);
            LegacyGateways.Device device = authenticate(tenant, gateways, request);
            byte[] body = request.body();
            FirmwareLog.Decoded decoded = FirmwareLog.decode(body);
            int inserted = gateways.storeEvents(device.gatewayRef(), decoded.events());
            gateways.logged(device.gatewayRef(), FirmwareReport.of(request.query()));
            return LegacyAnswer.logJson(UploadAck.of(body), decoded.events().size(), inserted);
        }
    }

    private Logged store(EntityManager em, TenantId tenant, LegacyGateways.Device device, byte[] body,
                               RingBufferDecoder.Decoded decoded) {
        UploadValues values = UploadValues.of(decoded.entries(), device.householdId());
        DeviceIdentity target = new DeviceIdentity(tenant, device.gatewayId(), device.householdId(), null);
        IntakeResult result = ReadingIntake.unsigned(dataSource).acceptUnsigned(em, target, body, values.values(),
                values::lineOf, values.refused(), values.hires());
        IngestionReport report = result.report();
        int all = values.values().size() + values.refused().size() + values.hires().size();
        if (report.repeated()) {
            return new Logged(new LegacyAnswer(UploadAck.of(body), decoded.entries().size(), 0, all, values.skipped(), 0),
                    "the same buffer again (its answer was lost): nothing new stored");
        }
        return new Logged(new LegacyAnswer(UploadAck.of(body), decoded.entries().size(), report.accepted() + result.highResolution(),
                report.duplicates() + result.highResolutionDuplicates(), report.rejected() + values.skipped(),
                result.highResolution()), UploadLogText.rejections(report.rejects(), values.skipped()));
    }

    private static String fieldErrors(InvalidInputException e) {
        return e.fieldErrors().entrySet().stream().map(f -> f.getKey() + ": " + f.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /**
     * The tenant's entity manager once the failure limit let the request through. The limit is checked first, before
     * the transaction holds a connection: the check reads the group's counts on a connection of its own, and a request
     * should not hold two of the pool's while it waits.
     *
     * @throws LegacyThrottledException when the id or the address used up its failures (before any lookup)
     */
    private EntityManager checked(TenantId tenant, LegacyRequest request) {
        attempts.check(tenant, request.deviceId(), request.address());
        return entityManagers.forTenant(tenant);
    }

    /**
     * The device of the request's id whose token hash matches, not retired; else a failure counted and 403. Always one
     * hash and one constant-time compare, so the time does not tell whether an id exists. The failure limit was
     * checked when the entity manager was opened ({@link #checked}).
     */
    private LegacyGateways.Device authenticate(TenantId tenant, LegacyGateways gateways, LegacyRequest request) {
        Optional<LegacyGateways.Device> found = request.deviceId() == null || request.deviceId().length() > LegacyDeviceId.MAX_LENGTH
                ? Optional.empty() : gateways.find(request.deviceId());
        boolean matches = LegacyToken.matches(request.token(), found.map(LegacyGateways.Device::tokenSha256).orElse(NO_SUCH_TOKEN));
        if (found.isEmpty() || !matches || found.get().retired()) {
            attempts.failed(tenant, request.deviceId(), request.address());
            throw new LegacyAccessDeniedException();
        }
        attempts.succeeded(tenant, request.deviceId());
        return found.get();
    }
}
