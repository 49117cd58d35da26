package org.smgwlite.platform.metering.mscons;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.EDIValidationException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Streams one MSCONS interchange to an {@link OutputStream}, segment by segment, validated by staedi against the
 * EDIFACT control schema and {@code mscons-d04b.xml} as it goes: nothing is held but the current segment, so a year
 * of a whole tenant can be written. staedi escapes the delimiters ({@code ?+ ?: ?' ??}).
 *
 * <p>Layout (one message per Messlokation, as the market sends them):
 * <pre>
 * UNA:+.? '  UNB+UNOC:3+sender:500+recipient:500+YYMMDD:HHMM+ref'
 * UNH+n+MSCONS:D:04B:UN:2.4c'  BGM+7+ref-n+9'  DTM+137:created:303'  NAD+MS+sender::293'  NAD+MR+recipient::293'
 * UNS+D'  NAD+DP'
 *   LOC+172+Messlokation'  DTM+163:from:303'  DTM+164:to:303'       one per series period (e.g. a month)
 *     LIN+k'  PIA+5+OBIS:SRW'                                         one per register
 *       QTY+220|67|201:kWh:KWH'  DTM+163:start:303'  DTM+164:end:303'  one per quarter hour with a value
 * UNT+segments+n'  UNZ+messages+ref'
 * </pre>
 * Series of the same Messlokation in a row share one message; the same Messlokation and period share one LOC group.
 * Times are UTC ({@link MsconsTime}).
 */
public final class MsconsWriter implements AutoCloseable {

    static final String MESSAGE_TYPE = "MSCONS";
    static final String[] MESSAGE_VERSION = {"D", "04B", "UN", "2.4c"};
    /** UNB/NAD code of the BDEW code numbers: 500 in UNB (DE 0007), 293 in NAD (DE 3055). */
    static final String UNB_CODE = "500";
    static final String NAD_AGENCY = "293";
    private static final DateTimeFormatter UNB_DATE = DateTimeFormatter.ofPattern("uuMMdd");
    private static final DateTimeFormatter UNB_TIME = DateTimeFormatter.ofPattern("HHmm");

    private final EDIStreamWriter edi;
    private final MsconsParties parties;
    private final String interchangeRef;
    private final Instant created;
    private int segments;
    private int messages;
    private int messageSegments;
    private int lines;
    private String messlokation;
    private Instant periodFrom;
    private Instant periodTo;
    private boolean closed;
    private String tag = "UNA";

    private MsconsWriter(EDIStreamWriter edi, MsconsParties parties, String interchangeRef, Instant created) {
        this.edi = edi;
        this.parties = parties;
        this.interchangeRef = interchangeRef;
        this.created = created;
    }

    /**
     * Starts the interchange (UNA, UNB) on {@code out}; {@code interchangeRef} is its control reference (1 to 14
     * letters or digits), {@code created} the preparation time. The caller closes {@code out}.
     */
    public static MsconsWriter open(OutputStream out, MsconsParties parties, String interchangeRef, Instant created) {
        Objects.requireNonNull(parties, "parties");
        if (interchangeRef == null || !interchangeRef.matches("[0-9A-Za-z]{1,14}")) {
            throw new IllegalArgumentException("interchange reference must be 1 to 14 letters or digits: " + interchangeRef);
        }
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        MsconsWriter writer;
        try {
            EDIStreamWriter edi = factory.createEDIStreamWriter(out, MsconsSchemas.CHARSET);
            edi.setControlSchema(MsconsSchemas.control());
            writer = new MsconsWriter(edi, parties, interchangeRef, created);
        } catch (EDIStreamException e) {
            throw new MsconsException("cannot start an MSCONS interchange: " + e.getMessage(), e);
        }
        writer.run("UNB", () -> {
            LocalDateTime utc = LocalDateTime.ofInstant(created, ZoneOffset.UTC);
            writer.edi.startInterchange();
            writer.edi.writeStartSegment("UNA").writeEndSegment();
            writer.edi.writeStartSegment("UNB");
            writer.composite(MsconsSchemas.SYNTAX);
            writer.composite(parties.senderId(), UNB_CODE);
            writer.composite(parties.recipientId(), UNB_CODE);
            writer.composite(UNB_DATE.format(utc), UNB_TIME.format(utc));
            writer.edi.writeElement(interchangeRef);
            writer.end();
        });
        writer.segments = 2; // UNA and UNB: segment numbers count from the interchange's start, as MsconsReader's do
        return writer;
    }

    /** Writes one register's series; a new Messlokation starts a new message, a new period a new LOC group. */
    public void write(MeteringPointSeries series) {
        if (closed) {
            throw new IllegalStateException("interchange " + interchangeRef + " is closed");
        }
        run("LIN of " + series.messlokationId() + " " + series.obis(), () -> {
            if (!series.messlokationId().equals(messlokation)) {
                endMessage();
                startMessage(series.messlokationId());
            }
            if (!series.from().equals(periodFrom) || !series.to().equals(periodTo)) {
                startPeriod(series);
            }
            start("LIN");
            edi.writeElement(Integer.toString(++lines));
            end();
            start("PIA");
            edi.writeElement("5");
            composite(series.obis(), "SRW");
            end();
            for (QuarterHour q : series.values()) {
                start("QTY");
                composite(q.qualifier().code(), q.energyKwh().toPlainString(), "KWH");
                end();
                period(q.start(), q.end());
            }
        });
    }

    /**
     * Ends the open message (UNT) and the interchange (UNZ) and flushes; the output stream stays open.
     *
     * @throws MsconsException when no series was written (EDIFACT has no empty interchange)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (messages == 0) {
            throw new MsconsException("MSCONS interchange " + interchangeRef
                    + " has no series: an EDIFACT interchange holds at least one message");
        }
        run("UNZ", () -> {
            endMessage();
            edi.writeStartSegment("UNZ");
            edi.writeElement(Integer.toString(messages));
            edi.writeElement(interchangeRef);
            end();
            edi.endInterchange();
            edi.flush();
        });
    }

    private void startMessage(String messlokationId) throws EDIStreamException {
        messages++;
        messageSegments = 0;
        lines = 0;
        messlokation = messlokationId;
        periodFrom = null;
        periodTo = null;
        String ref = Integer.toString(messages);
        edi.setTransactionSchema(MsconsSchemas.transaction());
        start("UNH");
        edi.writeElement(ref);
        composite(MESSAGE_TYPE, MESSAGE_VERSION[0], MESSAGE_VERSION[1], MESSAGE_VERSION[2], MESSAGE_VERSION[3]);
        end();
        start("BGM");
        edi.writeElement("7");
        edi.writeElement(interchangeRef + "-" + ref);
        edi.writeElement("9");
        end();
        dtm("137", created.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        party("MS", parties.senderId());
        party("MR", parties.recipientId());
        start("UNS");
        edi.writeElement("D");
        end();
        start("NAD");
        edi.writeElement("DP");
        end();
    }

    private void startPeriod(MeteringPointSeries series) throws EDIStreamException {
        periodFrom = series.from();
        periodTo = series.to();
        start("LOC");
        edi.writeElement("172");
        edi.writeElement(series.messlokationId());
        end();
        period(series.from(), series.to());
    }

    private void endMessage() throws EDIStreamException {
        if (messlokation == null) {
            return;
        }
        start("UNT");
        edi.writeElement(Integer.toString(messageSegments));
        edi.writeElement(Integer.toString(messages));
        end();
        messlokation = null;
    }

    private void party(String function, String id) throws EDIStreamException {
        start("NAD");
        edi.writeElement(function);
        composite(id, "", NAD_AGENCY);
        end();
    }

    private void period(Instant from, Instant to) throws EDIStreamException {
        dtm("163", from);
        dtm("164", to);
    }

    private void dtm(String qualifier, Instant at) throws EDIStreamException {
        start("DTM");
        composite(qualifier, MsconsTime.format(at), MsconsTime.FORMAT);
        end();
    }

    private void start(String tag) throws EDIStreamException {
        segments++;
        messageSegments++;
        this.tag = tag;
        edi.writeStartSegment(tag);
    }

    private void end() throws EDIStreamException {
        edi.writeEndSegment();
    }

    /** One composite element; empty components in the middle stay empty, trailing ones are left out. */
    private void composite(String... components) throws EDIStreamException {
        edi.writeStartElement();
        for (String c : components) {
            if (c.isEmpty()) {
                edi.writeEmptyComponent();
            } else {
                edi.writeComponent(c);
            }
        }
        edi.endElement();
    }

    @FunctionalInterface
    private interface Step {
        void run() throws EDIStreamException;
    }

    /** Runs a writing step; a validation error or stream failure becomes an {@link MsconsException} saying where. */
    private void run(String what, Step step) {
        try {
            step.run();
        } catch (EDIValidationException e) {
            closed = true;
            throw new MsconsException(describe(what, e), e);
        } catch (EDIStreamException e) {
            closed = true;
            throw new MsconsException("writing " + what + " of interchange " + interchangeRef + " failed at segment "
                    + segments + " (" + tag + "): " + e.getMessage(), e);
        }
    }

    private String describe(String what, EDIValidationException e) {
        StringBuilder m = new StringBuilder("MSCONS interchange ").append(interchangeRef)
                .append(" breaks the schema while writing ").append(what).append(" at segment ").append(segments)
                .append(" (").append(tag).append("): ").append(e.getError());
        if (e.getData() != null) {
            m.append(" '").append(e.getData()).append('\'');
        }
        for (EDIValidationException next = e.getNextException(); next != null; next = next.getNextException()) {
            m.append("; ").append(next.getError());
            if (next.getData() != null) {
                m.append(" '").append(next.getData()).append('\'');
            }
        }
        return m.toString();
    }
}
