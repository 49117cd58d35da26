package org.smgwlite.admin.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * Where Keycloak sends the browser back to ({@code redirectURI} of {@link OidcLogin}). The OpenID
 * mechanism has consumed the code and signed the user in before this view opens; it only moves
 * the browser on to the start page ({@code StartView}), dropping the code and state from the
 * address bar.
 */
@Route(OidcCallbackView.PATH)
@PermitAll
public class OidcCallbackView extends Div implements BeforeEnterObserver {

    static final String PATH = "oidc-callback";

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo("", QueryParameters.empty());
    }
}
