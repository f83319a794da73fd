package org.layercanvas.model.data;

import java.util.List;
import java.util.Optional;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.shape.TensorShape;

/** The built-in datasets and their shapes; the runtime loads them, the validator checks documents against them. */
public final class DatasetCatalog {
    public static final String DIGITS = "digits";
    public static final String XOR = "xor";
    public static final String CIRCLES = "circles";
    public static final String SPIRAL = "spiral";
    public static final String GAUSSIANS = "gaussians";
    /**
     * Uniform random features with random labels, for benchmarks: options {@code samples} (default 10000),
     * {@code features} (784), {@code classes} (10). Nothing can be learned from it.
     */
    public static final String RANDOM = "random";

    /** Toy 2-D generators: options {@code samples} (default 400), {@code noise} (default 0.1). */
    public static final List<String> TOYS = List.of(XOR, CIRCLES, SPIRAL, GAUSSIANS);
    public static final List<String> ALL = List.of(DIGITS, XOR, CIRCLES, SPIRAL, GAUSSIANS, RANDOM);

    private DatasetCatalog() {
    }

    /** Facts about the dataset the spec names, or empty when no such dataset exists. */
    public static Optional<DatasetInfo> info(DatasetSpec spec) {
        return switch (spec.id()) {
            case DIGITS -> Optional.of(new DatasetInfo(DIGITS,
                    List.of(TensorShape.vector(64), TensorShape.image(8, 8, 1)), 10));
            case XOR, CIRCLES, GAUSSIANS -> Optional.of(new DatasetInfo(spec.id(),
                    List.of(TensorShape.vector(2)), 2));
            case SPIRAL -> Optional.of(new DatasetInfo(SPIRAL, List.of(TensorShape.vector(2)),
                    spec.intOption("classes", 2)));
            case RANDOM -> Optional.of(new DatasetInfo(RANDOM,
                    List.of(TensorShape.vector(spec.intOption("features", 784))), spec.intOption("classes", 10)));
            default -> Optional.empty();
        };
    }
}
