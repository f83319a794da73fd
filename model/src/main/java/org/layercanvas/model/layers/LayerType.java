package org.layercanvas.model.layers;

/** Every kind of node a document may hold. {@link #jsonName()} is the name used in files. */
public enum LayerType {
    INPUT("Input", Category.INPUT_OUTPUT),
    DENSE("Dense", Category.CORE),
    ACTIVATION("Activation", Category.CORE),
    DROPOUT("Dropout", Category.REGULARIZATION),
    BATCH_NORM("BatchNorm", Category.NORMALIZATION),
    LAYER_NORM("LayerNorm", Category.NORMALIZATION),
    CONV2D("Conv2D", Category.CONVOLUTION),
    MAX_POOL2D("MaxPool2D", Category.CONVOLUTION),
    AVG_POOL2D("AvgPool2D", Category.CONVOLUTION),
    GLOBAL_AVG_POOL("GlobalAvgPool", Category.CONVOLUTION),
    FLATTEN("Flatten", Category.RESHAPE),
    EMBEDDING("Embedding", Category.SEQUENCE),
    LSTM("LSTM", Category.SEQUENCE),
    SIMPLE_RNN("SimpleRNN", Category.SEQUENCE),
    SELF_ATTENTION("SelfAttention", Category.SEQUENCE),
    ADD("Add", Category.MERGE),
    CONCATENATE("Concatenate", Category.MERGE),
    OUTPUT("Output", Category.INPUT_OUTPUT);

    /** Palette groups. */
    public enum Category { INPUT_OUTPUT, CORE, CONVOLUTION, SEQUENCE, NORMALIZATION, REGULARIZATION, RESHAPE, MERGE }

    private final String jsonName;
    private final Category category;

    LayerType(String jsonName, Category category) {
        this.jsonName = jsonName;
        this.category = category;
    }

    public String jsonName() {
        return jsonName;
    }

    public Category category() {
        return category;
    }

    /** The type with this file name, or null. */
    public static LayerType fromJson(String name) {
        for (LayerType t : values()) {
            if (t.jsonName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
