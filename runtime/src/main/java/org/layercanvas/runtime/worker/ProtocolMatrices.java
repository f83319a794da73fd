package org.layercanvas.runtime.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.layercanvas.runtime.worker.WorkerProtocol.ProtocolException;

/** Rows of numbers on the wire ({@code predict}'s inputs, {@code prediction}'s outputs), non-finite as strings. */
final class ProtocolMatrices {
    private ProtocolMatrices() {
    }

    static ArrayNode write(double[][] rows) {
        ArrayNode a = WorkerProtocol.MAPPER.createArrayNode();
        for (double[] row : rows) {
            ArrayNode r = a.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
        return a;
    }

    static double[][] read(JsonNode node, String what) throws ProtocolException {
        if (node == null || !node.isArray()) {
            throw new ProtocolException(what + " must be an array of rows of numbers");
        }
        double[][] rows = new double[node.size()][];
        for (int i = 0; i < rows.length; i++) {
            JsonNode row = node.get(i);
            if (!row.isArray()) {
                throw new ProtocolException(what + ": row " + i + " is not an array of numbers");
            }
            rows[i] = new double[row.size()];
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = number(row.get(j), what + ": row " + i + ", column " + j);
            }
        }
        return rows;
    }

    private static double number(JsonNode v, String where) throws ProtocolException {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            switch (v.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new ProtocolException(where + " is not a number");
    }
}
