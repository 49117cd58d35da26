package org.smgwlite.admin.certificate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import org.smgwlite.platform.certificate.PlatformRoot;
import org.smgwlite.platform.certificate.TenantCaSummary;
import org.smgwlite.platform.certificate.TenantCas;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.tenant.Tenant;
import org.smgwlite.platform.tenant.TenantService;

/**
 * The issuing CA of the operator's tenant (a platform administrator picks a tenant): subject, curves, validity, chain
 * download, the current CRL's number and this/next update, issued and revoked certificates; below it the platform
 * root for pinning in gateways. Looking creates no CA: a tenant gets its CA with the first enrollment.
 */
@Route(value = "certificate-authority", layout = MainLayout.class)
@PageTitle("Certificate authority · SMGW.Lite")
@Menu(title = "Certificate authority", order = 7)
@RolesAllowed({CurrentUser.OPERATOR, CurrentUser.PLATFORM_ADMIN})
public class TenantCaView extends VerticalLayout {

    private final TenantCas cas;
    private final LocalFormats formats = new LocalFormats(UI.getCurrent().getLocale());
    private final VerticalLayout caPanel = new VerticalLayout();

    @Inject
    public TenantCaView(TenantCas cas, PlatformRoot root, TenantService tenants, CurrentUser user) {
        this.cas = cas;
        add(new H2(getTranslation("ca.title")));
        if (user.isPlatformAdmin()) {
            ComboBox<Tenant> tenant = new ComboBox<>(getTranslation("ca.tenant"));
            tenant.setId("ca-tenant");
            tenant.setItems(tenants.list());
            tenant.setItemLabelGenerator(t -> t.name() + " (" + t.id() + ")");
            tenant.addValueChangeListener(e -> show(e.getValue() == null ? null : e.getValue().id()));
            add(tenant);
        }
        caPanel.setPadding(false);
        add(caPanel, new PlatformRootPanel(root.summary(), formats, CurveRange.BERLIN));
        show(user.isPlatformAdmin() ? null : user.requireTenant());
    }

    private void show(TenantId tenant) {
        caPanel.removeAll();
        if (tenant == null) {
            caPanel.add(new Paragraph(getTranslation("ca.pick-tenant")));
            return;
        }
        caPanel.add(new H3(getTranslation("ca.of", tenant.value())));
        cas.summary(tenant).ifPresentOrElse(ca -> caPanel.add(fields(ca),
                        PemDownloads.link("ca-chain-download", getTranslation("ca.download"), ca.chainPem(), "ca-chain-" + tenant + ".pem")),
                () -> caPanel.add(new Paragraph(getTranslation("ca.none"))));
    }

    private FormLayout fields(TenantCaSummary ca) {
        FormLayout fields = new FormLayout();
        fields.addFormItem(CaFields.value("ca-subject", ca.subject()), getTranslation("ca.subject"));
        fields.addFormItem(CaFields.value("ca-policy", getTranslation("policy." + ca.policy().name())), getTranslation("ca.policy"));
        fields.addFormItem(CaFields.value("ca-validity", getTranslation("ca.validity.range",
                formats.dateTime(ca.notBefore(), CurveRange.BERLIN), formats.dateTime(ca.notAfter(), CurveRange.BERLIN))),
                getTranslation("ca.validity"));
        fields.addFormItem(CaFields.value("ca-crl-number", ca.crlNumber().toString()), getTranslation("ca.crl.number"));
        fields.addFormItem(CaFields.value("ca-crl-updates", getTranslation("ca.crl.updates",
                formats.dateTime(ca.crlThisUpdate(), CurveRange.BERLIN), formats.dateTime(ca.crlNextUpdate(), CurveRange.BERLIN))),
                getTranslation("ca.crl"));
        fields.addFormItem(CaFields.value("ca-counts", getTranslation("ca.counts.values",
                formats.integer(ca.issued()), formats.integer(ca.revoked()))), getTranslation("ca.counts"));
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return fields;
    }
}
