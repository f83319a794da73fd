package org.layercanvas.model.layers;

import org.layercanvas.i18n.Numbers;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One typed, range-checked parameter of a layer. Ranges are inclusive unless {@code minExclusive} /
 * {@code maxExclusive}. {@code visibleWhen} names another parameter and the choice that makes this one
 * meaningful (e.g. an Input's {@code height} only for kind {@code image}); null when always meaningful.
 */
public record ParamDef(String name, ParamType type, Object defaultValue, Double min, boolean minExclusive,
                       Double max, boolean maxExclusive, List<String> choices, Condition visibleWhen) {

    /** "This parameter matters only when {@code param} is one of {@code values}". */
    public record Condition(String param, List<String> values) {
    }

    public ParamDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ParamDef intParam(String name, int def, int min, Integer max) {
        return new ParamDef(name, ParamType.INT, def, (double) min, false, max == null ? null : (double) max, false,
                null, null);
    }

    public static ParamDef doubleParam(String name, double def, double min, boolean minExclusive, Double max,
                                       boolean maxExclusive) {
        return new ParamDef(name, ParamType.DOUBLE, def, min, minExclusive, max, maxExclusive, null, null);
    }

    public static ParamDef boolParam(String name, boolean def) {
        return new ParamDef(name, ParamType.BOOLEAN, def, null, false, null, false, null, null);
    }

    public static ParamDef choiceParam(String name, String def, List<String> choices) {
        return new ParamDef(name, ParamType.CHOICE, def, null, false, null, false, choices, null);
    }

    public ParamDef when(String param, String... values) {
        return new ParamDef(name, type, defaultValue, min, minExclusive, max, maxExclusive, choices,
                new Condition(param, List.of(values)));
    }

    /**
     * Checks one value; returns the problem as a message key of the model bundle with no arguments filled,
     * or empty when the value is acceptable. See {@link #rangeText()} for the readable range.
     */
    public Optional<String> check(Object value) {
        switch (type) {
            case INT -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    return Optional.of("param.notInt");
                }
            }
            case DOUBLE -> {
                if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())
                        || Double.isInfinite(n.doubleValue())) {
                    return Optional.of("param.notNumber");
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    return Optional.of("param.notBoolean");
                }
                return Optional.empty();
            }
            case CHOICE -> {
                if (!(value instanceof String s) || !choices.contains(s)) {
                    return Optional.of("param.notChoice");
                }
                return Optional.empty();
            }
            default -> throw new IllegalStateException(type.toString());
        }
        double v = ((Number) value).doubleValue();
        boolean tooLow = min != null && (minExclusive ? v <= min : v < min);
        boolean tooHigh = max != null && (maxExclusive ? v >= max : v > max);
        return tooLow || tooHigh ? Optional.of("param.outOfRange") : Optional.empty();
    }

    /** The allowed range in mathematical notation, e.g. {@code [1, 4096]} or {@code (0, 1)}; choices joined. */
    public String rangeText() {
        if (type == ParamType.CHOICE) {
            return String.join(", ", choices);
        }
        if (type == ParamType.BOOLEAN) {
            return "true, false";
        }
        String lo = min == null ? "(-\u221e" : (minExclusive ? "(" : "[") + format(min);
        String hi = max == null ? "\u221e)" : format(max) + (maxExclusive ? ")" : "]");
        return lo + ", " + hi;
    }

    private String format(double d) {
        return type == ParamType.INT ? Long.toString((long) d) : Numbers.plain(d);
    }
}
