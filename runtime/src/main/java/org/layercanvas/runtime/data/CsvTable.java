package org.layercanvas.runtime.data;

import java.util.List;

/**
 * A CSV file as text cells, before the user picks feature and label columns.
 *
 * @param source      file name, for messages
 * @param delimiter   the separator used (detected or given)
 * @param hasHeader   whether the first record held column names (detected or given)
 * @param columns     column names: the header's, or {@code column 1}, {@code column 2}, ... without one
 * @param rows        data records, each exactly {@code columns.size()} cells (short records padded with empty cells)
 * @param lineNumbers line in the file (1-based, counting the header) where each data record starts
 */
public record CsvTable(String source, char delimiter, boolean hasHeader, List<String> columns, List<String[]> rows,
                       int[] lineNumbers) {
    public CsvTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public int size() {
        return rows.size();
    }

    /** Index of the column called {@code name} (exact, then ignoring case and surrounding blanks), or -1. */
    public int columnIndex(String name) {
        int i = columns.indexOf(name);
        if (i >= 0) {
            return i;
        }
        for (int k = 0; k < columns.size(); k++) {
            if (columns.get(k).strip().equalsIgnoreCase(name.strip())) {
                return k;
            }
        }
        return -1;
    }

    public String cell(int row, int column) {
        return rows.get(row)[column];
    }

    /** Delimiter as a readable word for messages: comma, semicolon, tab, |. */
    public String delimiterName() {
        return CsvImporter.delimiterName(delimiter);
    }
}
