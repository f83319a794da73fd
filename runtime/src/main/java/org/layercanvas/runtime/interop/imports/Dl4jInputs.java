package org.layercanvas.runtime.interop.imports;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.layercanvas.runtime.compile.BidirectionalLastStep;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.model.shape.TensorShape;

/**
 * The Input nodes of a DL4J network. A DL4J configuration does not record its input types, so each input's shape
 * is read off the first layer that tells: an embedding (tokens: length and vocabulary), a dense layer (vector), a
 * recurrent layer (time series: features; the length is open), a convolution (image: channels). An image's height
 * and width are the sizes that give, through the network's own shape rules, the size DL4J recorded where the image
 * is flattened; without a flatten they are open and a default is used, with a warning.
 */
final class Dl4jInputs {
    private static final int MAX_SIDE = 4096;
    private static final int DEFAULT_SIDE = (Integer) LayerCatalog.standard().spec(LayerType.INPUT).param("height")
            .orElseThrow().defaultValue();

    private final Dl4jGraph graph;
    private final List<Node> nodes;
    private final List<Edge> edges;
    private final Map<String, long[]> flattened;
    private final List<ImportProblem> warnings;
    private final Function<String, String> whereOf;

    Dl4jInputs(Dl4jGraph graph, List<Node> nodes, List<Edge> edges, Map<String, long[]> flattened,
               List<ImportProblem> warnings, Function<String, String> whereOf) {
        this.graph = graph;
        this.nodes = nodes;
        this.edges = edges;
        this.flattened = flattened;
        this.warnings = warnings;
        this.whereOf = whereOf;
    }

    List<Node> inputs() {
        List<Node> inputs = new ArrayList<>();
        for (String name : graph.inputs()) {
            Map<String, Object> p = describe(name);
            Node input = new Node(name, LayerType.INPUT, p, null);
            if ("image".equals(p.get("kind")) && !p.containsKey("height")) {
                input = solveImage(input);
            }
            inputs.add(input);
        }
        return inputs;
    }

    /** The first layer downstream of {@code name} that tells the input's kind, breadth first. */
    private Map<String, Object> describe(String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(name));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            for (Dl4jGraph.Vertex v : graph.consumers(queue.poll())) {
                if (seen.add(v.name()) && tells(v, p)) {
                    return p;
                }
                queue.add(v.name());
            }
        }
        p.put("kind", "vector");
        p.put("size", 1);
        warnings.add(new ImportProblem(whereOf.apply(name), ImportMessages.format("zip.inputUnknown")));
        return p;
    }

    private boolean tells(Dl4jGraph.Vertex v, Map<String, Object> p) {
        CnnToFeedForwardPreProcessor pre = v.preProcessor() instanceof CnnToFeedForwardPreProcessor c ? c
                : v.vertex() instanceof PreprocessorVertex pv && pv.getPreProcessor() instanceof
                CnnToFeedForwardPreProcessor c2 ? c2 : null;
        if (pre != null) {
            p.put("kind", "image");
            p.put("height", (int) pre.getInputHeight());
            p.put("width", (int) pre.getInputWidth());
            p.put("channels", (int) pre.getNumChannels());
            return true;
        }
        Layer layer = v.layer() instanceof LastTimeStep l ? l.getUnderlying()
                : v.layer() instanceof BidirectionalLastStep both ? both.getBidirectional() : v.layer();
        layer = layer instanceof Bidirectional b ? b.getFwd() : layer;
        layer = layer instanceof LastTimeStep l2 ? l2.getUnderlying() : layer;
        if (layer instanceof EmbeddingSequenceLayer e) {
            p.put("kind", "tokens");
            p.put("length", Math.max(1, e.getInputLength()));
            p.put("vocabSize", (int) e.getNIn());
        } else if (layer instanceof ConvolutionLayer || layer instanceof SubsamplingLayer) {
            p.put("kind", "image");
            p.put("channels", layer instanceof ConvolutionLayer c ? (int) c.getNIn() : 1);
        } else if (layer instanceof BaseRecurrentLayer r) {
            int length = (Integer) LayerCatalog.standard().spec(LayerType.INPUT).param("length").orElseThrow()
                    .defaultValue();
            p.put("kind", "timeseries");
            p.put("length", length);
            p.put("features", (int) r.getNIn());
            warnings.add(new ImportProblem(whereOf.apply(v.name()), ImportMessages.format("warning.openLength",
                    length)));
        } else if (layer instanceof FeedForwardLayer f && !(layer instanceof BatchNormalization) && f.getNIn() > 0) {
            p.put("kind", "vector");
            p.put("size", (int) f.getNIn());
        } else {
            return false;
        }
        return true;
    }

    /** Height and width that make the flattened size what DL4J recorded; otherwise a default with a warning. */
    private Node solveImage(Node input) {
        for (Map.Entry<String, long[]> f : flattened.entrySet()) {
            String before = edges.stream().filter(e -> e.to().nodeId().equals(f.getKey())).map(e -> e.from().nodeId())
                    .findFirst().orElse(null);
            Integer h = side(input, before, 0, (int) f.getValue()[0], null);
            Integer w = h == null ? null : side(input, before, 1, (int) f.getValue()[1], h);
            if (h != null && w != null) {
                return input.withParam("height", h).withParam("width", w);
            }
        }
        warnings.add(new ImportProblem(whereOf.apply(input.id()), ImportMessages.format("zip.imageSize",
                DEFAULT_SIDE)));
        return input.withParam("height", DEFAULT_SIDE).withParam("width", DEFAULT_SIDE);
    }

    private Integer side(Node input, String probe, int axis, int target, Integer height) {
        if (probe == null) {
            return null;
        }
        ShapeInference inference = new ShapeInference(LayerCatalog.standard());
        for (int s = 1; s <= MAX_SIDE; s++) {
            Node sized = input.withParam("height", height == null ? s : height).withParam("width", s);
            List<Node> all = new ArrayList<>(nodes);
            all.add(0, sized);
            Analysis a = inference.analyze(new NetworkDocument(new Metadata("probe", ""), all, edges, null, null));
            TensorShape shape = a.outputShape(probe).orElse(null);
            if (shape != null && shape.kind() == TensorShape.Kind.IMAGE && shape.dim(axis) == target) {
                return s;
            }
        }
        return null;
    }
}
