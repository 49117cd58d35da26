package org.smgwlite.platform.rest.readings;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the CSV of {@link org.smgwlite.platform.metering.query.CsvExport} into a JSON array as it is written: the first
 * line (the header) gives the keys, every further line becomes one object. So the JSON has exactly the CSV's fields
 * and values and can never drift from it: one object per quarter hour and register; an empty cell is {@code null};
 * the exact decimals {@link #NUMBERS} are JSON numbers, printed as the CSV prints them; everything else a string.
 * Nothing but the current line is held.
 */
final class CsvJsonWriter extends Writer {

    /** Columns that hold numbers (plain decimals or integers). */
    static final Set<String> NUMBERS = Set.of("register_reading", "interval_energy_wh", "ptb_level");

    private final Writer out;
    private final List<String> cells = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private List<String> header;
    private boolean inQuotes;
    private boolean quoteClosed;
    private boolean quotedCell;
    private int rows;
    private boolean finished;

    CsvJsonWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            accept(buffer[i]);
        }
    }

    private void accept(char c) throws IOException {
        if (inQuotes) {
            if (c == '"') {
                inQuotes = false;
                quoteClosed = true;
            } else {
                cell.append(c);
            }
            return;
        }
        if (quoteClosed && c == '"') { // "" inside a quoted cell: one quote
            cell.append('"');
            inQuotes = true;
            quoteClosed = false;
            return;
        }
        quoteClosed = false;
        switch (c) {
            case '"' -> {
                inQuotes = true;
                quotedCell = true;
            }
            case ',' -> endCell();
            case '\n' -> {
                endCell();
                endRow();
            }
            case '\r' -> {
                // line ends are \n; a \r is dropped
            }
            default -> cell.append(c);
        }
    }

    private void endCell() {
        cells.add(cell.length() == 0 && !quotedCell ? null : cell.toString());
        cell.setLength(0);
        quotedCell = false;
    }

    private void endRow() throws IOException {
        if (header == null) {
            header = List.copyOf(cells);
            out.write("[");
        } else {
            if (cells.size() != header.size()) {
                throw new IllegalStateException("CSV row " + (rows + 1) + " has " + cells.size() + " cells, the header "
                        + header.size());
            }
            out.write(rows == 0 ? "\n{" : ",\n{");
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                string(header.get(i));
                out.write(':');
                String value = cells.get(i);
                if (value == null) {
                    out.write("null");
                } else if (NUMBERS.contains(header.get(i))) {
                    out.write(value);
                } else {
                    string(value);
                }
            }
            out.write('}');
            rows++;
        }
        cells.clear();
    }

    private void string(String s) throws IOException {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (c < 0x20) {
                out.write(String.format("\\u%04x", (int) c));
            } else {
                out.write(c);
            }
        }
        out.write('"');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Ends the array (an unfinished last line counts as a row) and flushes; the underlying writer stays open. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (cell.length() > 0 || !cells.isEmpty()) {
            endCell();
            endRow();
        }
        if (header == null) {
            out.write("[");
        }
        out.write(rows == 0 ? "]\n" : "\n]\n");
        out.flush();
    }
}
