package org.smgwlite.platform.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every Vaadin route of the deployed admin UI with who may open it, read from the views' own {@code @Route},
 * {@code @PageTitle} (or {@code @TitleKey} with the English bundle's text), {@code @RolesAllowed} and {@code @PermitAll}
 * in the built EAR: a new view shows up here by itself.
 * Vaadin's annotations are read by name, as the test class path has no Vaadin.
 */
final class UiRoutes {

    /**
     * @param template  the route below {@code /ui/}, e.g. {@code households/:id/curve}
     * @param pageTitle the view's {@code @PageTitle} or English {@code @TitleKey} title, if any
     * @param roles     the roles of {@code @RolesAllowed}; empty with {@code permitAll}
     * @param permitAll {@code @PermitAll}: any signed-in user (the start page and the sign-in callback, which forward)
     */
    record Route(String template, Optional<String> pageTitle, Set<String> roles, boolean permitAll, String view) {

        boolean opensFor(String role) {
            return permitAll || roles.contains(role);
        }

        boolean hasParameter() {
            return template.contains(":");
        }
    }

    private UiRoutes() {
    }

    static List<Route> deployed() {
        List<Route> routes = new ArrayList<>();
        java.util.Properties english = EarModules.properties("admin-ui.war", "i18n/messages.properties");
        for (Class<?> type : EarModules.classes("admin-ui.war", "org.smgwlite.admin")) {
            Optional<String> template = annotationValue(type, "com.vaadin.flow.router.Route");
            if (template.isEmpty()) {
                continue;
            }
            RolesAllowed roles = type.getAnnotation(RolesAllowed.class);
            boolean permitAll = type.isAnnotationPresent(PermitAll.class);
            if (roles == null && !permitAll) {
                throw new IllegalStateException(type.getName() + " has neither @RolesAllowed nor @PermitAll");
            }
            // a translated title (@TitleKey) as the matrix's English browser shows it
            Optional<String> title = annotationValue(type, "com.vaadin.flow.router.PageTitle")
                    .or(() -> annotationValue(type, "org.smgwlite.admin.layout.TitleKey")
                            .map(key -> Optional.ofNullable(english.getProperty(key))
                                    .orElseThrow(() -> new IllegalStateException(type.getName() + ": no English text for " + key))
                                    + " · SMGW.Lite"));
            routes.add(new Route(template.get(), title,
                    roles == null ? Set.of() : Set.of(roles.value()), permitAll, type.getSimpleName()));
        }
        routes.sort(Comparator.comparing(Route::template));
        return routes;
    }

    private static Optional<String> annotationValue(Class<?> type, String annotation) {
        for (Annotation a : type.getAnnotations()) {
            if (a.annotationType().getName().equals(annotation)) {
                try {
                    return Optional.of((String) a.annotationType().getMethod("value").invoke(a));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }
}
