package org.layercanvas.app.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.layercanvas.app.Messages;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerCatalog;

/** What differs between the networks and settings of two runs, as lines for people. */
public final class RunDiff {
    private RunDiff() {
    }

    public static List<String> between(NetworkDocument a, NetworkDocument b, LayerCatalog catalog) {
        List<String> lines = new ArrayList<>();
        TrainingSettings ta = a.training();
        TrainingSettings tb = b.training();
        field(lines, "optimizer", ta.optimizer().jsonName(), tb.optimizer().jsonName());
        field(lines, "learningRate", ta.learningRate(), tb.learningRate());
        field(lines, "momentum", ta.momentum(), tb.momentum());
        field(lines, "schedule", schedule(ta), schedule(tb));
        field(lines, "batchSize", ta.batchSize(), tb.batchSize());
        field(lines, "epochs", ta.epochs(), tb.epochs());
        field(lines, "weightDecay", ta.weightDecay(), tb.weightDecay());
        field(lines, "seed", ta.seed(), tb.seed());
        field(lines, "earlyStoppingPatience", ta.earlyStoppingPatience(), tb.earlyStoppingPatience());
        field(lines, "gradientClip", ta.gradientClip(), tb.gradientClip());
        if (!Objects.equals(a.dataset(), b.dataset())) {
            lines.add(Messages.get("runs.diff.dataset", describe(a), describe(b)));
        }
        for (Node n : a.nodes()) {
            Node other = b.node(n.id()).orElse(null);
            if (other == null) {
                lines.add(Messages.get("runs.diff.removed", n.type().jsonName(), n.id()));
            } else if (other.type() != n.type()) {
                lines.add(Messages.get("runs.diff.retyped", n.id(), n.type().jsonName(), other.type().jsonName()));
            } else {
                Map<String, Object> pa = catalog.resolve(n);
                Map<String, Object> pb = catalog.resolve(other);
                for (Map.Entry<String, Object> e : pa.entrySet()) {
                    Object vb = pb.get(e.getKey());
                    if (!Objects.equals(e.getValue(), vb)) {
                        lines.add(Messages.get("runs.diff.param", n.id(), e.getKey(), String.valueOf(e.getValue()),
                                String.valueOf(vb)));
                    }
                }
            }
        }
        for (Node n : b.nodes()) {
            if (a.node(n.id()).isEmpty()) {
                lines.add(Messages.get("runs.diff.added", n.type().jsonName(), n.id()));
            }
        }
        for (Edge e : a.edges()) {
            if (!b.edges().contains(e) && a.node(e.to().nodeId()).isPresent() && b.node(e.to().nodeId()).isPresent()
                    && b.node(e.from().nodeId()).isPresent()) {
                lines.add(Messages.get("runs.diff.unwired", e.from().nodeId(), e.to().nodeId()));
            }
        }
        for (Edge e : b.edges()) {
            if (!a.edges().contains(e) && a.node(e.to().nodeId()).isPresent()
                    && a.node(e.from().nodeId()).isPresent()) {
                lines.add(Messages.get("runs.diff.wired", e.from().nodeId(), e.to().nodeId()));
            }
        }
        return lines;
    }

    private static void field(List<String> lines, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            lines.add(Messages.get("runs.diff.setting", Messages.get("field.training." + name), String.valueOf(a),
                    String.valueOf(b)));
        }
    }

    private static String schedule(TrainingSettings t) {
        return switch (t.schedule().type()) {
            case FIXED, COSINE -> t.schedule().type().jsonName();
            case EXPONENTIAL -> t.schedule().type().jsonName() + " \u00d7" + t.schedule().gamma();
            case STEP -> t.schedule().type().jsonName() + " \u00d7" + t.schedule().gamma() + " / "
                    + t.schedule().stepEpochs();
        };
    }

    private static String describe(NetworkDocument d) {
        return d.dataset() == null ? "\u2014" : d.dataset().id() + " " + d.dataset().options() + " "
                + d.dataset().split().train() + "/" + d.dataset().split().validation() + "/"
                + d.dataset().split().test();
    }
}
