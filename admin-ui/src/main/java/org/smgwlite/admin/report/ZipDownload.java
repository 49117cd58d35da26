package org.smgwlite.admin.report;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.function.Supplier;
import org.smgwlite.admin.feedback.BackgroundFile;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.report.BillingMonth;
import org.smgwlite.platform.metering.report.MonthExports;

/**
 * "All households" of a month as one zip ({@link MonthExports#zipToTempFile}), made in the background while the page
 * polls its progress ({@link BackgroundFile}, as the load curve's CSV export), then offered as a download.
 */
class ZipDownload extends HorizontalLayout {

    private static final int POLL_MS = 500;

    private final BackgroundFile file;

    ZipDownload(MonthExports exports, TenantId tenant, String actor, Supplier<BillingMonth> month) {
        Button start = new Button("All households (zip)");
        start.setId("reports-zip");
        ProgressBar progress = new ProgressBar(0, 1);
        progress.setId("reports-zip-progress");
        progress.setWidth("8em");
        Anchor download = new Anchor();
        download.setId("reports-zip-download");
        file = new BackgroundFile(start, progress, download, name -> "Download " + name,
                message -> "The zip failed: " + message);
        start.addClickListener(e -> {
            BillingMonth m = month.get();
            file.start(POLL_MS, tenant.value() + "_" + m + ".zip",
                    percent -> exports.zipToTempFile(tenant, actor, m, percent));
        });
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(start, progress, download);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        file.detach(event.getUI());
        super.onDetach(event);
    }
}
