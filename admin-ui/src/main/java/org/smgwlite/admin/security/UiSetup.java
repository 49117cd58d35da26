package org.smgwlite.admin.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.admin.i18n.UiLocales;
import org.smgwlite.platform.infra.DatabaseUnavailable;
import org.smgwlite.platform.shared.DomainException;

/**
 * Wires every UI: its locale is the browser's (English or German), routes are checked against their {@code @RolesAllowed}/{@code @PermitAll}
 * annotations before they open (the same {@link NavigationAccessControl} also filters the menu entries
 * that {@code MainLayout} shows), and one error handler turns domain failures into a message the
 * user can act on, the database being unavailable ({@link DatabaseUnavailable}: stopped, restarting) into "try again
 * in a minute" in the user's language, while anything unexpected is logged with an incident id.
 */
@ApplicationScoped
public class UiSetup {

    private static final Logger LOG = Logger.getLogger(UiSetup.class.getName());

    void onServiceInit(@Observes ServiceInitEvent event) {
        NavigationAccessControl accessControl = new NavigationAccessControl();
        event.getSource().addUIInitListener(e -> {
            e.getUI().setLocale(browserLocale());
            e.getUI().addBeforeEnterListener(accessControl);
        });
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(UiSetup::handle));
    }

    /** The browser's preferred English or German locale as it sent it ({@link UiLocales}): dates and numbers follow it. */
    private static Locale browserLocale() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return UiLocales.pick(request == null ? List.of() : Collections.list(request.getLocales()));
    }

    static void handle(ErrorEvent event) {
        if (DatabaseUnavailable.isCause(event.getThrowable())) {
            LOG.warning("admin UI: database unavailable: " + event.getThrowable());
            if (UI.getCurrent() != null) {
                Notices.failed(UI.getCurrent().getTranslation("error.database-unavailable"));
            }
            return;
        }
        Throwable cause = event.getThrowable();
        while (cause.getCause() != null && !(cause instanceof DomainException) && !(cause instanceof AccessDeniedException)) {
            cause = cause.getCause();
        }
        String message;
        if (cause instanceof DomainException || cause instanceof AccessDeniedException) {
            message = cause.getMessage();
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "unexpected error in the admin UI, incident " + incident, event.getThrowable());
            message = "Something went wrong (incident " + incident + "). Please try again or tell your administrator.";
        }
        if (UI.getCurrent() != null) {
            Notices.failed(message);
        }
    }
}
