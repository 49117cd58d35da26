package org.smgwlite.platform.metering.mscons;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an MSCONS interchange of this profile back into {@link MeteringPointSeries}, one per LIN group, validating
 * every segment against the control and transaction schemas: any schema error, a QTY without its quarter-hour
 * period, a period that is not 15 minutes or a unit other than kWh is an {@link MsconsException} naming the segment.
 * Used by the tests and by the round-trip check of exports; it holds the whole interchange's values in memory.
 */
public final class MsconsReader {

    private final EDIStreamReader edi;
    private final List<MeteringPointSeries> done = new ArrayList<>();
    private MsconsSegment segment;
    private int segments;
    private String sender;
    private String recipient;
    private String reference;
    private String messlokation;
    private Instant periodFrom;
    private Instant periodTo;
    private String obis;
    private List<QuarterHour> values;
    private boolean inQuantity;
    private String qualifier;
    private BigDecimal quantity;
    private Instant quarterStart;
    private Instant quarterEnd;

    private MsconsReader(EDIStreamReader edi) {
        this.edi = edi;
    }

    /** Every series of every message in {@code in}, in order. */
    public static List<MeteringPointSeries> read(InputStream in) {
        return readInterchange(in).series();
    }

    public static MsconsInterchange readInterchange(InputStream in) {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader edi = factory.createEDIStreamReader(in, MsconsSchemas.CHARSET, MsconsSchemas.control())) {
            MsconsReader reader = new MsconsReader(edi);
            reader.run();
            if (reader.reference == null) {
                throw new MsconsException("no MSCONS interchange (UNB) found");
            }
            return new MsconsInterchange(new MsconsParties(reader.sender, reader.recipient), reader.reference, reader.done);
        } catch (EDIStreamException | IOException e) {
            throw new MsconsException("reading the MSCONS interchange failed: " + e.getMessage(), e);
        }
    }

    private void run() throws EDIStreamException {
        while (edi.hasNext()) {
            EDIStreamEvent event = edi.next();
            switch (event) {
                case START_TRANSACTION -> edi.setTransactionSchema(MsconsSchemas.transaction());
                case START_SEGMENT -> {
                    segments++;
                    segment = new MsconsSegment(edi.getText());
                }
                case ELEMENT_DATA -> {
                    Location at = edi.getLocation();
                    segment.put(at.getElementPosition(), at.getComponentPosition(), edi.getText());
                }
                case END_SEGMENT -> segment(segment);
                case SEGMENT_ERROR -> throw invalid(edi.getErrorType() + " segment " + text());
                case ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> throw invalid(edi.getErrorType() + " "
                        + text() + " in data element " + edi.getReferenceCode());
                default -> {
                    // interchange, message and loop boundaries carry no values
                }
            }
        }
    }

    private String text() {
        return edi.hasText() && edi.getText() != null ? "'" + edi.getText() + "'" : "(none)";
    }

    private void segment(MsconsSegment s) {
        try {
            switch (s.tag()) {
                case "UNB" -> {
                    sender = s.get(2, 1);
                    recipient = s.get(3, 1);
                    reference = s.get(5, 1);
                }
                case "UNH" -> requireMessageType(s);
                case "LOC" -> {
                    finishSeries();
                    messlokation = s.get(2, 1);
                    periodFrom = null;
                    periodTo = null;
                    inQuantity = false;
                }
                case "LIN" -> {
                    finishSeries();
                    if (messlokation == null || periodFrom == null || periodTo == null) {
                        throw invalid("LIN without a LOC and its period (DTM 163 and 164) before it");
                    }
                    values = new ArrayList<>();
                    inQuantity = false;
                }
                case "PIA" -> obis = s.get(2, 1);
                case "QTY" -> {
                    finishQuantity();
                    if (values == null) {
                        throw invalid("QTY outside a LIN group");
                    }
                    inQuantity = true;
                    qualifier = s.get(1, 1);
                    quantity = new BigDecimal(s.get(1, 2));
                    if (!"KWH".equals(s.get(1, 3))) {
                        throw invalid("quantity unit must be KWH, was " + s.get(1, 3));
                    }
                }
                case "DTM" -> date(s.get(1, 1), MsconsTime.parse(s.get(1, 2)));
                case "UNT" -> {
                    finishSeries();
                    messlokation = null;
                }
                default -> {
                    // BGM, NAD, UNS, UNZ: checked by the schema, nothing to keep
                }
            }
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private void date(String qualifierCode, Instant at) {
        boolean start = "163".equals(qualifierCode);
        boolean end = "164".equals(qualifierCode);
        if (inQuantity) {
            quarterStart = start ? at : quarterStart;
            quarterEnd = end ? at : quarterEnd;
        } else if (messlokation != null && values == null) {
            periodFrom = start ? at : periodFrom;
            periodTo = end ? at : periodTo;
        }
    }

    private void requireMessageType(MsconsSegment s) {
        String type = String.join(":", s.get(2, 1), s.get(2, 2), s.get(2, 3), s.get(2, 4), s.get(2, 5));
        String expected = MsconsWriter.MESSAGE_TYPE + ":" + String.join(":", MsconsWriter.MESSAGE_VERSION);
        if (!expected.equals(type)) {
            throw invalid("message type must be " + expected + ", was " + type);
        }
    }

    private void finishQuantity() {
        if (!inQuantity) {
            return;
        }
        if (quarterStart == null || quarterEnd == null || quarterEnd.getEpochSecond() - quarterStart.getEpochSecond() != 900) {
            throw invalid("QTY needs DTM 163 and 164 one quarter hour apart, had " + quarterStart + " to " + quarterEnd);
        }
        values.add(new QuarterHour(quarterStart, quantity, Qualifier.ofCode(qualifier)));
        inQuantity = false;
        quarterStart = null;
        quarterEnd = null;
    }

    private void finishSeries() {
        finishQuantity();
        if (values != null) {
            if (obis == null || obis.isEmpty()) {
                throw invalid("LIN group without PIA (OBIS code)");
            }
            done.add(new MeteringPointSeries(messlokation, obis, periodFrom, periodTo, values));
            values = null;
            obis = null;
        }
    }

    private MsconsException invalid(String what) {
        return new MsconsException("MSCONS interchange " + (reference == null ? "" : reference + " ")
                + "is invalid at segment " + segments + " (" + (segment == null ? "none" : segment.tag()) + "): " + what);
    }
}
