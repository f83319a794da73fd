package org.layercanvas.runtime.interop.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layercanvas.model.layers.LayerType;

/**
 * Maps one Keras layer to a catalog layer and its parameters, or says why the catalog cannot express it. Options
 * that change what the layer computes (a peephole, {@code go_backwards}, no bias where the catalog has one,
 * channels-first data, an activation the catalog lacks) are errors; options that only regularise training
 * (dropout inside a recurrent layer, regularisers, constraints, initialisers) are dropped with a warning.
 */
final class KerasLayers {
    /** A Keras layer mapped: its catalog type and parameters; {@code vocabulary}/{@code length} for an Embedding. */
    record Mapped(LayerType type, Map<String, Object> params, Integer vocabulary, Integer length) {
    }

    private static final Set<String> NOT_IN_CATALOG = Set.of("Conv1D", "Conv3D", "Reshape", "GRU", "Permute",
            "RepeatVector", "Conv2DTranspose", "SeparableConv2D", "DepthwiseConv2D", "UpSampling2D", "ZeroPadding2D",
            "Cropping2D", "MaxPooling1D", "AveragePooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling1D",
            "Multiply", "Subtract", "Average", "Maximum", "Minimum", "Dot", "TimeDistributed", "Lambda",
            "SpatialDropout1D", "SpatialDropout2D", "GaussianNoise", "GaussianDropout", "AlphaDropout", "Masking",
            "ConvLSTM2D", "MultiHeadAttention", "Attention", "PReLU", "ThresholdedReLU", "Normalization",
            "Rescaling", "Resizing", "CategoryEncoding", "TextVectorization");

    private KerasLayers() {
    }

    /**
     * @param reasons  receives why the layer cannot be imported (nothing added: it can)
     * @param warnings receives what the import leaves out
     * @return the mapping, or null when {@code reasons} says why there is none
     */
    static Mapped map(KerasModel.Layer layer, List<String> reasons, List<String> warnings) {
        KerasConfig c = new KerasConfig(layer.config(), reasons);
        Map<String, Object> p = new LinkedHashMap<>();
        int before = reasons.size();
        Mapped m = switch (layer.className()) {
            case "Dense" -> dense(c, p);
            case "Activation" -> activation(c, p, c.activation("activation"));
            case "ReLU", "LeakyReLU", "ELU", "Softmax" -> activationLayer(layer.className(), c, p);
            case "Dropout" -> {
                if (c.has("noise_shape")) {
                    c.reason("option.unsupported", "noise_shape", c.raw().get("noise_shape").toString());
                }
                p.put("rate", c.number("rate", 0.5));
                yield new Mapped(LayerType.DROPOUT, p, null, null);
            }
            case "BatchNormalization" -> normalisation(LayerType.BATCH_NORM, c, p);
            case "LayerNormalization" -> normalisation(LayerType.LAYER_NORM, c, p);
            case "Conv2D", "Convolution2D" -> conv(c, p);
            case "MaxPooling2D", "MaxPool2D" -> pool(LayerType.MAX_POOL2D, c, p);
            case "AveragePooling2D", "AvgPool2D" -> pool(LayerType.AVG_POOL2D, c, p);
            case "GlobalAveragePooling2D", "GlobalAvgPool2D", "GlobalAveragePooling1D", "GlobalAvgPool1D" -> {
                c.channelsLast();
                c.require("keepdims", false, false);
                yield new Mapped(LayerType.GLOBAL_AVG_POOL, p, null, null);
            }
            case "Flatten" -> {
                c.channelsLast();
                yield new Mapped(LayerType.FLATTEN, p, null, null);
            }
            case "Embedding" -> embedding(c, p, warnings);
            case "LSTM", "SimpleRNN" -> recurrent(layer.className(), c, p, warnings, false);
            case "Bidirectional" -> bidirectional(c, p, reasons, warnings);
            case "Add" -> new Mapped(LayerType.ADD, p, null, null);
            case "Concatenate" -> {
                c.lastAxis("axis");
                yield new Mapped(LayerType.CONCATENATE, p, null, null);
            }
            case "RNN" -> {
                c.reason("layer.genericRnn", layer.config().path("cell").path("class_name").asText("?"));
                yield null;
            }
            case "Sequential", "Model", "Functional" -> {
                c.reason("layer.nestedModel");
                yield null;
            }
            default -> {
                c.reason(NOT_IN_CATALOG.contains(layer.className()) ? "layer.notInCatalog" : "layer.unknown",
                        layer.className());
                yield null;
            }
        };
        regularisers(layer, warnings);
        return reasons.size() > before ? null : m;
    }

    private static Mapped dense(KerasConfig c, Map<String, Object> p) {
        p.put("units", c.integer("units", 1));
        p.put("activation", c.activation("activation"));
        p.put("useBias", c.flag("use_bias", true));
        return new Mapped(LayerType.DENSE, p, null, null);
    }

    private static Mapped activation(KerasConfig c, Map<String, Object> p, String function) {
        p.put("function", function);
        return new Mapped(LayerType.ACTIVATION, p, null, null);
    }

    private static Mapped activationLayer(String cls, KerasConfig c, Map<String, Object> p) {
        switch (cls) {
            case "ReLU" -> {
                if (c.has("max_value") || c.number("threshold", 0) != 0) {
                    c.reason("option.clippedRelu");
                }
                double slope = c.number("negative_slope", 0);
                if (slope != 0) {
                    p.put("alpha", slope);
                    return activation(c, p, "leakyrelu");
                }
                return activation(c, p, "relu");
            }
            case "LeakyReLU" -> {
                p.put("alpha", c.number("alpha", c.number("negative_slope", 0.3)));
                return activation(c, p, "leakyrelu");
            }
            case "ELU" -> {
                if (c.number("alpha", 1.0) != 1.0) {
                    c.reason("option.unsupported", "alpha", Double.toString(c.number("alpha", 1.0)));
                }
                return activation(c, p, "elu");
            }
            default -> {
                c.lastAxis("axis");
                return activation(c, p, "softmax");
            }
        }
    }

    private static Mapped normalisation(LayerType type, KerasConfig c, Map<String, Object> p) {
        c.lastAxis("axis");
        c.require("center", true, true);
        c.require("scale", true, true);
        if (type == LayerType.BATCH_NORM) {
            p.put("momentum", c.number("momentum", 0.99));
            p.put("epsilon", c.number("epsilon", 1e-3));
        } else {
            p.put("epsilon", c.number("epsilon", 1e-3));
        }
        return new Mapped(type, p, null, null);
    }

    private static Mapped conv(KerasConfig c, Map<String, Object> p) {
        c.channelsLast();
        c.require("use_bias", true, true);
        if (c.integer("groups", 1) != 1) {
            c.reason("option.unsupported", "groups", Integer.toString(c.integer("groups", 1)));
        }
        p.put("filters", c.integer("filters", 1));
        p.put("kernel", c.square("kernel_size", 1));
        p.put("stride", c.square("strides", 1));
        p.put("padding", padding(c));
        p.put("dilation", c.square("dilation_rate", 1));
        p.put("activation", c.activation("activation"));
        return new Mapped(LayerType.CONV2D, p, null, null);
    }

    private static Mapped pool(LayerType type, KerasConfig c, Map<String, Object> p) {
        c.channelsLast();
        int size = c.square("pool_size", 2);
        p.put("size", size);
        p.put("stride", c.square("strides", size));
        p.put("padding", padding(c));
        return new Mapped(type, p, null, null);
    }

    private static String padding(KerasConfig c) {
        String padding = c.text("padding", "valid");
        if (!padding.equals("valid") && !padding.equals("same")) {
            c.reason("option.unsupported", "padding", padding);
        }
        return padding;
    }

    private static Mapped embedding(KerasConfig c, Map<String, Object> p, List<String> warnings) {
        p.put("dim", c.integer("output_dim", 1));
        if (c.flag("mask_zero", false)) {
            warnings.add(ImportMessages.format("warning.maskZero"));
        }
        Integer length = c.has("input_length") ? c.integer("input_length", 0) : null;
        return new Mapped(LayerType.EMBEDDING, p, c.integer("input_dim", 2), length);
    }

    private static Mapped recurrent(String cls, KerasConfig c, Map<String, Object> p, List<String> warnings,
                                    boolean bidirectional) {
        c.require("stateful", false, false);
        c.require("go_backwards", false, false);
        c.require("return_state", false, false);
        c.require("time_major", false, false);
        c.require("use_bias", true, true);
        p.put("units", c.integer("units", 1));
        p.put("returnSequences", c.flag("return_sequences", false));
        if (c.number("dropout", 0) > 0 || c.number("recurrent_dropout", 0) > 0) {
            warnings.add(ImportMessages.format("warning.recurrentDropout", c.number("dropout", 0),
                    c.number("recurrent_dropout", 0)));
        }
        if (cls.equals("SimpleRNN")) {
            p.put("activation", c.activation("activation"));
            return new Mapped(LayerType.SIMPLE_RNN, p, null, null);
        }
        String act = KerasConfig.activationName(c.raw().get("activation"));
        if (c.has("activation") && !act.equals("tanh")) {
            c.reason("option.unsupported", "activation", act);
        }
        // Keras 3 defines hard_sigmoid differently: KerasWeights refuses such a file's weights
        String gate = c.text("recurrent_activation", "sigmoid");
        if (gate.equals("hard_sigmoid") || gate.equals("sigmoid")) {
            p.put("gateActivation", gate);
        } else {
            c.reason("option.unsupported", "recurrent_activation", gate);
        }
        p.put("bidirectional", bidirectional);
        return new Mapped(LayerType.LSTM, p, null, null);
    }

    private static Mapped bidirectional(KerasConfig c, Map<String, Object> p, List<String> reasons,
                                        List<String> warnings) {
        JsonNode inner = c.raw().path("layer");
        String cls = inner.path("class_name").asText("?");
        String merge = c.text("merge_mode", "concat");
        if (!cls.equals("LSTM")) {
            c.reason("layer.bidirectionalNotLstm", cls);
            return null;
        }
        if (!merge.equals("concat")) {
            c.reason("option.unsupported", "merge_mode", merge);
        }
        return recurrent(cls, new KerasConfig(inner.path("config"), reasons), p, warnings, true);
    }

    /** Regularisers and constraints shape training only: the import drops them and says so. */
    private static void regularisers(KerasModel.Layer layer, List<String> warnings) {
        List<String> dropped = new ArrayList<>();
        layer.config().properties().forEach(e -> {
            boolean set = !e.getValue().isNull();
            if (set && (e.getKey().endsWith("_regularizer") || e.getKey().endsWith("_constraint"))) {
                dropped.add(e.getKey());
            }
        });
        if (!dropped.isEmpty()) {
            warnings.add(ImportMessages.format("warning.regularisers", String.join(", ", dropped)));
        }
    }
}
