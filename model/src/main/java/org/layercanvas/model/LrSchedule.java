package org.layercanvas.model;

/**
 * How the learning rate changes per epoch.
 * <ul>
 * <li>fixed: lr</li>
 * <li>step: lr * gamma^floor(epoch / stepEpochs)</li>
 * <li>exponential: lr * gamma^epoch</li>
 * <li>cosine: lr * (1 + cos(pi * epoch / epochs)) / 2</li>
 * </ul>
 */
public record LrSchedule(Type type, double gamma, int stepEpochs) {
    public static final LrSchedule FIXED = new LrSchedule(Type.FIXED, 1.0, 1);

    public enum Type {
        FIXED("fixed"), STEP("step"), EXPONENTIAL("exponential"), COSINE("cosine");

        private final String jsonName;

        Type(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        public static Type fromJson(String name) {
            for (Type t : values()) {
                if (t.jsonName.equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** The learning rate in the given (0-based) epoch of a run of {@code totalEpochs}. */
    public double rateAt(double baseRate, int epoch, int totalEpochs) {
        return switch (type) {
            case FIXED -> baseRate;
            case STEP -> baseRate * Math.pow(gamma, Math.floor((double) epoch / Math.max(1, stepEpochs)));
            case EXPONENTIAL -> baseRate * Math.pow(gamma, epoch);
            case COSINE -> baseRate * 0.5 * (1 + Math.cos(Math.PI * epoch / Math.max(1, totalEpochs)));
        };
    }
}
