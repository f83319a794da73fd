package org.layercanvas.app.editor;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.layercanvas.model.layers.LayerType;

/** Icon (Material Design Icons via Ikonli) and colour category of each layer type, shared by palette and canvas. */
public final class LayerLook {
    private static final Map<LayerType, String> ICONS = new EnumMap<>(LayerType.class);

    static {
        ICONS.put(LayerType.INPUT, "mdi2i-import");
        ICONS.put(LayerType.DENSE, "mdi2d-dots-grid");
        ICONS.put(LayerType.ACTIVATION, "mdi2s-sine-wave");
        ICONS.put(LayerType.DROPOUT, "mdi2d-dice-5-outline");
        ICONS.put(LayerType.BATCH_NORM, "mdi2s-scale-balance");
        ICONS.put(LayerType.LAYER_NORM, "mdi2t-tune-vertical");
        ICONS.put(LayerType.CONV2D, "mdi2g-grid");
        ICONS.put(LayerType.MAX_POOL2D, "mdi2a-arrow-collapse-all");
        ICONS.put(LayerType.AVG_POOL2D, "mdi2a-arrow-collapse");
        ICONS.put(LayerType.GLOBAL_AVG_POOL, "mdi2a-arrow-collapse-vertical");
        ICONS.put(LayerType.FLATTEN, "mdi2r-reorder-horizontal");
        ICONS.put(LayerType.EMBEDDING, "mdi2t-text-box-outline");
        ICONS.put(LayerType.LSTM, "mdi2r-repeat");
        ICONS.put(LayerType.SIMPLE_RNN, "mdi2r-repeat-once");
        ICONS.put(LayerType.SELF_ATTENTION, "mdi2e-eye-outline");
        ICONS.put(LayerType.ADD, "mdi2p-plus-circle-outline");
        ICONS.put(LayerType.CONCATENATE, "mdi2s-source-merge");
        ICONS.put(LayerType.OUTPUT, "mdi2f-flag-checkered");
    }

    private LayerLook() {
    }

    public static String icon(LayerType type) {
        return ICONS.get(type);
    }

    /** CSS word for the node's category colour, e.g. {@code convolution}. */
    public static String category(LayerType type) {
        return type.category().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
