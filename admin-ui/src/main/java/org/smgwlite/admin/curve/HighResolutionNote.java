package org.smgwlite.admin.curve;

import com.vaadin.flow.component.html.Span;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.HighResolution;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.shared.DomainException;

/**
 * The day view's thin lines on the chart (SMGW.Lite readings between the quarter hours,
 * {@link LoadCurveService#highResolution}) and the note below it saying what they are, shown only when the day has
 * such readings. Longer ranges have none: a week of them would hide the curve.
 */
class HighResolutionNote extends Span {

    private static final Logger LOG = Logger.getLogger(HighResolutionNote.class.getName());

    private final LoadCurveService curves;
    private final TenantId tenant;
    private final Viewer viewer;
    private final long householdId;
    private final LoadCurveChart chart;

    HighResolutionNote(LoadCurveService curves, TenantId tenant, Viewer viewer, long householdId, LoadCurveChart chart) {
        this.curves = curves;
        this.tenant = tenant;
        this.viewer = viewer;
        this.householdId = householdId;
        this.chart = chart;
        setId("curve-hires-" + householdId);
        setText(getTranslation("curve.chart.hires.note"));
        getStyle().set("font-size", "var(--lumo-font-size-s)");
        setVisible(false);
    }

    /**
     * Adds the lines of {@code range} to the chart just shown (its grid starts at {@code startEpochSecond}), or none
     * when {@code dayView} is false or the day has no readings. A failure other than a domain one is logged and leaves
     * the curve without them.
     */
    void refresh(CurveRange range, boolean dayView, long startEpochSecond) {
        HighResolution fine = null;
        if (dayView) {
            try {
                fine = curves.highResolution(tenant, viewer, householdId, range);
            } catch (DomainException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "high-resolution readings of household " + householdId + " failed", e);
            }
        }
        setVisible(fine != null && fine.any());
        if (!isVisible()) {
            chart.clearHighResolution();
            return;
        }
        chart.showHighResolution(startEpochSecond, FineLine.of(fine.imports(), startEpochSecond),
                FineLine.of(fine.exports(), startEpochSecond), getTranslation("curve.chart.import.hires"),
                getTranslation("curve.chart.export.hires"));
    }
}
