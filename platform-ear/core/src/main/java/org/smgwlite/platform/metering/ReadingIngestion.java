package org.smgwlite.platform.metering;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.certificate.DeviceIdentity;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.infra.PlatformDataSource;
import org.smgwlite.platform.metering.taf6.Taf6Answers;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * The one way a signed day-after batch becomes stored readings. Identifies the gateway from its client certificate,
 * opens the batch against that gateway's signature certificates only ({@link BatchOpener}), checks the Eichlog chain
 * ({@link EichlogCheck}) and every value ({@link SeriesRules}), stores the good ones exactly once, each missing
 * quarter hour as a gap, the signed body as received and the Eichlog ({@link ReadingStore}), and audits the outcome.
 * TAF 6 values (on-demand readings) pass the same checks and then go to {@link Taf6Answers}, apart from the TAF 7
 * series. The rule after the batch is opened is {@link ReadingIntake}'s, shared with the SMGW.Lite door.
 *
 * <p>Invariants: a refused batch ({@link BatchRefusedException}) stores nothing (one transaction); the same
 * body a second time is answered with the first answer and changes nothing; a value that is already stored
 * with the same content counts as a duplicate, with other content it is rejected.
 */
@Stateless
public class ReadingIngestion {

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    EnrollmentService enrollment;

    @Inject
    AuditLog audit;

    @Inject
    Taf6Answers taf6Answers;

    /** The transaction's connection: Payara hands JPA and this DataSource the same one, tenant binding included. */
    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    public IngestionReport ingest(Optional<X509Certificate> clientCertificate, byte[] signedBody, String client) {
        DeviceIdentity gw = enrollment.identify(clientCertificate);
        String actor = "gateway:" + gw.gatewayId() + "@" + client;
        String subject = "gateway:" + gw.gatewayId();
        try (EntityManager em = entityManagers.forTenant(gw.tenant())) {
            IngestionReport report = ingest(new ReadingStore(em, dataSource, gw), em, gw, signedBody);
            audit.success(gw.tenant(), actor, AuditAction.READING_BATCH_STORED, subject,
                    "batch=" + report.batchId() + " repeated=" + report.repeated() + " accepted=" + report.accepted()
                            + " duplicates=" + report.duplicates() + " rejected=" + report.rejected() + " gaps=" + report.gaps());
            return report;
        } catch (BatchRefusedException e) {
            audit.refused(gw.tenant(), actor, AuditAction.READING_BATCH_REFUSED, subject, e.reason() + ": " + e.getMessage());
            throw e;
        }
    }

    private IngestionReport ingest(ReadingStore store, EntityManager em, DeviceIdentity gw, byte[] body) {
        store.lockMeteringPoint();
        String sha256 = ReadingStore.sha256(body);
        Optional<IngestionReport> earlier = store.earlierAnswer(sha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        SignedBatches.Opened opened = BatchOpener.open(body, store.signatureCertificates(), gw.gatewayId());
        EichlogCheck.Verified eichlog = EichlogCheck.verify(opened.batch().eichlog(), store.storedEichlog());
        OptionalLong inserted = store.insertBatch(body, sha256, opened.signer());
        if (inserted.isEmpty()) { // a retry raced its original: answer as the first one was
            return store.earlierAnswer(sha256).orElseThrow(() -> new IllegalStateException(
                    "batch " + sha256 + " conflicts with a stored batch that is not this gateway's"));
        }
        return new ReadingIntake(taf6Answers, dataSource).accept(store, em, gw, inserted.getAsLong(), opened.batch().values(), eichlog);
    }
}
