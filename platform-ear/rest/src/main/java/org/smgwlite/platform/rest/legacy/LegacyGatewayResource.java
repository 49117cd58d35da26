package org.smgwlite.platform.rest.legacy;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.legacy.ClientImport;
import org.smgwlite.platform.legacy.LegacyGatewayService;
import org.smgwlite.platform.legacy.LegacyGatewayView;
import org.smgwlite.platform.legacy.NewLegacyGateway;
import org.smgwlite.platform.rest.household.HouseholdResource;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.rest.security.Callers;

/**
 * {@code /api/tenants/<tenant>/legacy-gateways}: an operator registers an SMGW.Lite gateway for a household (the token
 * is in that answer only), imports the PHP backend's {@code clients} table, and lists the gateways with their last
 * upload, firmware and meter model, a page at a time, and reads a device's event log and upload log.
 */
@Path("tenants/{tenant}/legacy-gateways")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyGatewayResource {

    @Inject
    LegacyGatewayService legacy;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    /** @param gatewayId the platform's id for it; blank: {@code smgwlite-<deviceId>} */
    public record NewLegacy(Long householdId, String deviceId, String gatewayId) {
    }

    /** @param households the household of each device id of the file */
    public record ClientsImport(String csv, Map<String, Long> households) {
    }

    /**
     * One page in device id order ({@code offset}, {@code limit} up to {@value PageRequest#MAX_LIMIT}, default 100);
     * {@code search}: a prefix of the device id or gateway id, any case. {@code X-Total-Count}: how many match.
     */
    @GET
    public Response list(@QueryParam("search") String search, @QueryParam("offset") @DefaultValue("0") int offset,
                         @QueryParam("limit") @DefaultValue("100") int limit) {
        TenantId tenant = tenant();
        operator(tenant);
        List<LegacyGatewayView> page = legacy.page(tenant, search, new PageRequest(offset, limit));
        return Response.ok(page).header(HouseholdResource.TOTAL, legacy.count(tenant, search)).build();
    }

    /**
     * The device's event log, newest first, status codes named ({@code offset}, {@code limit} up to
     * {@value PageRequest#MAX_LIMIT}, default 100); {@code X-Total-Count}; 404 for a device id the tenant does not have.
     */
    @GET
    @Path("{deviceId}/events")
    public Response events(@PathParam("deviceId") String deviceId, @QueryParam("offset") @DefaultValue("0") int offset,
                           @QueryParam("limit") @DefaultValue("100") int limit) {
        TenantId tenant = tenant();
        operator(tenant);
        LegacyGatewayService.EventPage page = legacy.events(tenant, deviceId, new PageRequest(offset, limit));
        return Response.ok(page.items()).header(HouseholdResource.TOTAL, page.total()).build();
    }

    /**
     * The device's answered uploads (200, 400, 413), newest first ({@code offset}, {@code limit} up to
     * {@value PageRequest#MAX_LIMIT}, default 100); {@code X-Total-Count}; 404 for a device id the tenant does not have.
     * {@code page} and {@code size}, which this call took until offset and limit replaced them, are refused with 400
     * rather than ignored, so that an old caller does not silently get the first page again and again.
     */
    @GET
    @Path("{deviceId}/uploads")
    public Response uploads(@PathParam("deviceId") String deviceId, @QueryParam("offset") @DefaultValue("0") int offset,
                            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("page") String page,
                            @QueryParam("size") String size) {
        TenantId tenant = tenant();
        operator(tenant);
        LegacyGatewayService.UploadPage uploads = legacy.uploads(tenant, deviceId, uploadsPage(offset, limit, page, size));
        return Response.ok(uploads.items()).header(HouseholdResource.TOTAL, uploads.total()).build();
    }

    /** @throws InvalidInputException naming {@code page} and/or {@code size} if sent (any value), else as PageRequest */
    static PageRequest uploadsPage(int offset, int limit, String page, String size) {
        Map<String, String> replaced = new LinkedHashMap<>();
        if (page != null) {
            replaced.put("page", "is no longer taken: use offset (page times size)");
        }
        if (size != null) {
            replaced.put("size", "is no longer taken: use limit (1 to " + PageRequest.MAX_LIMIT + ")");
        }
        if (!replaced.isEmpty()) {
            throw new InvalidInputException(replaced);
        }
        return new PageRequest(offset, limit);
    }

    /** A new token for the device, shown in this answer only (the old one stops working); 404 for an unknown device. */
    @POST
    @Path("{deviceId}/token")
    public NewLegacyGateway rotateToken(@PathParam("deviceId") String deviceId) {
        TenantId tenant = tenant();
        return legacy.rotateToken(tenant, deviceId, operator(tenant));
    }

    /** 201 with device id, gateway id, the token (shown this once) and the endpoint path for the device. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(NewLegacy body) {
        TenantId tenant = tenant();
        String actor = operator(tenant);
        if (body == null) {
            throw new InvalidInputException("body", "a JSON object with householdId and deviceId is required");
        }
        return Response.status(201).entity(legacy.register(tenant, body.householdId(), body.gatewayId(), body.deviceId(),
                actor)).build();
    }

    /**
     * 200 with {@code imported}, {@code refused} and every line of the file ({@code lines}: line, deviceId, result
     * {@code IMPORTED} / {@code REFUSED}, reason, detail). Each good line is imported even when others are refused.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClientImport.Outcome importClients(ClientsImport body) {
        TenantId tenant = tenant();
        String actor = operator(tenant);
        if (body == null) {
            throw new InvalidInputException("body", "a JSON object with csv and households is required");
        }
        return legacy.importClients(tenant, body.csv(), body.households(), actor);
    }

    private TenantId tenant() {
        return InputIds.tenant(tenantParam);
    }

    private String operator(TenantId tenant) {
        return "operator:" + callers.requireTenant(tenant, "operator").username();
    }
}
