package org.smgwlite.admin.layout;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;
import java.util.logging.Logger;
import org.smgwlite.platform.infra.DatabaseUnavailable;

/**
 * A page that cannot open because the database is unavailable ({@link DatabaseUnavailable}: PostgreSQL stopped or
 * restarting) says so in the user's language, "try again in a minute", with status 503, instead of an error page;
 * every other failure while opening a page stays with Vaadin's own {@link InternalServerError}, which this extends
 * (and so replaces). Failures after a page is open go to the session's error handler ({@code UiSetup}) alike. No
 * parent layout: the main layout's menu asks the database too.
 */
@PermitAll
public class DatabaseUnavailableError extends InternalServerError {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableError.class.getName());

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        if (!DatabaseUnavailable.isCause(parameter.getCaughtException())) {
            return super.setErrorParameter(event, parameter);
        }
        LOG.warning("admin UI: " + event.getLocation().getPath() + " cannot open, database unavailable: "
                + parameter.getCaughtException());
        getElement().setText(getTranslation("error.database-unavailable"));
        getElement().setAttribute("id", "database-unavailable");
        return HttpStatusCode.SERVICE_UNAVAILABLE.getCode();
    }
}
