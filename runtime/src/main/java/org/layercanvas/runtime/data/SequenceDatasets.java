package org.layercanvas.runtime.data;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded token-sequence problems that need a network to compare positions, for the attention samples. Token ids
 * are stored as floats, as the other token datasets are.
 */
public final class SequenceDatasets {
    private SequenceDatasets() {
    }

    /**
     * Is the first token repeated later in the sequence? Every sequence of {@code length} tokens below
     * {@code vocab} holds exactly one pair of equal tokens and {@code length - 2} others that all differ. In class
     * 1 (every other example) the pair is the first position and a later one; in class 0 it is two later
     * positions. Which tokens occur, and how often, is distributed alike in both classes, so a network that only
     * counts tokens (an average of embeddings) stays at chance: it has to compare the first token with the others.
     *
     * @param length at least 3
     * @param vocab  at least {@code length - 1}
     */
    public static Examples firstRepeat(int samples, int length, int vocab, long seed) {
        if (length < 3 || vocab < length - 1) {
            throw new IllegalArgumentException("length " + length + " and vocab " + vocab + " do not fit");
        }
        Random r = new Random(seed);
        float[][] x = new float[samples][];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            int[] distinct = distinctTokens(r, length - 1, vocab);
            int label = i % 2 == 0 ? 1 : 0;
            // Positions of the pair: (0, j) for class 1, (a, b) with 0 < a < b for class 0.
            int first = label == 1 ? 0 : 1 + r.nextInt(length - 2);
            int second = first + 1 + r.nextInt(length - first - 1);
            float[] row = new float[length];
            int next = 1;
            for (int t = 0; t < length; t++) {
                row[t] = t == second ? row[first] : distinct[t == first ? 0 : next++];
            }
            x[i] = row;
            y[i] = label;
        }
        return new Examples(x, y, List.of("0", "1"));
    }

    /** {@code count} different token ids below {@code vocab}, in random order (a partial Fisher-Yates shuffle). */
    private static int[] distinctTokens(Random r, int count, int vocab) {
        int[] ids = new int[vocab];
        for (int k = 0; k < vocab; k++) {
            ids[k] = k;
        }
        for (int k = 0; k < count; k++) {
            int j = k + r.nextInt(vocab - k);
            int swap = ids[k];
            ids[k] = ids[j];
            ids[j] = swap;
        }
        return Arrays.copyOf(ids, count);
    }
}
