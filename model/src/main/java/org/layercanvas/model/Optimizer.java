package org.layercanvas.model;

/** The update rule. JSON names are the lower-case forms ({@code sgd}, {@code nesterov}, ...). */
public enum Optimizer {
    SGD("sgd"), NESTEROV("nesterov"), ADAM("adam"), ADAMW("adamw"), RMSPROP("rmsprop");

    private final String jsonName;

    Optimizer(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optimizer fromJson(String name) {
        for (Optimizer o : values()) {
            if (o.jsonName.equals(name)) {
                return o;
            }
        }
        return null;
    }
}
