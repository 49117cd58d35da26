package org.smgwlite.platform.listener;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Applies {@link ListenerPaths} before anything else of a WAR runs: a request on the wrong listener gets 404 with a
 * JSON body that says where it is served. Each WAR registers a subclass with {@code @WebFilter("/*")} (a filter in
 * the EAR's library jar is not scanned).
 */
public class ListenerFilter implements Filter {

    private ListenerPaths paths;

    /** Plain-HTTP enrollment is named by the {@code DeploymentGuard} with every development value, not here. */
    @Override
    public void init(FilterConfig config) {
        paths = DevicePortSettings.current().paths();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String path = http.getContextPath() + http.getServletPath() + (http.getPathInfo() == null ? "" : http.getPathInfo());
        Optional<String> refusal = paths.refusal(http.getLocalPort(), path);
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse answer = (HttpServletResponse) response;
        answer.setStatus(HttpServletResponse.SC_NOT_FOUND);
        answer.setContentType("application/json");
        answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
        answer.getWriter().write("{\"status\":404,\"error\":\"" + refusal.get() + "\",\"fields\":{}}");
    }
}
