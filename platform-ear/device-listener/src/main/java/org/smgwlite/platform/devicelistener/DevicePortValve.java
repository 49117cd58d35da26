package org.smgwlite.platform.devicelistener;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.glassfish.web.valve.GlassFishValve;

/**
 * The device port serves only the device API, EST and CRLs ({@code DevicePortPaths}): anything else arriving on the
 * listener {@value #LISTENER} gets 404 here, before the request reaches an application, so the UI's login redirect,
 * the operator API and Payara's own endpoints (health, metrics, OpenAPI) never answer on the device port. A valve of
 * the virtual server {@code server} ({@code valve_1}), which the device port shares with the browser listeners;
 * requests on those pass untouched. The applications' own filters are the second line.
 */
public class DevicePortValve implements GlassFishValve {

    /** The device port's network listener (Payara names each connector after its listener). */
    static final String LISTENER = "device-port";

    private final Predicate<String> served = DeviceLibrary.installed().devicePaths();

    @Override
    public String getInfo() {
        return "SMGW.Lite device port: device API, EST and CRLs only";
    }

    @Override
    public int invoke(Request request, Response response) throws IOException {
        if (request.getConnector() == null || !LISTENER.equals(request.getConnector().getName())) {
            return INVOKE_NEXT;
        }
        HttpServletRequest http = (HttpServletRequest) request.getRequest();
        if (served.test(path(http))) {
            return INVOKE_NEXT;
        }
        HttpServletResponse answer = (HttpServletResponse) response.getResponse();
        answer.setStatus(HttpServletResponse.SC_NOT_FOUND);
        answer.setContentType("application/json");
        answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
        answer.getWriter().write(refusal());
        return END_PIPELINE;
    }

    @Override
    public void postInvoke(Request request, Response response) {
        // nothing after the application
    }

    /**
     * The mapped path (context, servlet path, path info: decoded and normalised by the container), so that neither
     * encoding nor dot segments move a request past the rule; the raw URI only where nothing was mapped, which the
     * rule then refuses unless it names a device path itself.
     */
    static String path(HttpServletRequest http) {
        String mapped = nullToEmpty(http.getContextPath()) + nullToEmpty(http.getServletPath()) + nullToEmpty(http.getPathInfo());
        return mapped.isEmpty() ? nullToEmpty(http.getRequestURI()) : mapped;
    }

    /** The same body the applications' filters answer with. */
    static String refusal() {
        return "{\"status\":404,\"error\":\"the device port serves only /api/device/, EST and CRLs\",\"fields\":{}}";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
