package org.smgwlite.platform.rest.gateway;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.platform.certificate.CertificateRecords;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.certificate.GatewayCertificate;
import org.smgwlite.platform.gateway.EnrollmentHandout;
import org.smgwlite.platform.gateway.EnrollmentHandouts;
import org.smgwlite.platform.gateway.Gateway;
import org.smgwlite.platform.gateway.GatewayOverview;
import org.smgwlite.platform.gateway.GatewayService;
import org.smgwlite.platform.gateway.GatewaySummary;
import org.smgwlite.platform.metering.taf6.Taf6RequestView;
import org.smgwlite.platform.metering.taf6.Taf6Requests;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.rest.household.HouseholdResource;
import org.smgwlite.platform.shared.PageRequest;

/**
 * {@code /api/tenants/<tenant>/gateways}: an operator's gateway work, with a Keycloak bearer token. The
 * tenant in the path must be the operator's own (claim {@code tenant}); a platform administrator may act
 * in any tenant ({@link Callers}).
 */
@Path("tenants/{tenant}/gateways")
@Produces(MediaType.APPLICATION_JSON)
public class GatewayResource {

    /** PEM, as RFC 8555 registers it for a certificate (chain). */
    static final String PEM = "application/pem-certificate-chain";

    @Inject
    GatewayService gateways;

    @Inject
    GatewayOverview overview;

    @Inject
    EnrollmentHandouts handouts;

    @Inject
    EnrollmentService enrollment;

    @Inject
    CertificateRecords certificates;

    @Inject
    Callers callers;

    @Inject
    Taf6Requests taf6;

    @PathParam("tenant")
    String tenantParam;

    /** @param replace retire the household's gateway (its certificates revoked, superseded) instead of being refused */
    public record NewGateway(String gatewayId, Long householdId, Boolean replace) {
    }

    public record GatewayView(String gatewayId, long householdId, Instant createdAt, Instant retiredAt) {
        static GatewayView of(Gateway g) {
            return new GatewayView(g.gatewayId().value(), g.householdId(), g.createdAt(), g.retiredAt().orElse(null));
        }
    }

    /** One page of the enriched list: {@code total} matching gateways, {@code items} from {@code offset} on. */
    public record SummaryPage(long total, int offset, int limit, List<GatewaySummary> items) {
    }

    public record CodeRequest(Integer validDays) {
    }

    /**
     * A new one-time code with what the gateway's owner configures next to it: the platform root's SHA-256
     * fingerprint ({@code platform.root-sha256}) and the device port's URL ({@code platform.url}).
     */
    public record EnrollmentCodeView(String tenant, String gatewayId, String code, Instant expiresAt, String rootSha256,
                                     String devicePortUrl) {

        static EnrollmentCodeView of(EnrollmentHandout h) {
            return new EnrollmentCodeView(h.tenant(), h.gatewayId(), h.code(), h.expiresAt(), h.rootSha256(), h.devicePortUrl());
        }

        @Override
        public String toString() {
            return "EnrollmentCodeView[" + gatewayId + ", ****, " + expiresAt + "]";
        }
    }

    public record RevokeRequest(String reason) {
    }

    public record Taf6Body(String reason) {
    }

    public record Revoked(String gatewayId, List<String> revokedSerials, String reason) {
    }

    public record CertificateView(String serial, String subject, String profile, String curve, Instant notBefore,
                                  Instant notAfter, String status, String sha256, Instant revokedAt, String revocationReason) {
        static CertificateView of(GatewayCertificate c, Instant now) {
            return new CertificateView(c.serialHex(), c.subject(), c.profile(), c.curve().standardName(), c.notBefore(),
                    c.notAfter(), c.status(now).name(), c.sha256Fingerprint(), c.revokedAt().orElse(null),
                    c.revocationReason().map(Enum::name).orElse(null));
        }
    }

    /**
     * One page of the tenant's gateways in id order ({@code offset}, {@code limit} up to {@value PageRequest#MAX_LIMIT},
     * default 100; {@code search}: an id prefix, any case); the header {@code X-Total-Count} says how many match.
     */
    @GET
    public Response list(@QueryParam("search") String search, @QueryParam("offset") @DefaultValue("0") int offset,
                         @QueryParam("limit") @DefaultValue("100") int limit) {
        TenantId tenant = tenant();
        List<GatewayView> page = gateways.page(tenant, search, new PageRequest(offset, limit)).stream().map(GatewayView::of).toList();
        return Response.ok(page).header(HouseholdResource.TOTAL, gateways.count(tenant, search)).build();
    }

    /**
     * The gateways with state, last upload, last TAF 6 and the agent's last Eichlog event, a page at a time, in id order;
     * {@code search} matches an id prefix (any case) or a household id.
     */
    @GET
    @Path("summaries")
    public SummaryPage summaries(@QueryParam("search") String search, @QueryParam("offset") @DefaultValue("0") int offset,
                                 @QueryParam("limit") @DefaultValue("50") int limit) {
        TenantId tenant = tenant();
        List<GatewaySummary> items = overview.page(tenant, search, new PageRequest(offset, limit));
        return new SummaryPage(overview.count(tenant, search), offset, limit, items);
    }

    /**
     * Registers a gateway: 201; 400 naming {@code gatewayId} (format) or {@code householdId} (not the tenant's); 409
     * naming {@code gatewayId} (taken) or {@code householdId} (has a gateway; send {@code "replace": true} to retire it).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(NewGateway body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON object with gatewayId and householdId is required");
        }
        Gateway g = gateways.register(tenant(), body.gatewayId(), body.householdId(), Boolean.TRUE.equals(body.replace()), operator());
        return Response.status(201).entity(GatewayView.of(g)).build();
    }

    /** A new one-time code, voiding the gateway's unused earlier ones; the clear code is in this response only. */
    @POST
    @Path("{gatewayId}/enrollment-codes")
    public Response createCode(@PathParam("gatewayId") String gatewayId, CodeRequest body) {
        Duration validity = body == null || body.validDays() == null ? GatewayService.DEFAULT_CODE_VALIDITY
                : Duration.ofDays(body.validDays());
        return Response.status(201).entity(EnrollmentCodeView.of(handouts.issue(tenant(), gatewayId, validity, operator()))).build();
    }

    /** The gateway's certificates, newest first, with profile, curve and status (EXPIRING within 30 days). */
    @GET
    @Path("{gatewayId}/certificates")
    public List<CertificateView> certificates(@PathParam("gatewayId") String gatewayId) {
        TenantId tenant = tenant();
        Instant now = Instant.now();
        return certificates.ofGateway(tenant, gateways.get(tenant, gatewayId).gatewayId()).stream()
                .map(c -> CertificateView.of(c, now)).toList();
    }

    /** One certificate as PEM, for download; 404 if the gateway has no certificate of that serial. */
    @GET
    @Path("{gatewayId}/certificates/{serial}/pem")
    @Produces(PEM)
    public Response certificatePem(@PathParam("gatewayId") String gatewayId, @PathParam("serial") String serial) {
        GatewayCertificate c = certificates.one(tenant(), InputIds.gateway(gatewayId), serial);
        return Response.ok(c.pem(), PEM)
                .header("Content-Disposition", "attachment; filename=\"" + c.pemFileName() + "\"").build();
    }

    /**
     * Revokes one certificate with an RFC 5280 reason ({@code keyCompromise}, {@code superseded}, ...; default
     * {@code unspecified}): 200 with the certificate; 409 naming {@code serial} if it was revoked already, with when and why.
     */
    @POST
    @Path("{gatewayId}/certificates/{serial}/revoke")
    public CertificateView revokeCertificate(@PathParam("gatewayId") String gatewayId, @PathParam("serial") String serial,
                                             RevokeRequest body) {
        GatewayCertificate revoked = enrollment.revokeCertificate(tenant(), gatewayId, serial, reason(body), operator());
        return CertificateView.of(revoked, Instant.now());
    }

    /** Revokes every certificate of the gateway that is not revoked yet; the serials revoked now (empty if none was left). */
    @POST
    @Path("{gatewayId}/revoke")
    public Revoked revoke(@PathParam("gatewayId") String gatewayId, RevokeRequest body) {
        RevocationReason reason = reason(body);
        List<String> serials = enrollment.revoke(tenant(), gatewayId, reason, operator());
        return new Revoked(gatewayId, serials, reason.name());
    }

    /**
     * Queues a TAF 6 reading: 202 with the request ({@code status} {@code QUEUED}); the gateway picks it up on its
     * next long poll and its signed answer marks it {@code ANSWERED}. 400 for a blank reason, 404 for a gateway that
     * is not the tenant's.
     */
    @POST
    @Path("{gatewayId}/taf6-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestTaf6(@PathParam("gatewayId") String gatewayId, Taf6Body body) {
        Taf6RequestView queued = taf6.queue(tenant(), gatewayId, body == null ? null : body.reason(), operator());
        return Response.accepted(queued).build();
    }

    /** The gateway's TAF 6 requests, newest first, with status and the arrived values. */
    @GET
    @Path("{gatewayId}/taf6-requests")
    public List<Taf6RequestView> taf6Requests(@PathParam("gatewayId") String gatewayId) {
        return taf6.ofGateway(tenant(), gatewayId);
    }

    /** The body's RFC 5280 reason in any spelling, {@code unspecified} if none. */
    static RevocationReason reason(RevokeRequest body) {
        try {
            return body == null || body.reason() == null || body.reason().isBlank() ? RevocationReason.UNSPECIFIED
                    : RevocationReason.parse(body.reason());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reason", e.getMessage());
        }
    }

    private TenantId tenant() {
        TenantId tenant = InputIds.tenant(tenantParam);
        callers.requireTenant(tenant, "operator");
        return tenant;
    }

    private String operator() {
        return "operator:" + callers.requireTenant(InputIds.tenant(tenantParam), "operator").username();
    }
}
