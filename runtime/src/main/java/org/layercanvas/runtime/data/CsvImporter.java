package org.layercanvas.runtime.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV file into a {@link CsvTable}: detects the delimiter (comma, semicolon, tab, |) and whether the first
 * record is a header; handles RFC 4180 quotes (delimiters, line breaks and doubled quotes inside quoted cells), a
 * UTF-8 byte-order mark, CRLF/LF/CR line ends and blank lines. Files that are not valid UTF-8 are read as
 * Windows-1252 (spreadsheet exports).
 */
public final class CsvImporter {
    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int SAMPLE_RECORDS = 50;

    /**
     * @param delimiter the separator, or null to detect it
     * @param header    whether the first record is a header, or null to detect it
     */
    public record Options(Character delimiter, Boolean header) {
        public static final Options DETECT = new Options(null, null);
    }

    private CsvImporter() {
    }

    public static CsvTable read(Path file) throws DatasetException {
        return read(file, Options.DETECT);
    }

    public static CsvTable read(Path file, Options options) throws DatasetException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw IdxReader.ioError(file, e);
        }
        return parse(decode(bytes), String.valueOf(file.getFileName()), options);
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
        }
    }

    /** Parses CSV text (see the class comment); {@code source} names it in messages. */
    public static CsvTable parse(String text, String source, Options options) throws DatasetException {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        char delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(text, source);
        List<Record> records = records(text, delimiter, Integer.MAX_VALUE, source);
        if (records.isEmpty()) {
            throw DataMessages.error("csv.empty", source);
        }
        boolean header = options.header() != null ? options.header() : detectHeader(records, delimiter);
        int width = 0;
        for (Record r : records) {
            width = Math.max(width, trimmedWidth(r.cells()));
        }
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < width; j++) {
            String name = header && j < records.get(0).cells().size() ? records.get(0).cells().get(j).strip() : "";
            if (name.isEmpty()) {
                name = DataMessages.format("csv.columnName", j + 1);
            }
            String unique = name;
            for (int k = 2; !seen.add(unique); k++) {
                unique = name + " (" + k + ")";
            }
            columns.add(unique);
        }
        List<String[]> rows = new ArrayList<>();
        int start = header ? 1 : 0;
        int[] lines = new int[records.size() - start];
        for (int i = start; i < records.size(); i++) {
            List<String> cells = records.get(i).cells();
            String[] row = new String[width];
            for (int j = 0; j < width; j++) {
                row[j] = j < cells.size() ? cells.get(j) : "";
            }
            rows.add(row);
            lines[i - start] = records.get(i).line();
        }
        return new CsvTable(source, delimiter, header, columns, rows, lines);
    }

    /** Cell count without trailing empty cells ({@code a,b,c,} has 3). */
    private static int trimmedWidth(List<String> cells) {
        int w = cells.size();
        while (w > 1 && cells.get(w - 1).isBlank()) {
            w--;
        }
        return w;
    }

    record Record(int line, List<String> cells) {
    }

    /** Splits text into records; records whose cells are all blank are skipped. */
    static List<Record> records(String text, char delimiter, int limit, String source) throws DatasetException {
        List<Record> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean cellWasQuoted = false;
        int quoteLine = 0;
        int n = text.length();
        for (int i = 0; i < n && out.size() < limit; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n' || (ch == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank() && !cellWasQuoted) {
                quoted = true;
                cellWasQuoted = true;
                quoteLine = line;
                cell.setLength(0);
            } else if (ch == delimiter) {
                cells.add(cellWasQuoted ? cell.toString() : cell.toString().strip());
                cell.setLength(0);
                cellWasQuoted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cellWasQuoted ? cell.toString() : cell.toString().strip());
                addRecord(out, recordLine, cells);
                cells = new ArrayList<>();
                cell.setLength(0);
                cellWasQuoted = false;
                line++;
                recordLine = line;
            } else if (cellWasQuoted && ch != ' ') {
                // Text after a closing quote: keep it, as spreadsheets do.
                cell.append(ch);
            } else if (!cellWasQuoted) {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw DataMessages.error("csv.unclosedQuote", source, quoteLine);
        }
        if (out.size() < limit && (cell.length() > 0 || !cells.isEmpty() || cellWasQuoted)) {
            cells.add(cellWasQuoted ? cell.toString() : cell.toString().strip());
            addRecord(out, recordLine, cells);
        }
        return out;
    }

    private static void addRecord(List<Record> out, int line, List<String> cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                out.add(new Record(line, cells));
                return;
            }
        }
    }

    static char detectDelimiter(String text, String source) throws DatasetException {
        char best = ',';
        double bestConsistency = -1;
        double bestNumeric = -1;
        int bestWidth = 0;
        for (char d : CANDIDATES) {
            List<Record> sample = records(text, d, SAMPLE_RECORDS, source);
            if (sample.isEmpty()) {
                continue;
            }
            Map<Integer, Integer> widths = new HashMap<>();
            for (Record r : sample) {
                widths.merge(trimmedWidth(r.cells()), 1, Integer::sum);
            }
            int mode = 0;
            int modeCount = 0;
            for (Map.Entry<Integer, Integer> e : widths.entrySet()) {
                if (e.getValue() > modeCount || (e.getValue() == modeCount && e.getKey() > mode)) {
                    mode = e.getKey();
                    modeCount = e.getValue();
                }
            }
            if (mode < 2) {
                continue;
            }
            double consistency = modeCount / (double) sample.size();
            int numeric = 0;
            int total = 0;
            for (Record r : sample) {
                for (String c : r.cells()) {
                    total++;
                    if (!Double.isNaN(number(c, d))) {
                        numeric++;
                    }
                }
            }
            double numericFraction = total == 0 ? 0 : numeric / (double) total;
            boolean better = consistency > bestConsistency + 1e-9
                    || (Math.abs(consistency - bestConsistency) <= 1e-9 && numericFraction > bestNumeric + 1e-9);
            if (better) {
                best = d;
                bestConsistency = consistency;
                bestNumeric = numericFraction;
                bestWidth = mode;
            }
        }
        return bestWidth == 0 ? ',' : best;
    }

    /**
     * Header when some column's first cell is text while the column's other cells are mostly numbers; for files
     * without any numeric column, when the first record's cells are all non-empty, distinct and non-numeric.
     */
    static boolean detectHeader(List<Record> records, char delimiter) {
        List<String> first = records.get(0).cells();
        int sampleEnd = Math.min(records.size(), SAMPLE_RECORDS + 1);
        if (sampleEnd < 2) {
            return allText(first, delimiter);
        }
        for (int j = 0; j < first.size(); j++) {
            String head = first.get(j);
            if (isMissing(head) || !Double.isNaN(number(head, delimiter))) {
                continue;
            }
            int numeric = 0;
            int present = 0;
            for (int i = 1; i < sampleEnd; i++) {
                List<String> cells = records.get(i).cells();
                if (j < cells.size() && !isMissing(cells.get(j))) {
                    present++;
                    if (!Double.isNaN(number(cells.get(j), delimiter))) {
                        numeric++;
                    }
                }
            }
            if (present > 0 && numeric >= 0.8 * present) {
                return true;
            }
        }
        for (String c : first) {
            if (!isMissing(c) && !Double.isNaN(number(c, delimiter))) {
                return false;
            }
        }
        // No numeric column to tell by: names are distinct and non-empty; data usually repeats values.
        return allText(first, delimiter) && repeatsBelow(records, sampleEnd);
    }

    private static boolean allText(List<String> cells, char delimiter) {
        Set<String> distinct = new HashSet<>();
        for (String c : cells) {
            if (c.isBlank() || !Double.isNaN(number(c, delimiter)) || !distinct.add(c.strip())) {
                return false;
            }
        }
        return true;
    }

    private static boolean repeatsBelow(List<Record> records, int sampleEnd) {
        List<String> first = records.get(0).cells();
        for (int i = 1; i < sampleEnd; i++) {
            List<String> cells = records.get(i).cells();
            for (int j = 0; j < Math.min(cells.size(), first.size()); j++) {
                if (cells.get(j).strip().equals(first.get(j).strip())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "none", "?", "-");

    /** Empty, or a usual marker of a missing value: NA, N/A, NaN, null, None, ?, -. */
    public static boolean isMissing(String cell) {
        return MISSING.contains(cell.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The cell as a number, or NaN if it is not one. With a non-comma delimiter a decimal comma is accepted
     * ({@code 3,5}).
     */
    public static double number(String cell, char delimiter) {
        String s = cell.strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        char c0 = s.charAt(0);
        if (!(c0 >= '0' && c0 <= '9') && c0 != '-' && c0 != '+' && c0 != '.') {
            return Double.NaN;
        }
        char last = s.charAt(s.length() - 1);
        if (!(last >= '0' && last <= '9') && last != '.') {
            return Double.NaN;
        }
        if (delimiter != ',' && s.indexOf(',') >= 0 && s.indexOf(',') == s.lastIndexOf(',') && s.indexOf('.') < 0) {
            s = s.replace(',', '.');
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String delimiterName(char d) {
        return switch (d) {
            case ',' -> DataMessages.format("csv.delimiter.comma");
            case ';' -> DataMessages.format("csv.delimiter.semicolon");
            case '\t' -> DataMessages.format("csv.delimiter.tab");
            default -> String.valueOf(d);
        };
    }
}
