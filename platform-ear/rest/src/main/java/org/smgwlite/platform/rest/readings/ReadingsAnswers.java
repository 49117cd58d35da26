package org.smgwlite.platform.rest.readings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.metering.mscons.MsconsExport;
import org.smgwlite.platform.metering.mscons.MsconsParties;
import org.smgwlite.platform.metering.query.CsvExport;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Viewer;

/**
 * The one way both readings endpoints answer, after their access check: every parameter and the household's
 * visibility are checked first (400 naming the field, 404), then the body is streamed month by month: CSV exactly as
 * the UI's export ({@link CsvExport}), JSON as the same rows ({@link CsvJsonWriter}), MSCONS by {@link MsconsExport}.
 * The download is named {@code readings-<Messlokation>-<from>-<to>.<csv|json|edi>}.
 */
@ApplicationScoped
public class ReadingsAnswers {

    private static final int BUFFER = 64 * 1024;

    @Inject
    LoadCurveService curves;

    @Inject
    CsvExport csv;

    @Inject
    MsconsExport mscons;

    Response answer(TenantId tenant, Viewer viewer, long householdId, ReadingsQuery query) {
        CurveRange range = ReadingsPeriod.parse(query.from, query.to, LocalDate.now(CurveRange.BERLIN));
        ReadingsFormat format = ReadingsFormat.parse(query.format);
        String recipient = query.recipient == null || query.recipient.isBlank() ? null : query.recipient.strip();
        if (recipient != null) {
            MsconsParties.check("recipient", recipient);
        }
        Household household = curves.household(tenant, viewer, householdId);
        StreamingOutput body = switch (format) {
            case CSV -> out -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
                csv.write(tenant, viewer, householdId, range, writer, percent -> { });
                writer.flush();
            };
            case JSON -> out -> {
                Writer json = new CsvJsonWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER));
                csv.write(tenant, viewer, householdId, range, json, percent -> { });
                json.close();
            };
            case MSCONS -> out -> {
                BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
                mscons.household(tenant, viewer, householdId, range, mscons.parties(recipient), buffered);
                buffered.flush();
            };
        };
        String file = "readings-" + household.messlokationId() + "-" + range.first() + "-"
                + range.endExclusive().minusDays(1) + "." + format.extension();
        return Response.ok(body, format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"").build();
    }
}
