package org.smgwlite.admin.layout;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;
import org.smgwlite.platform.shared.NotFoundException;

/**
 * What a user sees when a view asks a service for something that is not there for them: a household of another
 * tenant, or one that does not exist (the services report both alike, so that ids of other tenants cannot be
 * probed). A plain page in the user's language with the way back, status 404; never the exception's text, which
 * names the id, and no stack.
 */
@ParentLayout(MainLayout.class)
@PermitAll
@TitleKey("notfound.title")
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        H2 title = new H2(getTranslation("notfound.title"));
        title.setId("not-found");
        RouterLink home = new RouterLink(getTranslation("notfound.home"), StartView.class);
        home.setId("not-found-home");
        add(title, new Paragraph(getTranslation("notfound.text")), home);
        return HttpStatusCode.NOT_FOUND.getCode();
    }

    @Override
    public String getPageTitle() {
        return PageTitles.of(this);
    }
}
