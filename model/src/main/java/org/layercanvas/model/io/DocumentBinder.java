package org.layercanvas.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Edge;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.PortRef;
import org.layercanvas.model.Position;
import org.layercanvas.model.Split;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerType;

/**
 * Turns a (current-version) JSON tree into a {@link NetworkDocument}. Checks structure and JSON types only:
 * required fields, value types, known layer types / optimizers / schedules and unique node ids. Parameter names
 * and ranges, ports and dangling edges are the validator's business.
 *
 * <p>Optional fields may be absent; {@code null} is accepted only where documented ({@code dataset}).
 */
final class DocumentBinder {
    private final String sourceName;
    /** Null when the tree was migrated, so that positions no longer match the text. */
    private final LocatedJson located;

    DocumentBinder(String sourceName, LocatedJson located) {
        this.sourceName = sourceName;
        this.located = located;
    }

    NetworkDocument bind(JsonNode root) throws DocumentFormatException {
        String top = JsonPaths.ROOT;
        JsonNode metadataNode = object(required(root, top, "metadata"), JsonPaths.field(top, "metadata"));
        Metadata metadata = metadata(metadataNode, JsonPaths.field(top, "metadata"));

        String nodesPath = JsonPaths.field(top, "nodes");
        JsonNode nodesArray = array(required(root, top, "nodes"), nodesPath);
        List<Node> nodes = new ArrayList<>(nodesArray.size());
        Map<String, String> firstUse = new HashMap<>();
        for (int i = 0; i < nodesArray.size(); i++) {
            String path = JsonPaths.index(nodesPath, i);
            Node node = node(nodesArray.get(i), path);
            String previous = firstUse.putIfAbsent(node.id(), path);
            if (previous != null) {
                throw error(JsonPaths.field(path, "id"), "error.duplicateNodeId", node.id(), previous);
            }
            nodes.add(node);
        }

        String edgesPath = JsonPaths.field(top, "edges");
        JsonNode edgesArray = array(required(root, top, "edges"), edgesPath);
        List<Edge> edges = new ArrayList<>(edgesArray.size());
        for (int i = 0; i < edgesArray.size(); i++) {
            edges.add(edge(edgesArray.get(i), JsonPaths.index(edgesPath, i)));
        }

        JsonNode datasetNode = root.get("dataset");
        DatasetSpec dataset = datasetNode == null || datasetNode.isNull() ? null
                : dataset(datasetNode, JsonPaths.field(top, "dataset"));

        JsonNode trainingNode = root.get("training");
        TrainingSettings training = trainingNode == null ? TrainingSettings.DEFAULT
                : training(trainingNode, JsonPaths.field(top, "training"));
        return new NetworkDocument(metadata, nodes, edges, dataset, training);
    }

    private Metadata metadata(JsonNode node, String path) throws DocumentFormatException {
        String title = string(required(node, path, "title"), JsonPaths.field(path, "title"));
        JsonNode descriptionNode = node.get("description");
        String description = descriptionNode == null ? "" : string(descriptionNode, JsonPaths.field(path, "description"));
        return new Metadata(title, description);
    }

    private Node node(JsonNode json, String path) throws DocumentFormatException {
        object(json, path);
        String id = string(required(json, path, "id"), JsonPaths.field(path, "id"));
        String typePath = JsonPaths.field(path, "type");
        String typeName = string(required(json, path, "type"), typePath);
        LayerType type = LayerType.fromJson(typeName);
        if (type == null) {
            throw error(typePath, "error.unknownLayerType", typeName,
                    Arrays.stream(LayerType.values()).map(LayerType::jsonName).collect(Collectors.joining(", ")));
        }
        JsonNode paramsNode = json.get("params");
        Map<String, Object> params = paramsNode == null ? Map.of()
                : scalarMap(paramsNode, JsonPaths.field(path, "params"), "error.paramValue");
        JsonNode positionNode = json.get("position");
        Position position = positionNode == null ? Position.ORIGIN
                : position(positionNode, JsonPaths.field(path, "position"));
        return new Node(id, type, params, position);
    }

    private Position position(JsonNode json, String path) throws DocumentFormatException {
        object(json, path);
        double x = number(required(json, path, "x"), JsonPaths.field(path, "x"));
        double y = number(required(json, path, "y"), JsonPaths.field(path, "y"));
        return new Position(x, y);
    }

    private Edge edge(JsonNode json, String path) throws DocumentFormatException {
        object(json, path);
        PortRef from = portRef(required(json, path, "from"), JsonPaths.field(path, "from"));
        PortRef to = portRef(required(json, path, "to"), JsonPaths.field(path, "to"));
        return new Edge(from, to);
    }

    private PortRef portRef(JsonNode json, String path) throws DocumentFormatException {
        object(json, path);
        String node = string(required(json, path, "node"), JsonPaths.field(path, "node"));
        String port = string(required(json, path, "port"), JsonPaths.field(path, "port"));
        return new PortRef(node, port);
    }

    private DatasetSpec dataset(JsonNode json, String path) throws DocumentFormatException {
        object(json, path);
        String id = string(required(json, path, "id"), JsonPaths.field(path, "id"));
        JsonNode optionsNode = json.get("options");
        Map<String, Object> options = optionsNode == null ? Map.of()
                : scalarMap(optionsNode, JsonPaths.field(path, "options"), "error.optionValue");
        JsonNode splitNode = json.get("split");
        Split split = splitNode == null ? Split.DEFAULT : split(splitNode, JsonPaths.field(path, "split"));
        JsonNode seedNode = json.get("seed");
        long seed = seedNode == null ? 0L : longInteger(seedNode, JsonPaths.field(path, "seed"));
        return new DatasetSpec(id, options, split, seed);
    }

    private Split split(JsonNode json, String path) throws DocumentFormatException {
        object(json, path);
        return new Split(
                number(required(json, path, "train"), JsonPaths.field(path, "train")),
                number(required(json, path, "validation"), JsonPaths.field(path, "validation")),
                number(required(json, path, "test"), JsonPaths.field(path, "test")));
    }

    private TrainingSettings training(JsonNode json, String path) throws DocumentFormatException {
        object(json, path);
        TrainingSettings d = TrainingSettings.DEFAULT;
        Optimizer optimizer = d.optimizer();
        JsonNode optimizerNode = json.get("optimizer");
        if (optimizerNode != null) {
            String optimizerPath = JsonPaths.field(path, "optimizer");
            String name = string(optimizerNode, optimizerPath);
            optimizer = Optimizer.fromJson(name);
            if (optimizer == null) {
                throw error(optimizerPath, "error.unknownOptimizer", name,
                        Arrays.stream(Optimizer.values()).map(Optimizer::jsonName).collect(Collectors.joining(", ")));
            }
        }
        JsonNode scheduleNode = json.get("schedule");
        LrSchedule schedule = scheduleNode == null ? LrSchedule.FIXED
                : schedule(scheduleNode, JsonPaths.field(path, "schedule"));
        return new TrainingSettings(optimizer,
                optionalNumber(json, path, "learningRate", d.learningRate()),
                optionalNumber(json, path, "momentum", d.momentum()),
                schedule,
                optionalInt(json, path, "batchSize", d.batchSize()),
                optionalInt(json, path, "epochs", d.epochs()),
                optionalNumber(json, path, "weightDecay", d.weightDecay()),
                optionalLong(json, path, "seed", d.seed()),
                optionalInt(json, path, "earlyStoppingPatience", d.earlyStoppingPatience()),
                optionalNumber(json, path, "gradientClip", d.gradientClip()));
    }

    private LrSchedule schedule(JsonNode json, String path) throws DocumentFormatException {
        object(json, path);
        String typePath = JsonPaths.field(path, "type");
        String name = string(required(json, path, "type"), typePath);
        LrSchedule.Type type = LrSchedule.Type.fromJson(name);
        if (type == null) {
            throw error(typePath, "error.unknownSchedule", name, Arrays.stream(LrSchedule.Type.values())
                    .map(LrSchedule.Type::jsonName).collect(Collectors.joining(", ")));
        }
        return new LrSchedule(type,
                optionalNumber(json, path, "gamma", LrSchedule.FIXED.gamma()),
                optionalInt(json, path, "stepEpochs", LrSchedule.FIXED.stepEpochs()));
    }

    /** An object of scalar values: integers become Integer or Long, other numbers Double. */
    private Map<String, Object> scalarMap(JsonNode json, String path, String badValueKey)
            throws DocumentFormatException {
        object(json, path);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            values.put(field.getKey(), scalar(field.getValue(), JsonPaths.field(path, field.getKey()), badValueKey));
        }
        return values;
    }

    private Object scalar(JsonNode value, String path, String badValueKey) throws DocumentFormatException {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            if (value.canConvertToInt()) {
                return value.intValue();
            }
            if (value.canConvertToLong()) {
                return value.longValue();
            }
            return finite(value.doubleValue(), path);
        }
        if (value.isNumber()) {
            return finite(value.doubleValue(), path);
        }
        throw error(path, badValueKey, found(value));
    }

    // ---- primitives ----------------------------------------------------------------------------------------

    private JsonNode required(JsonNode object, String objectPath, String name) throws DocumentFormatException {
        JsonNode value = object.get(name);
        if (value == null) {
            throw errorAt(JsonPaths.field(objectPath, name), objectPath, "error.missingField", name);
        }
        return value;
    }

    private JsonNode object(JsonNode json, String path) throws DocumentFormatException {
        if (!json.isObject()) {
            throw wrongType(json, path, "type.object");
        }
        return json;
    }

    private JsonNode array(JsonNode json, String path) throws DocumentFormatException {
        if (!json.isArray()) {
            throw wrongType(json, path, "type.array");
        }
        return json;
    }

    private String string(JsonNode json, String path) throws DocumentFormatException {
        if (!json.isTextual()) {
            throw wrongType(json, path, "type.string");
        }
        return json.textValue();
    }

    private double number(JsonNode json, String path) throws DocumentFormatException {
        if (!json.isNumber()) {
            throw wrongType(json, path, "type.number");
        }
        return finite(json.doubleValue(), path);
    }

    private double finite(double value, String path) throws DocumentFormatException {
        if (!Double.isFinite(value)) {
            throw error(path, "error.numberRange");
        }
        return value;
    }

    /** An integral number (a float without fraction such as {@code 32.0} is accepted) within long range. */
    private long integral(JsonNode json, String path, long min, long max) throws DocumentFormatException {
        if (!json.isNumber()) {
            throw wrongType(json, path, "type.integer");
        }
        if (json.isIntegralNumber() && json.canConvertToLong()) {
            long v = json.longValue();
            if (v >= min && v <= max) {
                return v;
            }
        } else if (!json.isIntegralNumber()) {
            double d = json.doubleValue();
            if (d != Math.rint(d) || !Double.isFinite(d)) {
                throw wrongType(json, path, "type.integer");
            }
            if (d >= min && d <= max && Math.abs(d) < 0x1p63) {
                return (long) d;
            }
        }
        throw error(path, "error.integerRange", json.asText(), min, max);
    }

    private int integer(JsonNode json, String path) throws DocumentFormatException {
        return (int) integral(json, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private long longInteger(JsonNode json, String path) throws DocumentFormatException {
        return integral(json, path, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private double optionalNumber(JsonNode object, String path, String name, double fallback)
            throws DocumentFormatException {
        JsonNode value = object.get(name);
        return value == null ? fallback : number(value, JsonPaths.field(path, name));
    }

    private int optionalInt(JsonNode object, String path, String name, int fallback) throws DocumentFormatException {
        JsonNode value = object.get(name);
        return value == null ? fallback : integer(value, JsonPaths.field(path, name));
    }

    private long optionalLong(JsonNode object, String path, String name, long fallback)
            throws DocumentFormatException {
        JsonNode value = object.get(name);
        return value == null ? fallback : longInteger(value, JsonPaths.field(path, name));
    }

    // ---- errors --------------------------------------------------------------------------------------------

    private DocumentFormatException wrongType(JsonNode json, String path, String expectedKey) {
        return error(path, "error.wrongType", Messages.format(expectedKey), found(json));
    }

    /** How a found value is described: its JSON type, or for numbers the number itself. */
    static String found(JsonNode json) {
        JsonNodeType type = json.getNodeType();
        return switch (type) {
            case OBJECT, POJO -> Messages.format("type.object");
            case ARRAY -> Messages.format("type.array");
            case STRING -> Messages.format("type.string");
            case BOOLEAN -> Messages.format("type.boolean");
            case NUMBER -> Messages.format("type.numberValue", json.asText());
            case NULL, MISSING -> Messages.format("type.null");
            default -> type.toString();
        };
    }

    private DocumentFormatException error(String path, String key, Object... args) {
        return errorAt(path, path, key, args);
    }

    /** An error about {@code path}, positioned at the start of the value at {@code locationPath}. */
    private DocumentFormatException errorAt(String path, String locationPath, String key, Object... args) {
        LocatedJson.Loc loc = located == null ? null : located.location(locationPath);
        return new DocumentFormatException(sourceName, loc == null ? 0 : loc.line(), loc == null ? 0 : loc.column(),
                path, Messages.format(key, args));
    }
}
