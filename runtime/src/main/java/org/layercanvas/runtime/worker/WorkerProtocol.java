package org.layercanvas.runtime.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.runtime.train.EventJson;
import org.layercanvas.runtime.train.Planes;
import org.layercanvas.runtime.train.TrainingEvent;

/**
 * The JSON-lines protocol between the app and a training worker process (docs/worker-protocol.md). Every line is
 * one JSON object with a {@code type} field. The app sends {@link Command}s on the worker's stdin; the worker
 * answers with {@link Message}s on its stdout: {@link Hello} first, then training events exactly as
 * {@link EventJson} writes them, replies, and {@link Bye} last. Non-finite numbers travel as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 */
public final class WorkerProtocol {
    /** Bumped when a message changes incompatibly; adding optional fields or new messages does not bump it. */
    public static final int VERSION = 1;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** The {@code type} names of the app's commands. */
    public static final List<String> COMMAND_TYPES = List.of("train", "pause", "resume", "step", "stop", "predict",
            "save", "warm", "shutdown", "inspect");

    static final Set<String> EVENT_TYPES = Set.of("started", "iteration", "epoch", "paused", "resumed",
            "finished", "failed", "evaluation", "histograms", "boundary", "health");

    private WorkerProtocol() {
    }

    /** A line that is not a valid message; the text names the problem. */
    public static final class ProtocolException extends Exception {
        private static final long serialVersionUID = 1L;

        public ProtocolException(String message) {
            super(message);
        }
    }

    // ---- app -> worker -------------------------------------------------------------------------------------

    /** What the app asks of the worker. */
    public sealed interface Command {
    }

    /**
     * Train a document.
     *
     * @param protocol the protocol version the app speaks; the worker refuses others
     * @param document the {@code .lcnet} JSON object
     * @param device   {@code auto}, {@code cpu} or {@code gpu}
     * @param threads  ND4J threads, 0 for the default
     * @param boundaryMillis for a classifier of two input features, {@code boundary} events at most this often
     *                 (0: none; optional on the wire, 0 when absent)
     * @param weights  an absolute path of trained weights the run starts from (an imported Keras {@code .h5} or
     *                 DL4J zip), or null for fresh ones (optional on the wire)
     */
    public record Train(int protocol, JsonNode document, String device, int threads, int boundaryMillis,
                        String weights) implements Command {
        public Train(int protocol, JsonNode document, String device, int threads, int boundaryMillis) {
            this(protocol, document, device, threads, boundaryMillis, null);
        }

        /** The same run, starting from the weights in {@code file}. */
        public Train startingFrom(String file) {
            return new Train(protocol, document, device, threads, boundaryMillis, file);
        }

        /** How often the app wants the decision boundary while training: four times a second. */
        public static final int APP_BOUNDARY_MILLIS = 250;

        public static Train of(NetworkDocument doc, String device, int threads) {
            try {
                return new Train(VERSION, MAPPER.readTree(DocumentJson.write(doc)), device, threads,
                        APP_BOUNDARY_MILLIS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the document writer produced invalid JSON", e);
            }
        }
    }

    /** Pause the run between two minibatches. */
    public record Pause() implements Command {
    }

    /** Let a paused run go on. */
    public record Resume() implements Command {
    }

    /** Step mode: a paused run learns from one minibatch (reporting its {@code health}) and pauses again. */
    public record Step() implements Command {
    }

    /** End the run early (it finishes with reason {@code stopped} and is evaluated). */
    public record Stop() implements Command {
    }

    /**
     * Run the model on inputs: one row per example, in the Input's flat row-major layout (an image's pixels row by
     * row with channels last, a sequence step after step). With {@code intensities} the values are drawn
     * intensities from 0 to 1 that the worker puts on the training data's scale and preprocesses first (a draw
     * pad); without, they are given as the network receives them. With {@code texts} (not empty) the examples are
     * sentences instead, which the worker turns into token ids with the run's vocabulary ({@code inputs} is then
     * empty).
     */
    public record Predict(long requestId, double[][] inputs, boolean intensities, List<String> texts)
            implements Command {
        public Predict {
            texts = texts == null ? List.of() : List.copyOf(texts);
        }

        public Predict(long requestId, double[][] inputs) {
            this(requestId, inputs, false, List.of());
        }

        public Predict(long requestId, double[][] inputs, boolean intensities) {
            this(requestId, inputs, intensities, List.of());
        }

        /** Sentences for a network on word tokens. */
        public static Predict texts(long requestId, List<String> texts) {
            return new Predict(requestId, new double[0][], false, texts);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Predict p && p.requestId == requestId && Arrays.deepEquals(p.inputs, inputs)
                    && p.intensities == intensities && p.texts.equals(texts);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(requestId) * 31 + Arrays.deepHashCode(inputs) + (intensities ? 1 : 0)
                    + texts.hashCode();
        }

        @Override
        public String toString() {
            return "Predict[requestId=" + requestId + ", inputs=" + Arrays.deepToString(inputs) + "]";
        }
    }

    /**
     * Look at one input: test example {@code testIndex} (modulo the test split's size) when {@code intensities} is
     * null, else a drawn input (0 to 1, as a {@link Predict} with intensities). With {@code maps} the answer also
     * carries the first Conv2D layer's filters and each Conv2D layer's feature maps. Answered by {@link Inspection}.
     */
    public record Inspect(long requestId, int testIndex, double[] intensities, boolean maps) implements Command {
        @Override
        public boolean equals(Object o) {
            return o instanceof Inspect i && i.requestId == requestId && i.testIndex == testIndex && i.maps == maps
                    && Arrays.equals(i.intensities, intensities);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(requestId) * 31 + testIndex + Arrays.hashCode(intensities);
        }
    }

    /** Save the model (DL4J zip with updater state) to a path on the worker's machine; requestId may be null. */
    public record Save(String path, Long requestId) implements Command {
    }

    /** Stop any run and end the process. */
    public record Shutdown() implements Command {
    }

    /**
     * While idle, train a small built-in network for a moment, so that a {@code train} sent later starts on
     * loaded libraries and compiled code; the worker answers {@link Ready}. A {@code train} cuts it short.
     */
    public record Warm(String device, int threads) implements Command {
    }

    /** One line, without the line break. */
    public static String toLine(Command command) {
        ObjectNode o = MAPPER.createObjectNode();
        if (command instanceof Train t) {
            o.put("type", "train");
            o.put("protocol", t.protocol());
            o.set("document", t.document());
            ObjectNode options = o.putObject("options");
            options.put("device", t.device());
            options.put("threads", t.threads());
            if (t.boundaryMillis() > 0) {
                options.put("boundaryMillis", t.boundaryMillis());
            }
            if (t.weights() != null) {
                options.put("weights", t.weights());
            }
        } else if (command instanceof Pause) {
            o.put("type", "pause");
        } else if (command instanceof Resume) {
            o.put("type", "resume");
        } else if (command instanceof Step) {
            o.put("type", "step");
        } else if (command instanceof Stop) {
            o.put("type", "stop");
        } else if (command instanceof Predict p) {
            o.put("type", "predict");
            o.put("requestId", p.requestId());
            o.set("inputs", ProtocolMatrices.write(p.inputs()));
            if (p.intensities()) {
                o.put("intensities", true);
            }
            if (!p.texts().isEmpty()) {
                ArrayNode texts = o.putArray("texts");
                p.texts().forEach(texts::add);
            }
        } else if (command instanceof Save s) {
            o.put("type", "save");
            o.put("path", s.path());
            if (s.requestId() != null) {
                o.put("requestId", s.requestId());
            }
        } else if (command instanceof Inspect i) {
            InspectionJson.write(i, o);
        } else if (command instanceof Shutdown) {
            o.put("type", "shutdown");
        } else if (command instanceof Warm w) {
            o.put("type", "warm");
            ObjectNode options = o.putObject("options");
            options.put("device", w.device());
            options.put("threads", w.threads());
        }
        return write(o);
    }

    /** Reads one command line. */
    public static Command parseCommand(String line) throws ProtocolException {
        ObjectNode o = object(line);
        String type = type(o);
        return switch (type) {
            case "train" -> TrainCommands.parse(o);
            case "pause" -> new Pause();
            case "resume" -> new Resume();
            case "step" -> new Step();
            case "stop" -> new Stop();
            case "shutdown" -> new Shutdown();
            case "warm" -> new Warm(o.path("options").path("device").asText(
                    org.layercanvas.runtime.device.DeviceRequest.AUTO.toString()),
                    o.path("options").path("threads").asInt(0));
            case "predict" -> predict(o);
            case "inspect" -> InspectionJson.read(o, requestId(o, "inspect", true));
            case "save" -> {
                JsonNode path = o.get("path");
                if (path == null || !path.isTextual() || path.textValue().isBlank()) {
                    throw new ProtocolException("save: 'path' must be a file path");
                }
                yield new Save(path.textValue(), requestId(o, "save", false));
            }
            default -> throw new ProtocolException("unknown command '" + type + "'; expected one of "
                    + String.join(", ", COMMAND_TYPES));
        };
    }

    // ---- worker -> app -------------------------------------------------------------------------------------

    /** What the worker reports (and, for {@link Crashed}, what the client reports about the worker). */
    public sealed interface Message {
    }

    /** The worker's first line. */
    public record Hello(int protocol, long pid, String javaVersion) implements Message {
    }

    /** A training event: {@code started}, {@code iteration}, ..., {@code evaluation}. */
    public record Event(TrainingEvent event) implements Message {
    }

    /** The model's outputs for a {@link Predict}: one row per input row, one column per output unit. */
    public record Prediction(long requestId, double[][] outputs) implements Message {
        @Override
        public boolean equals(Object o) {
            return o instanceof Prediction p && p.requestId == requestId && Arrays.deepEquals(p.outputs, outputs);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(requestId) * 31 + Arrays.deepHashCode(outputs);
        }

        @Override
        public String toString() {
            return "Prediction[requestId=" + requestId + ", outputs=" + Arrays.deepToString(outputs) + "]";
        }
    }

    /**
     * The answer to {@link Inspect}: the input as a picture (0 to 1 per value), the model's outputs for it, and with
     * maps asked for the first Conv2D layer's {@code filters} (null: none) and the feature maps of each Conv2D layer
     * (empty: the network has none; null: not asked). {@code testIndex}, {@code testSize} and {@code label} (the true
     * class) are -1 for a drawn input.
     */
    public record Inspection(long requestId, int testIndex, int testSize, int label, Planes picture,
                             double[] outputs, Planes filters, List<Planes> maps) implements Message {
        public Inspection {
            maps = maps == null ? null : List.copyOf(maps);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Inspection i && i.requestId == requestId && i.testIndex == testIndex
                    && i.testSize == testSize && i.label == label && i.picture.equals(picture)
                    && Arrays.equals(i.outputs, outputs) && java.util.Objects.equals(i.filters, filters)
                    && java.util.Objects.equals(i.maps, maps);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(requestId) * 31 + picture.hashCode() + Arrays.hashCode(outputs);
        }
    }

    /** A {@link Save} succeeded: the absolute path written. */
    public record Saved(String path, Long requestId) implements Message {
    }

    /**
     * A command could not be carried out (malformed, unknown, or not possible now); the worker goes on. Carries
     * the request id of the {@link Predict} or {@link Save} it answers, if any.
     */
    public record Error(String message, Long requestId) implements Message {
    }

    /** The worker's last line before it exits on {@code shutdown} or end of input. */
    public record Bye() implements Message {
    }

    /** The answer to {@code warm}: the warm-up ran for this long (cut short by a {@code train}, or failed, if so). */
    public record Ready(double seconds, boolean cutShort, String problem) implements Message {
    }

    /**
     * Not a line on the wire: the client's report that the worker process ended without saying {@code bye}
     * (killed, out of memory, native crash).
     */
    public record Crashed(int exitCode, List<String> lastStderrLines, String message) implements Message {
        public Crashed {
            lastStderrLines = List.copyOf(lastStderrLines);
        }
    }

    /** A well-formed line of a type this version does not know (from a newer worker): to be ignored. */
    public record Unknown(String type, String line) implements Message {
    }

    public static String toLine(Message message) {
        return MessageJson.write(message);
    }

    /** Reads one line from the worker. Unknown types become {@link Unknown}. */
    public static Message parseMessage(String line) throws ProtocolException {
        return MessageJson.read(line);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static ObjectNode object(String line) throws ProtocolException {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException("a line must be one JSON object with a 'type' field");
        }
        return (ObjectNode) node;
    }

    static String type(ObjectNode o) throws ProtocolException {
        JsonNode type = o.get("type");
        if (type == null || !type.isTextual()) {
            throw new ProtocolException("the object has no 'type' field naming the message");
        }
        return type.textValue();
    }

    static Long requestId(ObjectNode o, String type, boolean required) throws ProtocolException {
        JsonNode id = o.get("requestId");
        if (id == null || id.isNull()) {
            if (required) {
                throw new ProtocolException(type + ": 'requestId' is missing");
            }
            return null;
        }
        if (!id.isIntegralNumber() || !id.canConvertToLong()) {
            throw new ProtocolException(type + ": 'requestId' must be a whole number");
        }
        return id.longValue();
    }

    private static Predict predict(ObjectNode o) throws ProtocolException {
        long id = requestId(o, "predict", true);
        JsonNode texts = o.get("texts");
        if (texts != null && !texts.isNull()) {
            if (!texts.isArray() || texts.isEmpty()) {
                throw new ProtocolException("predict: 'texts' must be a non-empty array of strings");
            }
            List<String> list = new ArrayList<>();
            for (JsonNode t : texts) {
                if (!t.isTextual()) {
                    throw new ProtocolException("predict: 'texts' must be a non-empty array of strings");
                }
                list.add(t.textValue());
            }
            return Predict.texts(id, list);
        }
        return new Predict(id, ProtocolMatrices.read(o.get("inputs"), "predict: 'inputs'"), o.path("intensities").asBoolean(false));
    }

    static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + o, e);
        }
    }
}
