package org.layercanvas.runtime.data;

import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.data.DatasetCatalog;

/** Loads the dataset a document names. */
public final class DatasetLoader {
    public static final int DEFAULT_TOY_SAMPLES = 400;
    public static final double DEFAULT_TOY_NOISE = 0.1;

    private DatasetLoader() {
    }

    public static Examples load(DatasetSpec spec) throws DatasetException {
        int samples = spec.intOption("samples", DEFAULT_TOY_SAMPLES);
        double noise = spec.doubleOption("noise", DEFAULT_TOY_NOISE);
        return switch (spec.id()) {
            case DatasetCatalog.DIGITS -> DigitsDataset.load();
            case DatasetCatalog.XOR -> ToyDatasets.xor(samples, noise, spec.seed());
            case DatasetCatalog.CIRCLES -> ToyDatasets.circles(samples, noise, spec.seed());
            case DatasetCatalog.SPIRAL -> ToyDatasets.spiral(samples, noise, spec.intOption("classes", 2), spec.seed());
            case DatasetCatalog.GAUSSIANS -> ToyDatasets.gaussians(samples, noise, spec.seed());
            case DatasetCatalog.RANDOM -> ToyDatasets.random(spec.intOption("samples", 10_000),
                    spec.intOption("features", 784), spec.intOption("classes", 10), spec.seed());
            default -> throw new DatasetException("there is no dataset '" + spec.id() + "'; available: "
                    + String.join(", ", DatasetCatalog.ALL));
        };
    }
}
