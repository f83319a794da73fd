package org.layercanvas.runtime.interop.exports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.interop.exports.ExportGraph.Layer;

/**
 * The Keras 2 layer (class name and {@code get_config()} form) for each catalog layer; shared by the
 * architecture JSON and the Keras program so that both describe the same network. Images are channels-last as in
 * Keras; the weights are not part of either export.
 */
final class KerasLayers {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One Keras layer: its class and configuration (the {@code name} inside). */
    record Spec(String className, ObjectNode config) {
    }

    private final ExportGraph graph;

    KerasLayers(ExportGraph graph) {
        this.graph = graph;
    }

    /** The Keras layer of {@code l}; every catalog layer has one. */
    Spec spec(Layer l) {
        ObjectNode c = base(l);
        TensorShape in = l.in();
        return switch (l.type()) {
            case INPUT -> input(l, c);
            case DENSE -> dense(c, l.i("units"), activation(l.s("activation")), l.b("useBias"));
            case OUTPUT -> dense(c, l.i("units"), outputActivation(l.s("loss")), true);
            case ACTIVATION -> activationLayer(l, c);
            case DROPOUT -> new Spec("Dropout", c.put("rate", l.d("rate")));
            case BATCH_NORM -> batchNorm(l, c);
            case LAYER_NORM -> new Spec("LayerNormalization", c.put("axis", -1).put("epsilon", l.d("epsilon"))
                    .put("center", true).put("scale", true));
            case CONV2D -> conv(l, c);
            case MAX_POOL2D, AVG_POOL2D -> pool(l, c);
            case GLOBAL_AVG_POOL -> new Spec(in.kind() == TensorShape.Kind.IMAGE ? "GlobalAveragePooling2D"
                    : "GlobalAveragePooling1D", c.put("data_format", "channels_last"));
            case FLATTEN -> new Spec("Flatten", c.put("data_format", "channels_last"));
            case EMBEDDING -> embedding(l, c);
            case LSTM -> lstm(l, c);
            case SIMPLE_RNN -> simpleRnn(l, c);
            case SELF_ATTENTION -> new Spec("MultiHeadAttention", c.put("num_heads", l.i("heads"))
                    .put("key_dim", l.i("headSize")).put("value_dim", l.i("headSize")).put("dropout", 0.0)
                    .put("use_bias", false).putNull("output_shape"));
            case ADD -> new Spec("Add", c);
            case CONCATENATE -> new Spec("Concatenate", c.put("axis", -1));
        };
    }

    private static ObjectNode base(Layer l) {
        ObjectNode c = JSON.objectNode();
        c.put("name", l.id());
        c.put("trainable", true);
        c.put("dtype", "float32");
        return c;
    }

    private static Spec input(Layer l, ObjectNode c) {
        ArrayNode shape = c.putArray("batch_input_shape");
        shape.addNull();
        l.out().dims().forEach(shape::add);
        c.put("dtype", l.out().kind() == TensorShape.Kind.TOKENS ? "int32" : "float32");
        c.put("sparse", false);
        c.put("ragged", false);
        c.remove("trainable");
        return new Spec("InputLayer", c);
    }

    private Spec dense(ObjectNode c, int units, String activation, boolean bias) {
        c.put("units", units).put("activation", activation).put("use_bias", bias);
        kernel(c, "kernel_initializer");
        c.set("bias_initializer", initializer("Zeros"));
        c.set("kernel_regularizer", regularizer());
        c.putNull("bias_regularizer").putNull("activity_regularizer").putNull("kernel_constraint")
                .putNull("bias_constraint");
        return new Spec("Dense", c);
    }

    private static Spec activationLayer(Layer l, ObjectNode c) {
        String f = l.s("function");
        if ("leakyrelu".equals(f)) {
            return new Spec("LeakyReLU", c.put("alpha", l.d("alpha")));
        }
        return new Spec("Activation", c.put("activation", activation(f)));
    }

    private static Spec batchNorm(Layer l, ObjectNode c) {
        c.put("axis", -1).put("momentum", l.d("momentum")).put("epsilon", l.d("epsilon")).put("center", true)
                .put("scale", true);
        c.set("beta_initializer", initializer("Zeros"));
        c.set("gamma_initializer", initializer("Ones"));
        c.set("moving_mean_initializer", initializer("Zeros"));
        c.set("moving_variance_initializer", initializer("Ones"));
        c.putNull("beta_regularizer").putNull("gamma_regularizer").putNull("beta_constraint")
                .putNull("gamma_constraint");
        return new Spec("BatchNormalization", c);
    }

    private Spec conv(Layer l, ObjectNode c) {
        c.put("filters", l.i("filters"));
        pair(c, "kernel_size", l.i("kernel"));
        pair(c, "strides", l.i("stride"));
        c.put("padding", l.s("padding")).put("data_format", "channels_last");
        pair(c, "dilation_rate", l.i("dilation"));
        c.put("groups", 1).put("activation", activation(l.s("activation"))).put("use_bias", true);
        kernel(c, "kernel_initializer");
        c.set("bias_initializer", initializer("Zeros"));
        c.set("kernel_regularizer", regularizer());
        c.putNull("bias_regularizer").putNull("activity_regularizer").putNull("kernel_constraint")
                .putNull("bias_constraint");
        return new Spec("Conv2D", c);
    }

    private static Spec pool(Layer l, ObjectNode c) {
        pair(c, "pool_size", l.i("size"));
        pair(c, "strides", l.i("stride"));
        c.put("padding", l.s("padding")).put("data_format", "channels_last");
        return new Spec(l.type() == org.layercanvas.model.layers.LayerType.MAX_POOL2D ? "MaxPooling2D"
                : "AveragePooling2D", c);
    }

    private static Spec embedding(Layer l, ObjectNode c) {
        c.put("input_dim", l.in().vocabSize()).put("output_dim", l.i("dim"));
        c.set("embeddings_initializer", initializer("RandomUniform"));
        c.putNull("embeddings_regularizer").putNull("activity_regularizer").putNull("embeddings_constraint");
        c.put("mask_zero", false).put("input_length", l.in().dim(0));
        return new Spec("Embedding", c);
    }

    private Spec lstm(Layer l, ObjectNode c) {
        recurrentCommon(l, c, "tanh");
        c.put("recurrent_activation", l.s("gateActivation")).put("unit_forget_bias", true).put("implementation", 2);
        Spec inner = new Spec("LSTM", c);
        if (!l.b("bidirectional")) {
            return inner;
        }
        ObjectNode wrapper = base(l);
        c.put("name", "forward_" + l.id());
        ObjectNode layer = wrapper.putObject("layer");
        layer.put("class_name", "LSTM");
        layer.set("config", c);
        wrapper.put("merge_mode", "concat");
        return new Spec("Bidirectional", wrapper);
    }

    private Spec simpleRnn(Layer l, ObjectNode c) {
        recurrentCommon(l, c, activation(l.s("activation")));
        return new Spec("SimpleRNN", c);
    }

    private void recurrentCommon(Layer l, ObjectNode c, String activation) {
        c.put("return_sequences", l.b("returnSequences")).put("return_state", false).put("go_backwards", false)
                .put("stateful", false).put("unroll", false).put("units", l.i("units"))
                .put("activation", activation).put("use_bias", true);
        kernel(c, "kernel_initializer");
        c.set("recurrent_initializer", initializer("Orthogonal"));
        c.set("bias_initializer", initializer("Zeros"));
        c.set("kernel_regularizer", regularizer());
        c.putNull("recurrent_regularizer").putNull("bias_regularizer").putNull("activity_regularizer")
                .putNull("kernel_constraint").putNull("recurrent_constraint").putNull("bias_constraint");
        c.put("dropout", 0.0).put("recurrent_dropout", 0.0);
    }

    private static void pair(ObjectNode c, String key, int v) {
        c.putArray(key).add(v).add(v);
    }

    private static void kernel(ObjectNode c, String key) {
        c.set(key, initializer("GlorotUniform"));
    }

    private static ObjectNode initializer(String className) {
        ObjectNode o = JSON.objectNode();
        o.put("class_name", className);
        o.putObject("config").putNull("seed");
        return o;
    }

    /**
     * DL4J's L2 adds {@code l2/2 * sum(w^2)} to the loss; Keras's {@code L2(c)} adds {@code c * sum(w^2)}: the same
     * penalty is {@code c = weightDecay / 2}. AdamW's decoupled decay lives in the optimizer, not here.
     */
    private ObjectNode regularizer() {
        var t = graph.document().training();
        if (t.weightDecay() <= 0 || t.optimizer() == Optimizer.ADAMW) {
            return null;
        }
        ObjectNode o = JSON.objectNode();
        o.put("class_name", "L2");
        o.putObject("config").put("l2", t.weightDecay() / 2);
        return o;
    }

    static String activation(String catalogName) {
        return switch (catalogName) {
            case "leakyrelu" -> "leaky_relu";
            case "identity" -> "linear";
            default -> catalogName; // relu, elu, gelu, sigmoid, tanh, softmax: same names
        };
    }

    static String outputActivation(String loss) {
        return switch (loss) {
            case "sigmoid_bce" -> "sigmoid";
            case "mse", "mae" -> "linear";
            default -> "softmax";
        };
    }

    static String loss(String loss) {
        return switch (loss) {
            case "sigmoid_bce" -> "binary_crossentropy";
            case "mse" -> "mean_squared_error";
            case "mae" -> "mean_absolute_error";
            default -> "categorical_crossentropy";
        };
    }
}
