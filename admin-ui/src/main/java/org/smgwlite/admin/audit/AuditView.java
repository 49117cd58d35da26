package org.smgwlite.admin.audit;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.smgwlite.admin.i18n.DatePickers;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.admin.layout.MainLayout;
import org.smgwlite.admin.security.CurrentUser;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditCursor;
import org.smgwlite.platform.audit.AuditEvent;
import org.smgwlite.platform.audit.AuditFilter;
import org.smgwlite.platform.audit.AuditPage;
import org.smgwlite.platform.audit.AuditScope;
import org.smgwlite.platform.audit.AuditTrail;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.tenant.Tenant;
import org.smgwlite.platform.tenant.TenantService;

/**
 * The audit trail, newest first: an operator sees their tenant's events, a platform administrator every tenant's or
 * one tenant's. Filters by gateway, kind and days (German time); the grid reads lazily by keyset
 * ({@link KeysetRows} over {@link AuditTrail#page}) and the CSV export streams the same query, so neither holds the
 * log in memory.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit · SMGW.Lite")
@Menu(title = "Audit", order = 6)
@RolesAllowed({CurrentUser.OPERATOR, CurrentUser.PLATFORM_ADMIN})
public class AuditView extends VerticalLayout {

    private final AuditTrail trail;
    private final boolean admin;
    private final Optional<AuditScope> ownTenant;
    private final LocalFormats formats = new LocalFormats(UI.getCurrent().getLocale());
    private final Grid<AuditEvent> grid = new Grid<>();
    private final ComboBox<Tenant> tenant = new ComboBox<>();
    private final TextField gateway = new TextField();
    private final ComboBox<AuditAction> kind = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Anchor export = new Anchor();
    private KeysetRows<AuditEvent, AuditCursor> rows;

    @Inject
    public AuditView(AuditTrail trail, TenantService tenants, CurrentUser user) {
        this.trail = trail;
        this.admin = user.isPlatformAdmin();
        this.ownTenant = admin ? Optional.empty() : Optional.of(AuditScope.tenant(user.requireTenant()));

        tenant.setLabel(getTranslation("audit.tenant"));
        tenant.setPlaceholder(getTranslation("audit.tenant.all"));
        tenant.setItems(admin ? tenants.list() : List.of());
        tenant.setItemLabelGenerator(t -> t.name() + " (" + t.id() + ")");
        tenant.setClearButtonVisible(true);
        tenant.setVisible(admin);
        tenant.setId("audit-tenant");
        gateway.setLabel(getTranslation("audit.gateway"));
        gateway.setValueChangeMode(ValueChangeMode.LAZY);
        gateway.setClearButtonVisible(true);
        gateway.setId("audit-gateway");
        kind.setLabel(getTranslation("audit.kind"));
        kind.setItems(AuditAction.values());
        kind.setClearButtonVisible(true);
        kind.setId("audit-kind");
        from.setLabel(getTranslation("audit.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.to"));
        to.setId("audit-to");
        DatePickers.localize(from, formats);
        DatePickers.localize(to, formats);
        export.setText(getTranslation("audit.export"));
        export.setId("audit-export");
        tenant.addValueChangeListener(e -> applyFilter());
        gateway.addValueChangeListener(e -> applyFilter());
        kind.addValueChangeListener(e -> applyFilter());
        from.addValueChangeListener(e -> applyFilter());
        to.addValueChangeListener(e -> applyFilter());

        grid.setId("audit-grid");
        // only the time sizes itself; the other columns share the room and wrap: every column within a 1400 px window
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> formats.dateTime(e.at(), CurveRange.BERLIN)).setHeader(getTranslation("audit.column.at")).setAutoWidth(true);
        grid.addColumn(e -> e.tenantId() == null ? "" : e.tenantId().value()).setHeader(getTranslation("audit.column.tenant"))
                .setAutoWidth(true).setVisible(admin);
        grid.addColumn(AuditEvent::actor).setHeader(getTranslation("audit.column.actor"));
        grid.addColumn(e -> e.action().name()).setHeader(getTranslation("audit.column.kind"));
        grid.addColumn(AuditEvent::subject).setHeader(getTranslation("audit.column.subject")).setFlexGrow(1);
        grid.addColumn(e -> e.outcome().name()).setHeader(getTranslation("audit.column.outcome"));
        grid.addColumn(AuditEvent::detail).setHeader(getTranslation("audit.column.detail")).setFlexGrow(2);
        grid.setSizeFull();

        HorizontalLayout filters = new HorizontalLayout(tenant, gateway, kind, from, to, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2(getTranslation("audit.title")), filters, grid);
        setSizeFull();
        applyFilter();
    }

    /** Reads the filter fields; a bad one is marked and the grid keeps its rows. */
    private void applyFilter() {
        gateway.setInvalid(false);
        to.setInvalid(false);
        AuditFilter filter;
        try {
            filter = AuditFilter.parse(gateway.getValue(), kind.getValue() == null ? null : kind.getValue().name(),
                    instant(from.getValue(), 0), instant(to.getValue(), 1));
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                switch (field) {
                    case "gateway" -> { gateway.setErrorMessage(message); gateway.setInvalid(true); }
                    case "to" -> { to.setErrorMessage(getTranslation("audit.to.before-from")); to.setInvalid(true); }
                    default -> throw e;
                }
            });
            return;
        }
        AuditScope scope = ownTenant.orElseGet(() -> tenant.getValue() == null ? AuditScope.allTenants()
                : AuditScope.tenant(tenant.getValue().id()));
        rows = new KeysetRows<>((after, limit) -> {
            AuditPage page = trail.page(scope, filter, after, limit);
            return new KeysetRows.Page<>(page.events(), page.next());
        }, AuditTrail.MAX_PAGE_SIZE);
        grid.setItems(query -> rows.rows(query.getOffset(), query.getLimit()).stream());
        export.setHref(csv(trail, scope, filter), AttachmentType.DOWNLOAD);
    }

    /** The start of {@code day} plus {@code days} in German time, as the filter's instant text; null for no day. */
    private static String instant(LocalDate day, int days) {
        return day == null ? null : day.plusDays(days).atStartOfDay(CurveRange.BERLIN).toInstant().toString();
    }

    /** The export of exactly this scope and filter, streamed from the audit trail as the browser downloads it. */
    private static DownloadHandler csv(AuditTrail trail, AuditScope scope, AuditFilter filter) {
        return event -> {
            event.setFileName("audit.csv");
            event.setContentType("text/csv; charset=UTF-8");
            Writer out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
            trail.writeCsv(scope, filter, out);
            out.flush();
        };
    }
}
