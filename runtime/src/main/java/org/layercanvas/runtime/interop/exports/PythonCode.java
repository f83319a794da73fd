package org.layercanvas.runtime.interop.exports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.TrainingSettings;

/** Small helpers for writing Python source: literals, and pieces both Python programs share. */
final class PythonCode {
    private PythonCode() {
    }

    /** A JSON value as a Python literal; arrays become tuples (Keras takes tuples for sizes). */
    static String literal(JsonNode v) {
        if (v == null || v.isNull()) {
            return "None";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "True" : "False";
        }
        if (v.isTextual()) {
            return string(v.textValue());
        }
        if (v.isNumber()) {
            return number(v.numberValue());
        }
        if (v.isArray()) {
            StringBuilder b = new StringBuilder("(");
            for (int k = 0; k < v.size(); k++) {
                b.append(k == 0 ? "" : ", ").append(literal(v.get(k)));
            }
            return b.append(v.size() == 1 ? ",)" : ")").toString();
        }
        StringBuilder b = new StringBuilder("{");
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            b.append(string(e.getKey())).append(": ").append(literal(e.getValue())).append(it.hasNext() ? ", " : "");
        }
        return b.append('}').toString();
    }

    static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? Double.toString(d).replace("E", "e") : "float(\"nan\")";
        }
        return n.toString();
    }

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c < 0x20 ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    /** The learning rate of a 0-based epoch as a Python expression of {@code epoch}, exactly as LrSchedule. */
    static String scheduleExpression(TrainingSettings t) {
        LrSchedule s = t.schedule();
        String lr = number(t.learningRate());
        return switch (s.type()) {
            case FIXED -> lr;
            case STEP -> lr + " * " + number(s.gamma()) + " ** (epoch // " + Math.max(1, s.stepEpochs()) + ")";
            case EXPONENTIAL -> lr + " * " + number(s.gamma()) + " ** epoch";
            case COSINE -> lr + " * 0.5 * (1 + math.cos(math.pi * epoch / " + Math.max(1, t.epochs()) + "))";
        };
    }

    /** The docstring lines describing the document's dataset, as comments for the data-loading function. */
    static String datasetComment(DatasetSpec d) {
        if (d == null) {
            return "# The document names no dataset.";
        }
        StringBuilder b = new StringBuilder("# The document trains on dataset \"" + d.id() + "\"");
        if (!d.options().isEmpty()) {
            b.append(" with options ").append(d.options().toString().replace("\n", " "));
        }
        return b.append('.').toString();
    }
}
