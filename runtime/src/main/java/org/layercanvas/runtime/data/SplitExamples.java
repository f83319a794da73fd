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

    /** The indices of the training, validation and test parts of {@code n} examples, as {@link #split} cuts them. */
    public static int[][] indices(int n, Split split, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double total = split.sum();
        int nTrain = (int) Math.round(n * split.train() / total);
        int nVal = Math.min(n - nTrain, (int) Math.round(n * split.validation() / total));
        return new int[][] {java.util.Arrays.copyOfRange(order, 0, nTrain),
            java.util.Arrays.copyOfRange(order, nTrain, nTrain + nVal),
            java.util.Arrays.copyOfRange(order, nTrain + nVal, n)};
    }
}
