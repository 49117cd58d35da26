package org.smgwlite.admin.report;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.smgwlite.admin.feedback.Notices;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.report.BillingMonth;
import org.smgwlite.platform.metering.report.MonthExports;

/**
 * "All households" of a month as one zip ({@link MonthExports#zipToTempFile}), made in the background while the page
 * polls its progress, as the load curve's CSV export does; then offered as a download, deleted when the page goes.
 */
class ZipDownload extends HorizontalLayout {

    private static final int POLL_MS = 500;

    private final MonthExports exports;
    private final TenantId tenant;
    private final String actor;
    private final Supplier<BillingMonth> month;
    private final Button start = new Button("All households (zip)");
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Anchor download = new Anchor();
    private Future<Path> running;
    private Registration pollListener;
    private Path made;

    ZipDownload(MonthExports exports, TenantId tenant, String actor, Supplier<BillingMonth> month) {
        this.exports = exports;
        this.tenant = tenant;
        this.actor = actor;
        this.month = month;
        start.setId("reports-zip");
        start.addClickListener(e -> start());
        progress.setId("reports-zip-progress");
        progress.setWidth("8em");
        progress.setVisible(false);
        download.setId("reports-zip-download");
        download.setVisible(false);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(start, progress, download);
    }

    private void start() {
        UI ui = UI.getCurrent();
        BillingMonth m = month.get();
        forget();
        start.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        running = exports.zipToTempFile(tenant, actor, m, percent -> ui.access(() -> progress.setValue(percent / 100.0)));
        String name = tenant.value() + "_" + m + ".zip";
        ui.setPollInterval(POLL_MS);
        pollListener = ui.addPollListener(e -> finishIfDone(ui, name));
    }

    private void finishIfDone(UI ui, String name) {
        if (running == null || !running.isDone()) {
            return;
        }
        ui.setPollInterval(-1);
        pollListener.remove();
        pollListener = null;
        start.setEnabled(true);
        progress.setVisible(false);
        try {
            made = running.get();
            download.setHref(DownloadHandler.forFile(made.toFile(), name));
            download.setText("Download " + name);
            download.setVisible(true);
        } catch (ExecutionException e) {
            Notices.failed("The zip failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = null;
        }
    }

    private void forget() {
        download.setVisible(false);
        if (made != null) {
            try {
                Files.deleteIfExists(made);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans up what stays
            }
            made = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (pollListener != null) {
            pollListener.remove();
            event.getUI().setPollInterval(-1);
        }
        forget();
        super.onDetach(event);
    }
}
