package org.layercanvas.model.shape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Node;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.data.DatasetInfo;
import org.layercanvas.model.layers.LayerType;

/**
 * The checks of a document as a whole, once its shapes are known: exactly one Input and one Output, the Output
 * reached from the Input, and a dataset that exists, is split sensibly and fits the Input's shape and the Output's
 * units and loss.
 */
final class DocumentChecks {
    private final GraphStructure graph;
    private final Map<String, TensorShape> shapes;
    private final Problems problems;

    /**
     * @param shapes the output shape of every node whose shape could be inferred
     */
    DocumentChecks(GraphStructure graph, Map<String, TensorShape> shapes, Problems problems) {
        this.graph = graph;
        this.shapes = shapes;
        this.problems = problems;
    }

    void checkInputsAndOutputs() {
        List<Node> inputs = graph.all(LayerType.INPUT);
        List<Node> outputs = graph.all(LayerType.OUTPUT);
        if (inputs.isEmpty()) {
            problems.documentError("document", "graph.noInput");
        } else if (inputs.size() > 1) {
            for (Node n : inputs.subList(1, inputs.size())) {
                problems.error(n, null, "graph.manyInputs", Problems.typeName(n), n.id(), inputs.get(0).id());
            }
        }
        if (outputs.isEmpty()) {
            problems.documentError("document", "graph.noOutput");
        } else if (outputs.size() > 1) {
            for (Node n : outputs.subList(1, outputs.size())) {
                problems.error(n, null, "graph.manyOutputs", Problems.typeName(n), n.id(), outputs.get(0).id());
            }
        }
        if (!inputs.isEmpty() && outputs.size() == 1 && shapes.containsKey(inputs.get(0).id())
                && !graph.reaches(inputs.get(0).id(), outputs.get(0).id())) {
            Node out = outputs.get(0);
            problems.error(out, null, "graph.notReached", Problems.typeName(out), out.id(), inputs.get(0).id());
        }
    }

    void checkDataset(DatasetSpec ds) {
        if (ds == null) {
            problems.add(new Diagnostic(Severity.WARNING, null, null, "dataset", "dataset.none", List.of(), null));
            return;
        }
        double sum = ds.split().sum();
        if (ds.split().train() <= 0 || ds.split().validation() < 0 || ds.split().test() < 0
                || !Double.isFinite(sum) || Math.abs(sum - 1.0) > 1e-6) {
            problems.documentError("dataset.split", "dataset.badSplit", ShapeInference.num(ds.split().train()),
                    ShapeInference.num(ds.split().validation()), ShapeInference.num(ds.split().test()),
                    ShapeInference.num(sum));
        }
        TensorShape inputShape = graph.first(LayerType.INPUT).map(n -> shapes.get(n.id())).orElse(null);
        Optional<DatasetInfo> info = DatasetCatalog.info(ds, inputShape);
        if (info.isEmpty()) {
            problems.documentError("dataset.id", "dataset.unknown", ds.id(), String.join(", ", DatasetCatalog.ALL));
            return;
        }
        SettingsChecks.checkToyOptions(ds, problems.list());
        SettingsChecks.checkDataOptions(ds, problems.list());
        graph.first(LayerType.INPUT).ifPresent(in -> checkInputFits(in, ds, info.get()));
        graph.first(LayerType.OUTPUT).ifPresent(out -> checkOutputFits(out, info.get()));
    }

    private void checkInputFits(Node in, DatasetSpec ds, DatasetInfo d) {
        TensorShape s = shapes.get(in.id());
        if (s != null && !d.accepts(s)) {
            TensorShape want = d.inputShapes().get(0);
            String accepted = String.join(" / ", d.inputShapes().stream().map(TensorShape::label).toList());
            problems.errorWithFix(in, null, Fix.setParams(in.id(), inputParams(want)), "dataset.inputMismatch",
                    Problems.typeName(in), in.id(), s.label(), d.id(), accepted);
        }
        if (ds.id().equals(DatasetCatalog.IMAGES) && s != null && d.inputShapes().isEmpty()) {
            problems.errorWithFix(in, null, Fix.setParams(in.id(), inputParams(TensorShape.image(28, 28, 1))),
                    "dataset.imagesNeedImageInput", Problems.typeName(in), in.id(), s.label());
        }
    }

    private void checkOutputFits(Node out, DatasetInfo d) {
        if (graph.hasBadParams(out.id())) {
            return;
        }
        Map<String, Object> p = graph.params(out.id());
        int units = LayerShapes.i(p, "units");
        String loss = (String) p.get("loss");
        boolean regressionLoss = "mse".equals(loss) || "mae".equals(loss);
        if (d.regression()) {
            if (units != 1) {
                problems.errorWithFix(out, null, Fix.setParam(out.id(), "units", 1), "dataset.regressionUnits",
                        Problems.typeName(out), out.id(), Integer.toString(units), d.id());
            } else if (!regressionLoss) {
                problems.errorWithFix(out, null, Fix.setParam(out.id(), "loss", "mse"), "dataset.regressionLoss",
                        Problems.typeName(out), out.id(), loss, d.id());
            }
            return;
        }
        if (d.classes() <= 0) {
            return;
        }
        boolean ok = units == d.classes() || (units == 1 && d.classes() == 2 && !"softmax_ce".equals(loss))
                || (units == 1 && regressionLoss);
        if (!ok) {
            problems.errorWithFix(out, null, Fix.setParam(out.id(), "units", d.classes()), "dataset.classMismatch",
                    Problems.typeName(out), out.id(), Integer.toString(units), d.id(),
                    Integer.toString(d.classes()));
        }
    }

    /** The Input parameters that give {@code shape}. */
    private static Map<String, Object> inputParams(TensorShape shape) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (shape.kind()) {
            case VECTOR -> {
                m.put("kind", "vector");
                m.put("size", shape.dim(0));
            }
            case IMAGE -> {
                m.put("kind", "image");
                m.put("height", shape.dim(0));
                m.put("width", shape.dim(1));
                m.put("channels", shape.dim(2));
            }
            case TOKENS -> {
                m.put("kind", "tokens");
                m.put("length", shape.dim(0));
                m.put("vocabSize", shape.vocabSize());
            }
            case SEQUENCE -> {
                m.put("kind", "timeseries");
                m.put("length", shape.dim(0));
                m.put("features", shape.dim(1));
            }
        }
        return m;
    }
}
