package org.layercanvas.model.io;

import java.util.Objects;

/**
 * A {@code *.lcnet} file could not be read: it is not JSON, is too large, was written by a newer LayerCanvas, or
 * has a missing field or a value of the wrong type. {@link #getMessage()} is one readable line, e.g.
 * {@code digits.lcnet:12:7: $.nodes[2].type: unknown layer type "Dense2"; known types: Input, Dense, ...}.
 *
 * <p>{@link #line()} and {@link #column()} are 1-based, or 0 when unknown. {@link #jsonPath()} names the offending
 * value ({@code $.nodes[3].params.units}), or is {@code "$"} when the problem concerns the whole file (for example a
 * JSON syntax error, which is located by line and column only).
 */
public class DocumentFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;
    private final int column;
    private final String jsonPath;
    private final String detail;

    /**
     * @param sourceName file name or other label of the input
     * @param line       1-based line, 0 when unknown
     * @param column     1-based column, 0 when unknown
     * @param jsonPath   path of the offending value, {@code "$"} for the whole file
     * @param detail     the readable problem, without location
     */
    public DocumentFormatException(String sourceName, int line, int column, String jsonPath, String detail) {
        this(sourceName, line, column, jsonPath, detail, null);
    }

    public DocumentFormatException(String sourceName, int line, int column, String jsonPath, String detail,
                                   Throwable cause) {
        super(detail, cause);
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.line = Math.max(0, line);
        this.column = line > 0 ? Math.max(0, column) : 0;
        this.jsonPath = jsonPath == null || jsonPath.isEmpty() ? "$" : jsonPath;
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public String sourceName() {
        return sourceName;
    }

    /** 1-based line of the problem, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, 0 when unknown. */
    public int column() {
        return column;
    }

    /** JSON path of the offending value, e.g. {@code $.nodes[3].params.units}; {@code "$"} for the whole file. */
    public String jsonPath() {
        return jsonPath;
    }

    /** The problem alone, without source name, line or path. */
    public String detail() {
        return detail;
    }

    /** {@code sourceName:line:column} when the line is known (column left out when unknown), else the JSON path. */
    public String location() {
        if (line <= 0) {
            return jsonPath;
        }
        return column > 0 ? sourceName + ":" + line + ":" + column : sourceName + ":" + line;
    }

    /**
     * One line: {@code source:line:column: path: detail}. The position is left out when unknown and the path when it
     * is the whole file.
     */
    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(sourceName);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!"$".equals(jsonPath)) {
            sb.append(jsonPath).append(": ");
        }
        return sb.append(detail).toString();
    }
}
