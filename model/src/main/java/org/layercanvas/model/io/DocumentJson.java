package org.layercanvas.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Edge;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.PortRef;
import org.layercanvas.model.Split;
import org.layercanvas.model.TrainingSettings;

/**
 * Reads and writes {@code *.lcnet} files: UTF-8 JSON documents described in {@code docs/file-format.md} and by
 * the JSON Schema {@code org/layercanvas/model/lcnet.schema.json}.
 *
 * <p>Reading checks structure and JSON types and reports the first problem as a {@link DocumentFormatException}
 * with line, column and JSON path. It does not check parameter names or ranges, ports or dangling edges: the
 * validator reports those per node. Writing is deterministic (fixed key order, parameters in the node's order,
 * two-space indentation, {@code \n} line ends and a trailing newline) and {@code read(write(doc)).equals(doc)}.
 */
public final class DocumentJson {
    /** The version this release writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** Files larger than this are refused before parsing. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    public static final String FILE_EXTENSION = ".lcnet";

    private static final JsonFactory WRITE_FACTORY = JsonFactory.builder().build();

    private DocumentJson() {
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /**
     * Reads a document from JSON text.
     *
     * @param sourceName file name or label used in error messages; null for a generic label
     */
    public static NetworkDocument read(String json, String sourceName) throws DocumentFormatException {
        String source = sourceName == null || sourceName.isBlank() ? Messages.format("source.unnamed") : sourceName;
        if (json.length() > MAX_FILE_BYTES) {
            throw new DocumentFormatException(source, 0, 0, JsonPaths.ROOT,
                    Messages.format("error.tooLarge", json.length(), MAX_FILE_BYTES));
        }
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        LocatedJson located = LocatedJson.parse(text, source);
        JsonNode root = located.root();
        if (!root.isObject()) {
            LocatedJson.Loc at = located.location(JsonPaths.ROOT);
            throw new DocumentFormatException(source, at.line(), at.column(), JsonPaths.ROOT,
                    Messages.format("error.rootNotObject", DocumentBinder.found(root)));
        }
        int version = formatVersion(root, located, source);
        JsonNode current = Migrations.upgrade(root, version);
        // positions are only meaningful while the tree is still the one that was parsed
        return new DocumentBinder(source, current == root ? located : null).bind(current);
    }

    /** Reads a document from a UTF-8 file (a byte-order mark is allowed). Files over 64 MB are refused unread. */
    public static NetworkDocument read(Path file) throws DocumentFormatException, IOException {
        Path name = file.getFileName();
        String source = name == null ? file.toString() : name.toString();
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new DocumentFormatException(source, 0, 0, JsonPaths.ROOT,
                    Messages.format("error.tooLarge", size, MAX_FILE_BYTES));
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new DocumentFormatException(source, 0, 0, JsonPaths.ROOT,
                    Messages.format("error.tooLarge", bytes.length, MAX_FILE_BYTES));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DocumentFormatException(source, 0, 0, JsonPaths.ROOT, Messages.format("error.notUtf8"), e);
        }
        return read(text, source);
    }

    private static int formatVersion(JsonNode root, LocatedJson located, String source)
            throws DocumentFormatException {
        String path = JsonPaths.field(JsonPaths.ROOT, "formatVersion");
        JsonNode node = root.get("formatVersion");
        if (node == null) {
            LocatedJson.Loc at = located.location(JsonPaths.ROOT);
            throw new DocumentFormatException(source, at.line(), at.column(), path,
                    Messages.format("error.missingVersion"));
        }
        LocatedJson.Loc at = located.location(path);
        int line = at == null ? 0 : at.line();
        int column = at == null ? 0 : at.column();
        boolean integral = node.isIntegralNumber()
                || node.isNumber() && Double.isFinite(node.doubleValue()) && node.doubleValue() == Math.rint(node.doubleValue());
        if (!integral) {
            throw new DocumentFormatException(source, line, column, path,
                    Messages.format("error.versionInvalid", DocumentBinder.found(node)));
        }
        if (node.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(FORMAT_VERSION)) > 0) {
            throw new DocumentFormatException(source, line, column, path,
                    Messages.format("error.versionTooNew", node.bigIntegerValue(), FORMAT_VERSION));
        }
        if (node.bigIntegerValue().signum() <= 0) {
            throw new DocumentFormatException(source, line, column, path,
                    Messages.format("error.versionInvalid", DocumentBinder.found(node)));
        }
        return node.intValue();
    }

    // ---- writing -------------------------------------------------------------------------------------------

    /**
     * The document as pretty-printed JSON with a trailing newline.
     *
     * @throws IllegalArgumentException when a parameter or option value is not an Integer, Long, Double, Boolean
     *                                  or String, or a number is NaN or infinite (JSON cannot hold those)
     */
    public static String write(NetworkDocument doc) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = WRITE_FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(prettyPrinter());
            writeDocument(g, doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.append('\n').toString();
    }

    /**
     * Writes the document so that {@code file} holds either its previous content or the complete new one, even if
     * the disk fills up or the process dies: a temporary file in the same directory is written and synced, then
     * renamed over {@code file} (atomically where the file system allows). The temporary file is removed on failure.
     */
    public static void writeAtomically(NetworkDocument doc, Path file) throws IOException {
        AtomicFiles.write(file, write(doc).getBytes(StandardCharsets.UTF_8));
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter()
                .withSeparators(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    private static void writeDocument(JsonGenerator g, NetworkDocument doc) throws IOException {
        String top = JsonPaths.ROOT;
        g.writeStartObject();
        g.writeNumberField("formatVersion", FORMAT_VERSION);

        g.writeObjectFieldStart("metadata");
        g.writeStringField("title", doc.metadata().title());
        g.writeStringField("description", doc.metadata().description());
        g.writeEndObject();

        g.writeArrayFieldStart("nodes");
        for (int i = 0; i < doc.nodes().size(); i++) {
            Node node = doc.nodes().get(i);
            String path = JsonPaths.index(JsonPaths.field(top, "nodes"), i);
            g.writeStartObject();
            g.writeStringField("id", node.id());
            g.writeStringField("type", node.type().jsonName());
            g.writeFieldName("params");
            writeScalars(g, node.params(), JsonPaths.field(path, "params"));
            g.writeObjectFieldStart("position");
            writeDouble(g, "x", node.position().x(), JsonPaths.field(path, "position"));
            writeDouble(g, "y", node.position().y(), JsonPaths.field(path, "position"));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("edges");
        for (Edge edge : doc.edges()) {
            g.writeStartObject();
            writePort(g, "from", edge.from());
            writePort(g, "to", edge.to());
            g.writeEndObject();
        }
        g.writeEndArray();

        DatasetSpec dataset = doc.dataset();
        if (dataset == null) {
            g.writeNullField("dataset");
        } else {
            String path = JsonPaths.field(top, "dataset");
            g.writeObjectFieldStart("dataset");
            g.writeStringField("id", dataset.id());
            g.writeFieldName("options");
            writeScalars(g, dataset.options(), JsonPaths.field(path, "options"));
            Split split = dataset.split();
            g.writeObjectFieldStart("split");
            String splitPath = JsonPaths.field(path, "split");
            writeDouble(g, "train", split.train(), splitPath);
            writeDouble(g, "validation", split.validation(), splitPath);
            writeDouble(g, "test", split.test(), splitPath);
            g.writeEndObject();
            g.writeNumberField("seed", dataset.seed());
            g.writeEndObject();
        }

        TrainingSettings t = doc.training();
        String path = JsonPaths.field(top, "training");
        g.writeObjectFieldStart("training");
        g.writeStringField("optimizer", t.optimizer().jsonName());
        writeDouble(g, "learningRate", t.learningRate(), path);
        writeDouble(g, "momentum", t.momentum(), path);
        LrSchedule schedule = t.schedule();
        g.writeObjectFieldStart("schedule");
        g.writeStringField("type", schedule.type().jsonName());
        writeDouble(g, "gamma", schedule.gamma(), JsonPaths.field(path, "schedule"));
        g.writeNumberField("stepEpochs", schedule.stepEpochs());
        g.writeEndObject();
        g.writeNumberField("batchSize", t.batchSize());
        g.writeNumberField("epochs", t.epochs());
        writeDouble(g, "weightDecay", t.weightDecay(), path);
        g.writeNumberField("seed", t.seed());
        g.writeNumberField("earlyStoppingPatience", t.earlyStoppingPatience());
        writeDouble(g, "gradientClip", t.gradientClip(), path);
        g.writeEndObject();

        g.writeEndObject();
    }

    private static void writePort(JsonGenerator g, String field, PortRef port) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("node", port.nodeId());
        g.writeStringField("port", port.port());
        g.writeEndObject();
    }

    private static void writeScalars(JsonGenerator g, Map<String, Object> values, String path) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String valuePath = JsonPaths.field(path, e.getKey());
            Object v = e.getValue();
            g.writeFieldName(e.getKey());
            if (v instanceof Integer i) {
                g.writeNumber(i);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof Double d) {
                g.writeNumber(doubleText(d, valuePath));
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof String s) {
                g.writeString(s);
            } else {
                throw new IllegalArgumentException(Messages.format("write.unsupportedValue",
                        v == null ? "null" : v.getClass().getName(), valuePath));
            }
        }
        g.writeEndObject();
    }

    private static void writeDouble(JsonGenerator g, String field, double value, String parentPath)
            throws IOException {
        g.writeFieldName(field);
        g.writeNumber(doubleText(value, JsonPaths.field(parentPath, field)));
    }

    /** Always with a fraction or exponent ({@code 1.0}, {@code 1.0E-5}), so that it reads back as a Double. */
    private static String doubleText(double value, String path) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(Messages.format("write.nonFinite", value, path));
        }
        return Double.toString(value);
    }
}
