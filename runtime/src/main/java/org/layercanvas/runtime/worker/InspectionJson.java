package org.layercanvas.runtime.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.layercanvas.runtime.train.Planes;
import org.layercanvas.runtime.worker.WorkerProtocol.Inspect;
import org.layercanvas.runtime.worker.WorkerProtocol.Inspection;
import org.layercanvas.runtime.worker.WorkerProtocol.ProtocolException;

/**
 * {@code inspect} and {@code inspection} lines as JSON. Picture values are written as floats (the shortest text that
 * reads back as the same float), so the app gets exactly the numbers the worker computed.
 */
final class InspectionJson {
    private InspectionJson() {
    }

    static void write(Inspect i, ObjectNode o) {
        o.put("type", "inspect");
        o.put("requestId", i.requestId());
        if (i.intensities() != null) {
            ArrayNode a = o.putArray("intensities");
            for (double v : i.intensities()) {
                a.add(v);
            }
        } else {
            o.put("testIndex", i.testIndex());
        }
        if (i.maps()) {
            o.put("maps", true);
        }
    }

    static Inspect read(ObjectNode o, long requestId) throws ProtocolException {
        JsonNode in = o.get("intensities");
        if (in != null && !in.isNull()) {
            return new Inspect(requestId, -1, vector(in, "inspect: 'intensities'"), o.path("maps").asBoolean(false));
        }
        JsonNode index = o.get("testIndex");
        if (index == null || !index.isIntegralNumber() || !index.canConvertToInt() || index.intValue() < 0) {
            throw new ProtocolException("inspect: 'testIndex' must be a whole number >= 0, or 'intensities' given");
        }
        return new Inspect(requestId, index.intValue(), null, o.path("maps").asBoolean(false));
    }

    static void write(Inspection i, ObjectNode o) {
        o.put("type", "inspection");
        o.put("requestId", i.requestId());
        o.put("testIndex", i.testIndex());
        o.put("testSize", i.testSize());
        o.put("label", i.label());
        o.set("picture", planes(i.picture()));
        ArrayNode outputs = o.putArray("outputs");
        for (double v : i.outputs()) {
            outputs.add(v);
        }
        if (i.filters() != null) {
            o.set("filters", planes(i.filters()));
        }
        if (i.maps() != null) {
            ArrayNode maps = o.putArray("maps");
            i.maps().forEach(m -> maps.add(planes(m)));
        }
    }

    static Inspection read(ObjectNode o) throws ProtocolException {
        double[] outputs = vector(o.get("outputs"), "inspection: 'outputs'");
        List<Planes> maps = null;
        JsonNode m = o.get("maps");
        if (m != null && !m.isNull()) {
            maps = new ArrayList<>();
            for (JsonNode p : m) {
                maps.add(planes(p, "inspection: 'maps'"));
            }
        }
        JsonNode filters = o.get("filters");
        return new Inspection(WorkerProtocol.requestId(o, "inspection", true), o.path("testIndex").asInt(-1),
                o.path("testSize").asInt(-1), o.path("label").asInt(-1), planes(o.get("picture"),
                "inspection: 'picture'"), outputs, filters == null || filters.isNull() ? null
                : planes(filters, "inspection: 'filters'"), maps);
    }

    /** One row of numbers (non-finite ones as strings, like every matrix on the wire). */
    private static double[] vector(JsonNode row, String what) throws ProtocolException {
        return ProtocolMatrices.read(WorkerProtocol.MAPPER.createArrayNode().add(row), what)[0];
    }

    private static ObjectNode planes(Planes p) {
        ObjectNode o = WorkerProtocol.MAPPER.createObjectNode();
        o.put("layer", p.layer());
        o.put("height", p.height());
        o.put("width", p.width());
        o.put("channels", p.channels());
        o.put("total", p.total());
        ArrayNode values = o.putArray("values");
        for (float[] plane : p.planes()) {
            ArrayNode a = values.addArray();
            for (float v : plane) {
                a.add(v);
            }
        }
        return o;
    }

    private static Planes planes(JsonNode o, String what) throws ProtocolException {
        if (o == null || !o.isObject()) {
            throw new ProtocolException(what + " must be an object {layer, height, width, channels, total, values}");
        }
        int h = o.path("height").asInt(0);
        int w = o.path("width").asInt(0);
        int c = o.path("channels").asInt(0);
        double[][] rows = ProtocolMatrices.read(o.get("values"), what + ".values");
        float[][] planes = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != h * w * c) {
                throw new ProtocolException(what + ": plane " + i + " must have height * width * channels values");
            }
            planes[i] = new float[rows[i].length];
            for (int k = 0; k < planes[i].length; k++) {
                planes[i][k] = (float) rows[i][k];
            }
        }
        return new Planes(o.path("layer").asText(""), h, w, c, o.path("total").asInt(planes.length), planes);
    }
}
