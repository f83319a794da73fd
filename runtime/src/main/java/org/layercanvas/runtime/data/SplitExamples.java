package org.layercanvas.runtime.data;

import java.util.Random;
import org.layercanvas.model.Split;

/** A dataset cut into training, validation and test parts. Validation may be empty. */
public record SplitExamples(Examples train, Examples validation, Examples test) {

    /**
     * Shuffles with {@code seed} and cuts by the split's fractions (rounded; the test part takes the rest). The
     * same seed always gives the same parts.
     */
    public static SplitExamples split(Examples all, Split split, long seed) {
        int[][] parts = indices(all.size(), split, seed);
        return new SplitExamples(all.select(parts[0]), all.select(parts[1]), all.select(parts[2]));
    }

    /** {@code 0 .. n-1} in the seeded order every split of the project uses. */
    public static int[] shuffledOrder(int n, long seed) {
        return ByteImages.shuffled(n, new Random(seed));
    }

    /** The indices of the training, validation and test parts of {@code n} examples, as {@link #split} cuts them. */
    public static int[][] indices(int n, Split split, long seed) {
        int[] order = shuffledOrder(n, seed);
        double total = split.sum();
        int nTrain = (int) Math.round(n * split.train() / total);
        int nVal = Math.min(n - nTrain, (int) Math.round(n * split.validation() / total));
        return new int[][] {java.util.Arrays.copyOfRange(order, 0, nTrain),
            java.util.Arrays.copyOfRange(order, nTrain, nTrain + nVal),
            java.util.Arrays.copyOfRange(order, nTrain + nVal, n)};
    }
}
