package org.smgwlite.admin.layout;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import jakarta.annotation.security.PermitAll;

/**
 * The landing page: sends the user on to the first view of their navigation (the {@code @Menu} order puts an
 * operator's households first, then a household's own page, then the tenants of a platform admin). A user
 * whose roles open no view stays here and reads why.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("SMGW.Lite")
@PermitAll
public class StartView extends VerticalLayout implements BeforeEnterObserver {

    public StartView() {
        add(new Paragraph(getTranslation("start.no-role")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MenuConfiguration.getMenuEntries().stream().findFirst()
                .ifPresent(first -> event.forwardTo(first.menuClass()));
    }
}
