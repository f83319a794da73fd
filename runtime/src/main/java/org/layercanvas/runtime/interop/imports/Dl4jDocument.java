package org.layercanvas.runtime.interop.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerType;

/**
 * Builds the document of a {@link Dl4jGraph}: a node per layer or vertex (a global pooling followed by the reshape
 * the compiler adds is one GlobalAvgPool; a CNN-to-dense preprocessor is a Flatten), Input nodes whose shapes come
 * from the layers that read them ({@link Dl4jInputs}), and the weights file with its per-node counts.
 */
final class Dl4jDocument {
    private final Dl4jGraph graph;
    private final String where;
    private final List<ImportProblem> errors = new ArrayList<>();
    private final List<ImportProblem> warnings = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    /** Flatten node id -> the image size DL4J recorded at that point: {height, width, channels}. */
    private final Map<String, long[]> flattened = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    /** A layer computes differently in the compiled network: the zip's weights are not kept. */
    private boolean weightsDiffer;

    Dl4jDocument(Dl4jGraph graph, String where) {
        this.graph = graph;
        this.where = where;
    }

    ImportResult build(String title, Path weightsFile) throws ImportException {
        Map<String, String> pooledBy = pooledByReshape();
        for (Dl4jGraph.Vertex v : graph.vertices()) {
            if (!pooledBy.containsKey(v.name())) {
                vertex(v, pooledBy);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportException(false, errors);
        }
        List<Node> all = new ArrayList<>(new Dl4jInputs(graph, nodes, edges, flattened, warnings, this::at).inputs());
        all.addAll(nodes);
        NetworkDocument doc = Assembly.document(title, ImportMessages.format("zip.description", where), all, edges,
                this::at, errors);
        if (!errors.isEmpty()) {
            throw new ImportException(false, errors);
        }
        ImportedWeights weights = weightsFile == null || weightsDiffer ? null
                : new ImportedWeights(ImportedWeights.Format.DL4J_ZIP, weightsFile, counts);
        return new ImportResult(doc, warnings, weights);
    }

    private void vertex(Dl4jGraph.Vertex v, Map<String, String> pooledBy) {
        List<String> inputs = new ArrayList<>(v.inputs());
        KerasLayers.Mapped m = null;
        if (v.layer() instanceof LastTimeStep last && last.getUnderlying() instanceof Bidirectional) {
            // DL4J's own last step of a bidirectional layer reads the backward direction after one element; the
            // compiler's (as Keras) after the whole reversed sequence: the same weights would answer differently
            warnings.add(new ImportProblem(at(v.name()), ImportMessages.format("zip.bidirectionalLastStep")));
            weightsDiffer = true;
        }
        if (v.layer() != null) {
            List<String> reasons = new ArrayList<>();
            m = Dl4jLayers.map(v.layer(), reasons);
            reasons.forEach(r -> errors.add(new ImportProblem(at(v.name()), r)));
        }
        if (v.preProcessor() instanceof CnnToFeedForwardPreProcessor pre) {
            String flatten = v.name() + "-flatten";
            addNode(flatten, LayerType.FLATTEN, Map.of(), inputs);
            flattened.put(flatten, new long[] {pre.getInputHeight(), pre.getInputWidth(), pre.getNumChannels()});
            inputs = List.of(flatten);
        } else if (v.preProcessor() != null) {
            errors.add(new ImportProblem(at(v.name()), ImportMessages.format("zip.preprocessor",
                    v.preProcessor().getClass().getSimpleName())));
            return;
        }
        if (v.layer() == null) {
            otherVertex(v, inputs, pooledBy);
        } else if (m != null) {
            addNode(v.name(), m.type(), m.params(), inputs);
            counts.put(v.name(), v.layer().initializer().numParams(v.layerConf()));
        }
    }

    private void otherVertex(Dl4jGraph.Vertex v, List<String> inputs, Map<String, String> pooledBy) {
        if (v.vertex() instanceof ReshapeVertex && inputs.size() == 1 && v.name().equals(pooledBy.get(inputs.get(0)))) {
            Dl4jGraph.Vertex pool = graph.vertices().stream().filter(x -> x.name().equals(inputs.get(0)))
                    .findFirst().orElseThrow();
            addNode(v.name(), LayerType.GLOBAL_AVG_POOL, Map.of(), pool.inputs());
            return;
        }
        if (v.vertex() instanceof ElementWiseVertex e && e.getOp() == ElementWiseVertex.Op.Add) {
            addNode(v.name(), inputs.size() == 1 ? LayerType.FLATTEN : LayerType.ADD, Map.of(), inputs);
        } else if (v.vertex() instanceof MergeVertex) {
            addNode(v.name(), LayerType.CONCATENATE, Map.of(), inputs);
        } else if (v.vertex() instanceof PreprocessorVertex p && p.getPreProcessor() instanceof
                CnnToFeedForwardPreProcessor pre) {
            addNode(v.name(), LayerType.FLATTEN, Map.of(), inputs);
            flattened.put(v.name(), new long[] {pre.getInputHeight(), pre.getInputWidth(), pre.getNumChannels()});
        } else if (v.vertex() instanceof ReshapeVertex) {
            addNode(v.name(), LayerType.FLATTEN, Map.of(), inputs);
        } else {
            errors.add(new ImportProblem(at(v.name()), ImportMessages.format("zip.vertex",
                    v.vertex() == null ? "?" : v.vertex().getClass().getSimpleName())));
        }
    }

    /** Global pooling vertices read only by a reshape (how the compiler pools a sequence): pool -> reshape. */
    private Map<String, String> pooledByReshape() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Dl4jGraph.Vertex v : graph.vertices()) {
            List<Dl4jGraph.Vertex> readers = graph.consumers(v.name());
            if (v.layer() instanceof GlobalPoolingLayer && readers.size() == 1
                    && readers.get(0).vertex() instanceof ReshapeVertex && !graph.outputs().contains(v.name())) {
                m.put(v.name(), readers.get(0).name());
            }
        }
        return m;
    }

    private void addNode(String id, LayerType type, Map<String, Object> params, List<String> inputs) {
        nodes.add(new Node(id, type, params, null));
        inputs.forEach(from -> edges.add(Edge.of(from, id)));
    }

    private String at(String id) {
        return ImportMessages.format("where.layer", where, id);
    }
}
