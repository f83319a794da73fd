package org.layercanvas.model.layers;

import static org.layercanvas.model.layers.ParamDef.boolParam;
import static org.layercanvas.model.layers.ParamDef.choiceParam;
import static org.layercanvas.model.layers.ParamDef.doubleParam;
import static org.layercanvas.model.layers.ParamDef.intParam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layercanvas.model.Node;

/**
 * The layers a student can draw, with their typed parameters, defaults, ranges and ports. Data, not behaviour:
 * shape rules live in {@link org.layercanvas.model.shape.ShapeInference}, compilation in the runtime. One-line
 * descriptions come from the {@code catalog} resource bundle so that they can be translated.
 */
public final class LayerCatalog {
    private static final org.layercanvas.i18n.Texts CATALOG_TEXTS =
            org.layercanvas.i18n.Texts.of("org.layercanvas.model.catalog", LayerCatalog.class);
    public static final List<String> ACTIVATIONS =
            List.of("relu", "leakyrelu", "elu", "gelu", "sigmoid", "tanh", "softmax", "identity");
    public static final List<String> LOSSES = List.of("softmax_ce", "sigmoid_bce", "mse", "mae");
    public static final List<String> INPUT_KINDS = List.of("vector", "image", "tokens", "timeseries");
    public static final List<String> PADDINGS = List.of("valid", "same");
    /** LSTM gate functions: {@code hard_sigmoid} is Keras 2's and DL4J's {@code max(0, min(1, 0.2x + 0.5))}. */
    public static final List<String> GATE_ACTIVATIONS = List.of("sigmoid", "hard_sigmoid");

    private static final int MAX_UNITS = 65_536;
    private static final LayerCatalog STANDARD = build();

    private final Map<LayerType, LayerSpec> specs;

    private LayerCatalog(Map<LayerType, LayerSpec> specs) {
        this.specs = Collections.unmodifiableMap(new EnumMap<>(specs));
    }

    /** The catalog of this release. Immutable; pass it to whoever needs it. */
    public static LayerCatalog standard() {
        return STANDARD;
    }

    public LayerSpec spec(LayerType type) {
        return specs.get(type);
    }

    public Collection<LayerSpec> all() {
        return specs.values();
    }

    /** The node's parameters with defaults filled in for every parameter the node does not set. */
    public Map<String, Object> resolve(Node node) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamDef def : spec(node.type()).params()) {
            Object v = node.params().get(def.name());
            values.put(def.name(), v == null ? def.defaultValue() : v);
        }
        return values;
    }

    /** One-line description of a layer type in the given locale. */
    public String description(LayerType type, Locale locale) {
        return text("layer." + type.jsonName(), locale);
    }

    /** One-line description of a parameter in the given locale. */
    public String description(LayerType type, ParamDef param, Locale locale) {
        return text("param." + type.jsonName() + "." + param.name(), locale);
    }

    private static String text(String key, Locale locale) {
        return CATALOG_TEXTS.raw(locale, key);
    }

    private static LayerCatalog build() {
        Map<LayerType, LayerSpec> m = new EnumMap<>(LayerType.class);
        List<PortSpec> one = List.of(PortSpec.SINGLE_IN);
        List<PortSpec> many = List.of(PortSpec.MULTI_IN);

        m.put(LayerType.INPUT, new LayerSpec(LayerType.INPUT, List.of(
                choiceParam("kind", "vector", INPUT_KINDS),
                intParam("size", 2, 1, 1 << 24).when("kind", "vector"),
                intParam("height", 28, 1, 4096).when("kind", "image"),
                intParam("width", 28, 1, 4096).when("kind", "image"),
                intParam("channels", 1, 1, 512).when("kind", "image"),
                intParam("length", 50, 1, 100_000).when("kind", "tokens", "timeseries"),
                intParam("vocabSize", 10_000, 2, 10_000_000).when("kind", "tokens"),
                intParam("features", 1, 1, MAX_UNITS).when("kind", "timeseries")),
                List.of(), true));
        m.put(LayerType.DENSE, new LayerSpec(LayerType.DENSE, List.of(
                intParam("units", 64, 1, MAX_UNITS),
                choiceParam("activation", "relu", ACTIVATIONS),
                boolParam("useBias", true)), one, true));
        m.put(LayerType.ACTIVATION, new LayerSpec(LayerType.ACTIVATION, List.of(
                choiceParam("function", "relu", ACTIVATIONS),
                doubleParam("alpha", 0.01, 0, false, 1.0, false).when("function", "leakyrelu")), one, true));
        m.put(LayerType.DROPOUT, new LayerSpec(LayerType.DROPOUT, List.of(
                doubleParam("rate", 0.2, 0, false, 1.0, true)), one, true));
        m.put(LayerType.BATCH_NORM, new LayerSpec(LayerType.BATCH_NORM, List.of(
                doubleParam("momentum", 0.9, 0, true, 1.0, true),
                doubleParam("epsilon", 1e-5, 0, true, 1.0, false)), one, true));
        m.put(LayerType.LAYER_NORM, new LayerSpec(LayerType.LAYER_NORM, List.of(
                doubleParam("epsilon", 1e-5, 0, true, 1.0, false)), one, true));
        m.put(LayerType.CONV2D, new LayerSpec(LayerType.CONV2D, List.of(
                intParam("filters", 32, 1, 4096),
                intParam("kernel", 3, 1, 64),
                intParam("stride", 1, 1, 64),
                choiceParam("padding", "valid", PADDINGS),
                intParam("dilation", 1, 1, 32),
                choiceParam("activation", "relu", ACTIVATIONS)), one, true));
        for (LayerType pool : List.of(LayerType.MAX_POOL2D, LayerType.AVG_POOL2D)) {
            m.put(pool, new LayerSpec(pool, List.of(
                    intParam("size", 2, 1, 64),
                    intParam("stride", 2, 1, 64),
                    choiceParam("padding", "valid", PADDINGS)), one, true));
        }
        m.put(LayerType.GLOBAL_AVG_POOL, new LayerSpec(LayerType.GLOBAL_AVG_POOL, List.of(), one, true));
        m.put(LayerType.FLATTEN, new LayerSpec(LayerType.FLATTEN, List.of(), one, true));
        m.put(LayerType.EMBEDDING, new LayerSpec(LayerType.EMBEDDING, List.of(
                intParam("dim", 64, 1, MAX_UNITS),
                boolParam("positions", false)), one, true));
        m.put(LayerType.LSTM, new LayerSpec(LayerType.LSTM, List.of(
                intParam("units", 64, 1, MAX_UNITS),
                boolParam("returnSequences", false),
                boolParam("bidirectional", false),
                choiceParam("gateActivation", "sigmoid", GATE_ACTIVATIONS)), one, true));
        m.put(LayerType.SIMPLE_RNN, new LayerSpec(LayerType.SIMPLE_RNN, List.of(
                intParam("units", 64, 1, MAX_UNITS),
                boolParam("returnSequences", false),
                choiceParam("activation", "tanh", ACTIVATIONS)), one, true));
        m.put(LayerType.SELF_ATTENTION, new LayerSpec(LayerType.SELF_ATTENTION, List.of(
                intParam("heads", 4, 1, 64),
                intParam("headSize", 16, 1, 4096)), one, true));
        m.put(LayerType.ADD, new LayerSpec(LayerType.ADD, List.of(), many, true));
        m.put(LayerType.CONCATENATE, new LayerSpec(LayerType.CONCATENATE, List.of(), many, true));
        m.put(LayerType.OUTPUT, new LayerSpec(LayerType.OUTPUT, List.of(
                intParam("units", 10, 1, MAX_UNITS),
                choiceParam("loss", "softmax_ce", LOSSES)), one, false));
        return new LayerCatalog(m);
    }

    /** Parameters whose {@link ParamDef#visibleWhen()} condition holds for this node. */
    public List<ParamDef> visibleParams(Node node) {
        Map<String, Object> values = resolve(node);
        List<ParamDef> visible = new ArrayList<>();
        for (ParamDef def : spec(node.type()).params()) {
            ParamDef.Condition c = def.visibleWhen();
            if (c == null || c.values().contains(String.valueOf(values.get(c.param())))) {
                visible.add(def);
            }
        }
        return visible;
    }
}
