package org.layercanvas.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which dataset the network trains on and how it is split.
 *
 * @param id      dataset name: {@code digits}, {@code xor}, {@code circles}, {@code spiral}, {@code gaussians}
 * @param options dataset-specific options, e.g. {@code samples} and {@code noise} for the 2-D generators
 * @param split   train/validation/test fractions
 * @param seed    seed for generation and shuffling
 */
public record DatasetSpec(String id, Map<String, Object> options, Split split, long seed) {
    public DatasetSpec {
        Objects.requireNonNull(id, "id");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
        split = split == null ? Split.DEFAULT : split;
    }

    public double doubleOption(String name, double fallback) {
        Object v = options.get(name);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    public int intOption(String name, int fallback) {
        Object v = options.get(name);
        return v instanceof Number n ? n.intValue() : fallback;
    }
}
