package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.admin.layout.MainLayout;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.certificate.RenewalWatch;
import org.smgwlite.platform.shared.PageRequest;

/**
 * The tenant's certificates an operator has to act on ({@link RenewalWatch}): each gateway's newest certificate per
 * profile that ends within 30 days or ended without renewal, soonest first, loaded page by page as the grid scrolls.
 */
@Route(value = "certificates", layout = MainLayout.class)
@PageTitle("Certificate renewals · SMGW.Lite")
@Menu(title = "Certificate renewals", order = 2.5)
@RolesAllowed(CurrentUser.OPERATOR)
public class CertificateRenewalsView extends VerticalLayout {

    @Inject
    public CertificateRenewalsView(RenewalWatch renewals, CurrentUser user) {
        TenantId tenant = user.requireTenant();
        LocalFormats formats = new LocalFormats(UI.getCurrent().getLocale());

        Grid<RenewalWatch.Due> grid = new Grid<>();
        grid.setId("renewals-grid");
        grid.addColumn(RenewalWatch.Due::gatewayId).setHeader(getTranslation("gateways.column.gateway")).setAutoWidth(true);
        grid.addColumn(RenewalWatch.Due::householdId).setHeader(getTranslation("gateways.column.household")).setAutoWidth(true);
        grid.addColumn(d -> d.certificate().serialHex()).setHeader(getTranslation("certificates.column.serial")).setAutoWidth(true);
        grid.addColumn(d -> d.certificate().profile()).setHeader(getTranslation("certificates.column.profile")).setAutoWidth(true);
        grid.addColumn(d -> OperatorTime.of(formats, d.certificate().notAfter()))
                .setHeader(getTranslation("certificates.column.not-after")).setAutoWidth(true);
        grid.addColumn(d -> getTranslation("certificates.status." + d.status().name()))
                .setHeader(getTranslation("certificates.column.status")).setAutoWidth(true).setKey("status");
        grid.setPageSize(50);
        grid.setItems(query -> renewals.due(tenant, new PageRequest(query.getOffset(), query.getLimit())).stream());
        grid.setSizeFull();

        add(new H2(getTranslation("renewals.title", tenant.value())), new Paragraph(getTranslation("renewals.text")), grid);
        setSizeFull();
    }
}
