package org.layercanvas.runtime.data;

import java.util.Arrays;
import java.util.Random;

/** Byte images cut into training, validation and test parts (views sharing one pixel array). Validation may be empty. */
public record SplitImages(ByteImages train, ByteImages validation, ByteImages test) {

    /**
     * Keeps a dataset's official test part (MNIST's t10k, CIFAR's test_batch) and takes a seeded random
     * {@code validationFraction} of the official training part for validation.
     */
    public static SplitImages official(ByteImages train, ByteImages test, double validationFraction, long seed) {
        if (validationFraction < 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("validation fraction " + validationFraction + " not in [0, 1)");
        }
        int n = train.size();
        int[] order = ByteImages.shuffled(n, new Random(seed));
        int nVal = (int) Math.round(n * validationFraction);
        return new SplitImages(train.subset(Arrays.copyOfRange(order, nVal, n)),
                train.subset(Arrays.copyOfRange(order, 0, nVal)), test);
    }
}
