package org.layercanvas.runtime.interop.exports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.Diagnostic;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.model.shape.TensorShape;

/**
 * A valid document as the code exporters need it: its layers in topological order (the order the compiler uses),
 * each with resolved parameters, the ids it reads from and the shapes in and out, plus identifiers that are safe in
 * Python and Java for every node id.
 */
final class ExportGraph {
    /** Words that cannot name a variable in Python or Java, or would shadow something the programs use. */
    private static final Set<String> RESERVED = Set.of("and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "None", "True", "False", "abstract", "boolean", "byte", "case", "catch", "char",
            "const", "default", "do", "double", "enum", "extends", "final", "float", "goto", "implements",
            "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected",
            "public", "short", "static", "super", "switch", "synchronized", "this", "throw", "throws",
            "transient", "void", "volatile", "var", "record", "input", "x", "model", "self", "torch",
            "nn", "keras", "layers", "np", "graph", "conf", "end", "outputs", "inputs", "F", "os", "sys");

    /** One layer of the document. */
    record Layer(Node node, Map<String, Object> params, List<String> inputs, List<TensorShape> inShapes,
                 TensorShape out, long paramCount, String name) {
        String id() {
            return node.id();
        }

        LayerType type() {
            return node.type();
        }

        TensorShape in() {
            return inShapes.isEmpty() ? out : inShapes.get(0);
        }

        int i(String param) {
            return ((Number) params.get(param)).intValue();
        }

        double d(String param) {
            return ((Number) params.get(param)).doubleValue();
        }

        boolean b(String param) {
            return Boolean.TRUE.equals(params.get(param));
        }

        String s(String param) {
            return String.valueOf(params.get(param));
        }

        /**
         * An LSTM with hard_sigmoid gates: Keras 2's and DL4J's, max(0, min(1, 0.2x + 0.5)). Keras 3 and PyTorch read
         * the name as relu6(x + 3) / 6, so their programs bring their own function.
         */
        boolean hardSigmoidGates() {
            return type() == org.layercanvas.model.layers.LayerType.LSTM && "hard_sigmoid".equals(s("gateActivation"));
        }

        /**
         * A bidirectional LSTM answering one vector: the forward direction after the whole sequence next to the
         * backward direction after the whole reversed sequence (the compiler's {@code BidirectionalLastStep}).
         */
        boolean bidirectionalLastStep() {
            return b("bidirectional") && !b("returnSequences");
        }
    }

    private final NetworkDocument document;
    private final Analysis analysis;
    private final List<Layer> layers;
    private final Map<String, Layer> byId = new HashMap<>();

    private ExportGraph(NetworkDocument document, Analysis analysis, List<Layer> layers) {
        this.document = document;
        this.analysis = analysis;
        this.layers = List.copyOf(layers);
        layers.forEach(l -> byId.put(l.id(), l));
    }

    /** The document's layers; refuses a document with errors, naming the first one. */
    static ExportGraph of(NetworkDocument doc) throws ExportException {
        LayerCatalog catalog = LayerCatalog.standard();
        Analysis analysis = new ShapeInference(catalog).analyze(doc);
        if (analysis.hasErrors()) {
            Diagnostic first = analysis.errors().get(0);
            throw new ExportException(first.location(), ExportMessages.format("network.invalid",
                    first.message(), analysis.errors().size()));
        }
        Set<String> used = new HashSet<>();
        List<Layer> layers = new ArrayList<>();
        for (String id : analysis.order()) {
            Node node = doc.node(id).orElseThrow();
            List<String> from = doc.edgesInto(id).stream().map(e -> e.from().nodeId()).toList();
            List<TensorShape> shapes = from.stream().map(f -> analysis.outputShape(f).orElseThrow()).toList();
            layers.add(new Layer(node, catalog.resolve(node), from, shapes, analysis.outputShape(id).orElseThrow(),
                    analysis.paramCount(id), identifier(id, used)));
        }
        return new ExportGraph(doc, analysis, layers);
    }

    /** A Python and Java identifier for {@code id}, unique among {@code used} (which it joins). */
    static String identifier(String id, Set<String> used) {
        StringBuilder b = new StringBuilder();
        for (char c : id.toCharArray()) {
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        String base = b.length() == 0 || Character.isDigit(b.charAt(0)) ? "l_" + b : b.toString();
        if (RESERVED.contains(base) || RESERVED.contains(base.toLowerCase(Locale.ROOT))) {
            base = base + "_";
        }
        String name = base;
        for (int k = 2; !used.add(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    NetworkDocument document() {
        return document;
    }

    Analysis analysis() {
        return analysis;
    }

    List<Layer> layers() {
        return layers;
    }

    Layer layer(String id) {
        return byId.get(id);
    }

    Layer input() {
        return layers.stream().filter(l -> l.type() == LayerType.INPUT).findFirst().orElseThrow();
    }

    Layer output() {
        return layers.stream().filter(l -> l.type() == LayerType.OUTPUT).findFirst().orElseThrow();
    }

    /** The variable name of the {@code k}-th layer {@code l} reads from. */
    String inputName(Layer l, int k) {
        return byId.get(l.inputs().get(k)).name();
    }

    long totalParams() {
        return analysis.totalParams();
    }
}
