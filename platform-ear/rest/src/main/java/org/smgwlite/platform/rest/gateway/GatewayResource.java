package org.smgwlite.platform.rest.gateway;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.pki.tls.RootFingerprint;
import org.smgwlite.platform.certificate.CertificateRecords;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.certificate.GatewayCertificate;
import org.smgwlite.platform.gateway.Gateway;
import org.smgwlite.platform.gateway.GatewayService;
import org.smgwlite.platform.gateway.NewGatewayEnrollmentCode;
import org.smgwlite.platform.listener.DevicePortSettings;
import org.smgwlite.platform.metering.taf6.Taf6RequestView;
import org.smgwlite.platform.metering.taf6.Taf6Requests;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * {@code /api/tenants/<tenant>/gateways}: an operator's gateway work, with a Keycloak bearer token. The
 * tenant in the path must be the operator's own (claim {@code tenant}); a platform administrator may act
 * in any tenant ({@link Callers}).
 */
@Path("tenants/{tenant}/gateways")
@Produces(MediaType.APPLICATION_JSON)
public class GatewayResource {

    @Inject
    GatewayService gateways;

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

    public record NewGateway(String gatewayId, Long householdId) {
    }

    public record GatewayView(String gatewayId, long householdId, Instant createdAt) {
        static GatewayView of(Gateway g) {
            return new GatewayView(g.gatewayId().value(), g.householdId(), g.createdAt());
        }
    }

    public record CodeRequest(Integer validDays) {
    }

    /**
     * A new one-time code with what the gateway's owner configures next to it: the platform root's SHA-256
     * fingerprint ({@code platform.root-sha256}) and the device port's URL ({@code platform.url}).
     */
    public record EnrollmentCodeView(String gatewayId, String code, Instant expiresAt, String rootSha256, String devicePortUrl) {

        static EnrollmentCodeView of(NewGatewayEnrollmentCode code, List<X509Certificate> caChain, DevicePortSettings devicePort) {
            return new EnrollmentCodeView(code.gatewayId(), code.code(), code.expiresAt(),
                    RootFingerprint.of(caChain.get(caChain.size() - 1)).toString(), devicePort.url().toString());
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

    public record CertificateView(String serial, String subject, Instant notBefore, Instant notAfter,
                                  String sha256, Instant revokedAt, String revocationReason) {
        static CertificateView of(GatewayCertificate c) {
            return new CertificateView(c.serialHex(), c.subject(), c.notBefore(), c.notAfter(), c.sha256Fingerprint(),
                    c.revokedAt().orElse(null), c.revocationReason().map(Enum::name).orElse(null));
        }
    }

    @GET
    public List<GatewayView> list() {
        return gateways.list(tenant()).stream().map(GatewayView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(NewGateway body) {
        if (body == null || body.householdId() == null) {
            throw new InvalidInputException("householdId", "is required");
        }
        Gateway g = gateways.register(tenant(), body.gatewayId(), body.householdId(), operator());
        return Response.status(201).entity(GatewayView.of(g)).build();
    }

    /** A new one-time code; the clear code is in this response only. */
    @POST
    @Path("{gatewayId}/enrollment-codes")
    public Response createCode(@PathParam("gatewayId") String gatewayId, CodeRequest body) {
        Duration validity = body == null || body.validDays() == null ? GatewayService.DEFAULT_CODE_VALIDITY
                : Duration.ofDays(body.validDays());
        TenantId tenant = tenant();
        NewGatewayEnrollmentCode code = gateways.createEnrollmentCode(tenant, gatewayId, validity, operator());
        return Response.status(201).entity(EnrollmentCodeView.of(code, enrollment.caCertificates(tenant),
                DevicePortSettings.current())).build();
    }

    @GET
    @Path("{gatewayId}/certificates")
    public List<CertificateView> certificates(@PathParam("gatewayId") String gatewayId) {
        TenantId tenant = tenant();
        return certificates.ofGateway(tenant, gateways.get(tenant, gatewayId).gatewayId()).stream()
                .map(CertificateView::of).toList();
    }

    @POST
    @Path("{gatewayId}/revoke")
    public Revoked revoke(@PathParam("gatewayId") String gatewayId, RevokeRequest body) {
        RevocationReason reason;
        try {
            reason = body == null || body.reason() == null ? RevocationReason.UNSPECIFIED : RevocationReason.parse(body.reason());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reason", e.getMessage());
        }
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

    private TenantId tenant() {
        TenantId tenant = InputIds.tenant(tenantParam);
        callers.requireTenant(tenant, "operator");
        return tenant;
    }

    private String operator() {
        return "operator:" + callers.requireTenant(InputIds.tenant(tenantParam), "operator").username();
    }
}
