package org.smgwlite.platform.metering.mscons;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.PageRequest;

/**
 * Households' 15-minute series as one MSCONS interchange, streamed: each month's curve is read through
 * {@link LoadCurveService} (same visibility rule and same values as the UI and the CSV) and written before the next
 * is read. Runs outside a container transaction so that every month is a short read of its own, however long the
 * export takes.
 *
 * <p>Configuration: {@code smgw.mscons.sender-id}, the 13-digit market partner id (BDEW code number) of the metering
 * point operator that sends; default the placeholder {@value MsconsParties#PLACEHOLDER_ID}, as tenants have no
 * market partner id of their own yet. The recipient is the caller's choice, by default the same placeholder.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MsconsExport {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    LoadCurveService curves;

    @Inject
    HouseholdService households;

    @Inject
    @ConfigProperty(name = "smgw.mscons.sender-id", defaultValue = MsconsParties.PLACEHOLDER_ID)
    String senderId;

    /** The parties with the configured sender and {@code recipientId} (null or blank: the placeholder). */
    public MsconsParties parties(String recipientId) {
        return new MsconsParties(senderId,
                recipientId == null || recipientId.isBlank() ? MsconsParties.PLACEHOLDER_ID : recipientId.strip());
    }

    /** One household's range for the placeholder recipient. */
    public void household(TenantId tenant, Viewer viewer, long householdId, CurveRange range, OutputStream out) {
        household(tenant, viewer, householdId, range, parties(null), out);
    }

    /**
     * One household's range as one message; a household {@code viewer} may not see is
     * {@link org.smgwlite.platform.shared.NotFoundException}, before anything is written.
     */
    public void household(TenantId tenant, Viewer viewer, long householdId, CurveRange range, MsconsParties parties,
                          OutputStream out) {
        Household household = curves.household(tenant, viewer, householdId);
        try (MsconsWriter writer = MsconsWriter.open(out, parties, reference(Instant.now()), Instant.now())) {
            CurveSeries.writeMonths(writer, household.messlokationId(), range,
                    month -> curves.curve(tenant, viewer, householdId, month));
        }
    }

    /** Every household of the tenant (by name, then id), one message each, for the placeholder recipient. */
    public void tenant(TenantId tenant, String actor, CurveRange range, OutputStream out) {
        tenant(tenant, actor, range, parties(null), out);
    }

    public void tenant(TenantId tenant, String actor, CurveRange range, MsconsParties parties, OutputStream out) {
        Viewer viewer = Viewer.operator(actor);
        if (households.count(tenant, null) == 0) {
            throw new InvalidInputException("tenant", "has no households; an MSCONS interchange needs at least one");
        }
        try (MsconsWriter writer = MsconsWriter.open(out, parties, reference(Instant.now()), Instant.now())) {
            int offset = 0;
            List<Household> page;
            do {
                page = households.page(tenant, null, new PageRequest(offset, PageRequest.MAX_LIMIT));
                for (Household h : page) {
                    CurveSeries.writeMonths(writer, h.messlokationId(), range,
                            month -> curves.curve(tenant, viewer, h.id(), month));
                }
                offset += page.size();
            } while (page.size() == PageRequest.MAX_LIMIT);
        }
    }

    /** An interchange control reference: the time in epoch seconds and four random digits, 14 digits. */
    static String reference(Instant created) {
        return String.format("%010d%04d", created.getEpochSecond() % 10_000_000_000L, RANDOM.nextInt(10_000));
    }
}
