package org.smgwlite.platform.it;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every REST endpoint the deployed API WAR serves, read from its JAX-RS annotations (class and method {@code @Path},
 * HTTP method annotations) rather than from a list kept by hand: a new endpoint shows up here by itself.
 */
final class RestEndpoints {

    /** The API WAR's package; its context root is {@code /api}. */
    static final String PACKAGE = "org.smgwlite.platform.rest";

    /**
     * @param method   GET, POST, ...
     * @param template the path below {@code /api/} with its parameters, e.g. {@code tenants/{tenant}/gateways/{gatewayId}/revoke}
     */
    record Endpoint(String method, String template, String resource) {

        String key() {
            return method + " " + template;
        }
    }

    private RestEndpoints() {
    }

    /** The endpoints of the API WAR in the built EAR, sorted; a sub-resource locator (no HTTP method) is an error. */
    static List<Endpoint> deployed() {
        return of(EarModules.classes("platform-rest.war", PACKAGE));
    }

    static List<Endpoint> of(List<Class<?>> classes) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : classes) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : type.getMethods()) {
                String httpMethod = httpMethod(m);
                Path methodPath = m.getAnnotation(Path.class);
                if (httpMethod == null && methodPath != null) {
                    throw new IllegalStateException("sub-resource locator " + type.getName() + "." + m.getName()
                            + ": the matrix would not see its endpoints");
                }
                if (httpMethod != null) {
                    endpoints.add(new Endpoint(httpMethod, join(classPath.value(), methodPath == null ? "" : methodPath.value()),
                            type.getSimpleName() + "." + m.getName()));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::key));
        return endpoints;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String classPath, String methodPath) {
        String joined = strip(classPath) + "/" + strip(methodPath);
        return strip(joined.replaceAll("/{2,}", "/"));
    }

    private static String strip(String p) {
        String s = p;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
