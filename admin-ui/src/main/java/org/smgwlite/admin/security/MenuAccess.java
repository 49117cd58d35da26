package org.smgwlite.admin.security;

import com.vaadin.flow.server.auth.DefaultMenuAccessControl;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Vaadin's default menu access control (server views only), made a CDI bean so that
 * {@code MenuConfiguration.getMenuEntries()} can find it: vaadin-cdi 15.0 asks CDI for a
 * {@code MenuAccessControl} and, without a bean, tries to instantiate the interface. Which entries a user sees is
 * decided by the UI's {@code NavigationAccessControl} (see {@link UiSetup}), not here.
 */
@ApplicationScoped
public class MenuAccess extends DefaultMenuAccessControl {
}
