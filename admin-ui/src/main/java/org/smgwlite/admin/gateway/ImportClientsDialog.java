package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.legacy.ClientImport;
import org.smgwlite.platform.legacy.ClientsCsv;
import org.smgwlite.platform.legacy.LegacyGatewayService;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Imports the {@code clients} table of an SMGW.Lite PHP backend: the CSV uploaded (in memory, at most
 * {@link LegacyGatewayService#MAX_CSV_CHARS} bytes) or pasted, read by the service ({@link LegacyGatewayService#preview}):
 * the lines it cannot take with their line numbers, and each device with a household picker (searched in the
 * database). Import registers each device on its own; the answer per line (imported, or why not) replaces the form.
 * Every rule is the service's; the dialog holds none.
 */
class ImportClientsDialog extends Dialog {

    /** Room for the multipart headers around the file. */
    private static final long MULTIPART_OVERHEAD = 16 * 1024;

    private final LegacyGatewayService service;
    private final Operator operator;
    private final TextArea csv = new TextArea();
    private final Upload upload;
    private final Paragraph summary = new Paragraph();
    private final Grid<ClientsCsv.LineError> errors = new Grid<>();
    private final Grid<ClientsCsv.Client> devices = new Grid<>();
    private final Grid<ClientImport.Line> results = new Grid<>();
    private final Map<String, ComboBox<Household>> pickers = new HashMap<>();
    private final Button read = new Button();
    private final Button start = new Button();

    ImportClientsDialog(LegacyGatewayService service, HouseholdService households, Operator operator, Runnable imported) {
        this.service = service;
        this.operator = operator;
        setHeaderTitle(getTranslation("legacy.import.title"));
        UI ui = UI.getCurrent();
        // the handler runs outside the session lock; the page gets the result with the upload's success event
        upload = new Upload(new InMemoryUploadHandler((file, bytes) -> ui.access(() -> uploaded(bytes))) {
            // the browser refuses a larger file with the message below; a request past it is cut off unread
            @Override
            public long getFileSizeMax() {
                return LegacyGatewayService.MAX_CSV_CHARS;
            }

            @Override
            public long getRequestSizeMax() {
                return LegacyGatewayService.MAX_CSV_CHARS + MULTIPART_OVERHEAD;
            }
        });
        upload.setId("legacy-import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(LegacyGatewayService.MAX_CSV_CHARS);
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.addFileRejectedListener(e -> Notices.failed(tooLarge(e.getErrorMessage())));

        csv.setId("legacy-import-csv");
        csv.setLabel(getTranslation("legacy.import.paste"));
        csv.setHelperText(getTranslation("legacy.import.paste.help"));
        csv.setWidthFull();
        csv.setHeight("8em");
        // a changed text is read again before it is imported: the pickers belong to the text that was read
        csv.addValueChangeListener(e -> showRead(null));

        read.setText(getTranslation("legacy.import.read"));
        read.setId("legacy-import-read");
        read.addClickListener(e -> read());

        errors.setId("legacy-import-errors");
        errors.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        errors.addColumn(ClientsCsv.LineError::line).setHeader(getTranslation("legacy.import.line")).setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(l -> LegacyTexts.orEmpty(l.deviceId())).setHeader(getTranslation("legacy.column.device"))
                .setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(l -> refusal(l.refusal(), l.reason())).setHeader(getTranslation("legacy.import.reason"));
        errors.setAllRowsVisible(false);
        errors.setHeight("10em");

        devices.setId("legacy-import-devices");
        devices.addThemeVariants(GridVariant.LUMO_COMPACT);
        devices.addColumn(ClientsCsv.Client::line).setHeader(getTranslation("legacy.import.line")).setAutoWidth(true).setFlexGrow(0);
        devices.addColumn(c -> c.deviceId().value()).setHeader(getTranslation("legacy.column.device")).setAutoWidth(true)
                .setFlexGrow(0);
        devices.addComponentColumn(c -> pickers.computeIfAbsent(c.deviceId().value(), id -> {
            ComboBox<Household> box = HouseholdPicker.comboBox(households, operator.tenant());
            box.setId("legacy-import-household-" + id);
            box.setPlaceholder(getTranslation("legacy.import.household.placeholder"));
            return box;
        })).setHeader(getTranslation("legacy.import.household"));
        devices.setHeight("16em");

        results.setId("legacy-import-results");
        results.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        results.addColumn(ClientImport.Line::line).setHeader(getTranslation("legacy.import.line")).setAutoWidth(true).setFlexGrow(0);
        results.addColumn(l -> LegacyTexts.orEmpty(l.deviceId())).setHeader(getTranslation("legacy.column.device"))
                .setAutoWidth(true).setFlexGrow(0);
        results.addColumn(l -> getTranslation("legacy.import.result." + l.result().name())).setHeader(getTranslation("legacy.import.result"))
                .setAutoWidth(true).setFlexGrow(0);
        results.addColumn(l -> l.reason() == null ? "" : refusal(l.reason(), l.detail())).setHeader(getTranslation("legacy.import.reason"));
        results.setHeight("20em");

        start.setText(getTranslation("legacy.import.start"));
        start.setId("legacy-import-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setDisableOnClick(true);
        start.addClickListener(e -> start(imported));
        Button close = new Button(getTranslation("legacy.close"), e -> close());
        close.setId("legacy-import-close");

        summary.setId("legacy-import-summary");
        add(upload, csv, read, summary, errors, devices, results);
        getFooter().add(close, start);
        showRead(null);
        setWidth("52em");
        setMaxWidth("100%");
    }

    private void uploaded(byte[] bytes) {
        if (bytes.length > LegacyGatewayService.MAX_CSV_CHARS) {
            Notices.failed(tooLarge(String.valueOf(bytes.length)));
            return;
        }
        csv.setValue(new String(bytes, StandardCharsets.UTF_8));
        read();
    }

    /** The service reads the text: its devices get a household picker each, its bad lines are listed. */
    private void read() {
        csv.setInvalid(false);
        try {
            showRead(service.preview(csv.getValue()));
        } catch (InvalidInputException invalid) {
            csv.setErrorMessage(invalid.fieldErrors().getOrDefault("csv", invalid.getMessage()));
            csv.setInvalid(true);
            showRead(null);
        }
    }

    private void showRead(ClientsCsv.Result read) {
        pickers.clear();
        summary.setVisible(read != null);
        errors.setVisible(read != null && !read.errors().isEmpty());
        devices.setVisible(read != null && !read.clients().isEmpty());
        results.setVisible(false);
        start.setVisible(read != null && !read.clients().isEmpty());
        if (read != null) {
            summary.setText(getTranslation("legacy.import.read.summary", read.clients().size(), read.errors().size()));
            errors.setItems(read.errors());
            devices.setItems(read.clients());
        }
    }

    /** Imports with the households picked; the answer per line replaces the form. */
    private void start(Runnable imported) {
        try {
            Map<String, Long> chosen = new HashMap<>();
            pickers.forEach((id, box) -> {
                if (box.getValue() != null) {
                    chosen.put(id, box.getValue().id());
                }
            });
            ClientImport.Outcome outcome = service.importClients(operator.tenant(), csv.getValue(), chosen, operator.actor());
            upload.setVisible(false);
            csv.setVisible(false);
            read.setVisible(false);
            errors.setVisible(false);
            devices.setVisible(false);
            start.setVisible(false);
            summary.setText(getTranslation("legacy.import.done", outcome.imported(), outcome.refused()));
            results.setItems(outcome.lines());
            results.setVisible(true);
            imported.run();
        } finally {
            start.setEnabled(true);
        }
    }

    private String refusal(Enum<?> reason, String detail) {
        return getTranslation("legacy.import.refusal." + reason.name()) + " — " + detail;
    }

    private String tooLarge(String why) {
        return getTranslation("legacy.import.file-rejected", why, LegacyGatewayService.MAX_CSV_CHARS);
    }
}
