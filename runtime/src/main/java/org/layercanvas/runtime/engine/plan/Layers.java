package org.layercanvas.runtime.engine.plan;

import java.util.List;
import java.util.Map;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.TensorShape;

/** Which document nodes the plan covers, and the plan layer for each. Mirrors what {@code GraphCompiler} builds. */
final class Layers {
    private Layers() {
    }

    /** Why the plan cannot run this node, or null when it can. */
    static PlanGap unsupported(Node node, Map<String, Object> p, Analysis analysis, NetworkDocument doc) {
        String id = node.id();
        return switch (node.type()) {
            case INPUT, FLATTEN, DROPOUT, ADD, CONCATENATE -> null;
            case DENSE -> inputShape(analysis, doc, id).kind() == TensorShape.Kind.SEQUENCE
                    ? PlanGap.of("option", id, "sequences", node.type().jsonName())
                    : activation(id, (String) p.get("activation"));
            case ACTIVATION -> activation(id, (String) p.get("function"));
            case OUTPUT -> OutputLayer.supported((String) p.get("loss")) ? null
                    : PlanGap.of("loss", id, (String) p.get("loss"));
            case CONV2D -> !Dnnl.available() ? PlanGap.of("noDnnl", id, node.type().jsonName())
                    : DnnlActivation.of((String) p.get("activation"), 0.01) == null
                    ? PlanGap.of("imageActivation", id, (String) p.get("activation")) : null;
            case MAX_POOL2D, AVG_POOL2D -> Dnnl.available() ? null : PlanGap.of("noDnnl", id, node.type().jsonName());
            case GLOBAL_AVG_POOL -> inputShape(analysis, doc, id).kind() == TensorShape.Kind.SEQUENCE
                    || Dnnl.available() ? null : PlanGap.of("noDnnl", id, node.type().jsonName());
            case EMBEDDING -> Boolean.TRUE.equals(p.get("positions"))
                    ? PlanGap.of("option", id, "positions", node.type().jsonName()) : null;
            case BATCH_NORM -> inputShape(analysis, doc, id).kind() == TensorShape.Kind.SEQUENCE
                    ? PlanGap.of("option", id, "sequences", node.type().jsonName())
                    : Dnnl.available() ? null : PlanGap.of("noDnnl", id, node.type().jsonName());
            case LSTM -> Boolean.TRUE.equals(p.get("bidirectional"))
                    ? PlanGap.of("option", id, "bidirectional", node.type().jsonName())
                    : "hard_sigmoid".equals(p.get("gateActivation"))
                    ? PlanGap.of("option", id, "hard_sigmoid gates", node.type().jsonName()) : null;
            default -> PlanGap.of("layer", id, node.type().jsonName());
        };
    }

    private static TensorShape inputShape(Analysis analysis, NetworkDocument doc, String id) {
        return analysis.outputShape(doc.edgesInto(id).get(0).from().nodeId()).orElseThrow();
    }

    private static PlanGap activation(String id, String name) {
        return Activations.supported(name) ? null : PlanGap.of("activation", id, name);
    }

    static PlanLayer create(Node node, Map<String, Object> p, Analysis analysis, NetworkDocument doc) {
        String id = node.id();
        List<String> from = doc.edgesInto(id).stream().map(e -> e.from().nodeId()).toList();
        return switch (node.type()) {
            case INPUT -> new InputLayer(id, analysis.outputShape(id).orElseThrow());
            case DENSE -> new DenseLayer(id, from.get(0), i(p, "units"), (String) p.get("activation"), 0.01,
                    Boolean.TRUE.equals(p.get("useBias")));
            case OUTPUT -> new OutputLayer(id, from.get(0), i(p, "units"), (String) p.get("loss"));
            case ACTIVATION -> new ActivationLayer(id, from.get(0), (String) p.get("function"), d(p, "alpha"));
            case DROPOUT -> new DropoutLayer(id, from.get(0), d(p, "rate"));
            case FLATTEN -> new ReshapeLayer(id, from.get(0));
            case CONV2D -> new ConvLayer(id, from.get(0), inputShape(analysis, doc, id), shapeOf(analysis, id),
                    i(p, "kernel"), i(p, "stride"), i(p, "dilation"), "same".equals(p.get("padding")),
                    DnnlActivation.of((String) p.get("activation"), 0.01));
            case MAX_POOL2D, AVG_POOL2D -> new PoolLayer(id, from.get(0), node.type() == LayerType.MAX_POOL2D,
                    i(p, "size"), i(p, "stride"), "same".equals(p.get("padding")), shapeOf(analysis, id));
            case GLOBAL_AVG_POOL -> inputShape(analysis, doc, id).kind() == TensorShape.Kind.SEQUENCE
                    ? new SequencePoolLayer(id, from.get(0)) : PoolLayer.globalAverage(id, from.get(0));
            case EMBEDDING -> new EmbeddingLayer(id, from.get(0), i(p, "dim"));
            case BATCH_NORM -> new BatchNormLayer(id, from.get(0), d(p, "momentum"), d(p, "epsilon"));
            case LSTM -> new LstmLayer(id, from.get(0), i(p, "units"), Boolean.TRUE.equals(p.get("returnSequences")));
            case ADD -> new MergeLayer(id, from, false);
            case CONCATENATE -> new MergeLayer(id, from, true);
            default -> throw new IllegalArgumentException("no plan layer for " + node.type());
        };
    }

    static TensorShape shapeOf(Analysis analysis, String id) {
        return analysis.outputShape(id).orElseThrow();
    }

    static int i(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).intValue();
    }

    static double d(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).doubleValue();
    }
}
