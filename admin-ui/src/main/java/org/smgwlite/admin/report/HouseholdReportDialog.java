package org.smgwlite.admin.report;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.metering.report.BillingMonth;
import org.smgwlite.platform.metering.report.MonthExports;
import org.smgwlite.platform.metering.report.ReportService;

/**
 * An operator's drill-down into one household's month from the Reports screen: its month report calculated now
 * ({@link MonthReportPanel}) and the month's CSV and MSCONS downloads.
 */
class HouseholdReportDialog extends Dialog {

    HouseholdReportDialog(ReportService reports, MonthExports exports, TenantId tenant, Viewer viewer, long householdId,
                          String title, BillingMonth month) {
        setHeaderTitle(title);
        setId("report-dialog");
        setWidth("min(60em, 95vw)");
        Anchor csv = new Anchor();
        csv.setHref((DownloadHandler) event -> {
            event.setFileName("household-" + householdId + "_" + month + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            exports.householdCsv(tenant, viewer, householdId, month, event.getOutputStream());
        });
        csv.setText("Download CSV " + month);
        csv.setId("report-download-csv");
        Anchor mscons = new Anchor();
        mscons.setHref((DownloadHandler) event -> {
            event.setFileName("household-" + householdId + "_" + month + ".edi");
            event.setContentType("application/edifact");
            exports.householdMscons(tenant, viewer, householdId, month, event.getOutputStream());
        });
        mscons.setText("Download MSCONS " + month);
        mscons.setId("report-download-mscons");
        HorizontalLayout downloads = new HorizontalLayout(csv, mscons);
        downloads.getStyle().set("flex-wrap", "wrap");
        add(downloads, new MonthReportPanel(m -> reports.household(tenant, viewer, householdId, m), householdId,
                month.month()));
        Button close = new Button("Close", e -> close());
        close.setId("report-dialog-close");
        getFooter().add(close);
    }
}
