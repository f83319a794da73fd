package org.layercanvas.runtime.interop.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.interop.exports.ExportGraph.Layer;

/**
 * A Python program that builds the document's network with the Keras functional API (the same layers and
 * configuration as {@link KerasJsonExporter}), compiles it with the document's optimizer, learning rate, schedule,
 * loss, batch size and epochs, loads the data and trains. Every layer is one line
 * {@code name = layers.Class(arguments, name="id")(inputs)}, in the document's topological order.
 */
public final class KerasProgramExporter {
    /** Keras defaults, JSON-only entries and input_length (Keras 3 refuses it; the Input has the length): left out. */
    private static final Set<String> SKIPPED = Set.of("name", "trainable", "dtype", "batch_input_shape", "sparse",
            "ragged", "bias_initializer", "kernel_initializer", "recurrent_initializer", "beta_initializer",
            "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer", "embeddings_initializer",
            "input_length");

    /** The program's function for hard_sigmoid gates (template {@code keras-hard-sigmoid.py}). */
    private static final String HARD_SIGMOID = "keras2_hard_sigmoid";

    public String export(NetworkDocument doc) throws ExportException {
        ExportGraph graph = ExportGraph.of(doc);
        TrainingSettings t = doc.training();
        KerasLayers keras = new KerasLayers(graph);
        StringBuilder b = new StringBuilder();
        b.append(ProgramTemplates.header(doc, "Keras",
                "KERAS_BACKEND=jax|torch|tensorflow python3 PROGRAM.py [--data FILE.csv] [--summary]"));
        b.append("import argparse\nimport math\nimport sys\n\nimport keras\nimport numpy as np\n")
                .append("from keras import layers, regularizers\n\n");
        b.append(ProgramTemplates.settings(t));
        if (graph.layers().stream().anyMatch(KerasProgramExporter::hasPositions)) {
            b.append("\n\n").append(Template.load("keras-positions.py"));
        }
        if (graph.layers().stream().anyMatch(Layer::hardSigmoidGates)) {
            b.append("\n\n").append(Template.load("keras-hard-sigmoid.py"));
        }
        b.append("\n\ndef build_model():\n");
        for (Layer l : graph.layers()) {
            b.append("    ").append(line(graph, l, keras.spec(l))).append('\n');
        }
        b.append("    return keras.Model(inputs=").append(graph.input().name()).append(", outputs=")
                .append(graph.output().name()).append(", name=").append(PythonCode.string(KerasJsonExporter.modelName(doc)))
                .append(")\n\n\n");
        b.append(optimizer(t));
        b.append(ProgramTemplates.kerasData(graph));
        b.append(ProgramTemplates.kerasMain(PythonCode.string(KerasLayers.loss(graph.output().s("loss"))),
                PythonCode.scheduleExpression(t)));
        return b.toString();
    }

    private static String line(ExportGraph graph, Layer l, KerasLayers.Spec spec) {
        if (l.type() == LayerType.INPUT) {
            TensorShape s = l.out();
            return l.name() + " = keras.Input(shape=" + ProgramTemplates.tuple(s.dims()) + ", dtype="
                    + PythonCode.string(s.kind() == TensorShape.Kind.TOKENS ? "int32" : "float32") + ", name="
                    + PythonCode.string(l.id()) + ")";
        }
        String call = construct(spec.className(), spec.config(), true);
        String args;
        if (l.type() == LayerType.SELF_ATTENTION) {
            String x = graph.inputName(l, 0);
            args = x + ", " + x;
        } else if (l.type() == LayerType.ADD || l.type() == LayerType.CONCATENATE) {
            StringBuilder list = new StringBuilder("[");
            for (int k = 0; k < l.inputs().size(); k++) {
                list.append(k == 0 ? "" : ", ").append(graph.inputName(l, k));
            }
            args = list.append(']').toString();
        } else {
            args = graph.inputName(l, 0);
        }
        if (hasPositions(l)) { // the token vectors get their own name; the node's name adds the positions
            String tokens = call.replace("name=" + PythonCode.string(l.id()),
                    "name=" + PythonCode.string(l.id() + "_tokens"));
            call = "PositionEmbedding(name=" + PythonCode.string(l.id()) + ")(" + tokens;
            return l.name() + " = " + call + "(" + args + "))";
        }
        return l.name() + " = " + call + "(" + args + ")";
    }

    private static boolean hasPositions(Layer l) {
        return l.type() == LayerType.EMBEDDING && l.b("positions");
    }

    /** {@code layers.Class(key=value, ..., name="id")}; nested layers (Bidirectional) the same way. */
    private static String construct(String className, JsonNode config, boolean named) {
        StringBuilder b = new StringBuilder("layers.").append(className).append('(');
        String sep = "";
        Iterator<Map.Entry<String, JsonNode>> it = config.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (SKIPPED.contains(key) || v.isNull()) {
                continue;
            }
            String value;
            if ("layer".equals(key)) {
                value = construct(v.get("class_name").asText(), v.get("config"), false);
            } else if ("recurrent_activation".equals(key) && "hard_sigmoid".equals(v.asText())) {
                value = HARD_SIGMOID; // Keras 3's own "hard_sigmoid" has slope 1/6, not 0.2
            } else if (key.endsWith("_regularizer")) {
                value = "regularizers.L2(" + PythonCode.number(v.get("config").get("l2").doubleValue()) + ")";
            } else {
                value = PythonCode.literal(v);
            }
            b.append(sep).append(key).append('=').append(value);
            sep = ", ";
        }
        if (named) {
            b.append(sep).append("name=").append(PythonCode.string(((ObjectNode) config).get("name").asText()));
        }
        return b.append(')').toString();
    }

    private static String optimizer(TrainingSettings t) {
        String clip = t.gradientClip() > 0 ? ", clipnorm=" + PythonCode.number(t.gradientClip()) : "";
        String make = switch (t.optimizer()) {
            case SGD -> "keras.optimizers.SGD(learning_rate=LEARNING_RATE" + clip + ")";
            case NESTEROV -> "keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=MOMENTUM, nesterov=True"
                    + clip + ")";
            case ADAM -> "keras.optimizers.Adam(learning_rate=LEARNING_RATE" + clip + ")";
            case ADAMW -> "keras.optimizers.AdamW(learning_rate=LEARNING_RATE, weight_decay=WEIGHT_DECAY" + clip
                    + ")";
            case RMSPROP -> "keras.optimizers.RMSprop(learning_rate=LEARNING_RATE" + clip + ")";
        };
        return "def make_optimizer():\n    return " + make + "\n\n\n";
    }
}
