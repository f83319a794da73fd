package org.layercanvas.runtime.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-column scaling fitted on the training split only and then applied to every split, so nothing about the
 * validation or test data leaks into training. Values outside the training range stay outside ({@code [0, 1]} for
 * min-max is not enforced). Missing values (NaN) are ignored when fitting and replaced by the training mean when
 * applying. Constant columns (and columns with no values in training) are not divided by zero: they become 0 and
 * are reported.
 */
public final class Normalizer {
    public enum Method {
        /** Only fill missing values with the training mean. */
        NONE,
        /** {@code (x - min) / (max - min)} with min and max of the training split. */
        MIN_MAX,
        /** {@code (x - mean) / std} with the training split's mean and (population) standard deviation. */
        STANDARDIZE
    }

    private final Method method;
    private final float[] shift;
    private final float[] scale;
    private final float[] mean;
    private final List<Integer> constantColumns;

    private Normalizer(Method method, float[] shift, float[] scale, float[] mean, List<Integer> constantColumns) {
        this.method = method;
        this.shift = shift;
        this.scale = scale;
        this.mean = mean;
        this.constantColumns = List.copyOf(constantColumns);
    }

    /** Fits on {@code train}: pass the training split, never the whole dataset. */
    public static Normalizer fit(Examples train, Method method) {
        int f = train.featureCount();
        double[] sum = new double[f];
        double[] sumSq = new double[f];
        int[] count = new int[f];
        float[] min = new float[f];
        float[] max = new float[f];
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (float[] row : train.features()) {
            for (int j = 0; j < f; j++) {
                float v = row[j];
                if (Float.isNaN(v)) {
                    continue;
                }
                sum[j] += v;
                count[j]++;
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }
        float[] mean = new float[f];
        for (int j = 0; j < f; j++) {
            mean[j] = count[j] == 0 ? 0f : (float) (sum[j] / count[j]);
        }
        for (float[] row : train.features()) {
            for (int j = 0; j < f; j++) {
                if (!Float.isNaN(row[j])) {
                    double dv = row[j] - mean[j];
                    sumSq[j] += dv * dv;
                }
            }
        }
        float[] shift = new float[f];
        float[] scale = new float[f];
        List<Integer> constant = new ArrayList<>();
        for (int j = 0; j < f; j++) {
            boolean isConstant = count[j] == 0 || max[j] - min[j] <= 0f;
            if (isConstant) {
                constant.add(j);
            }
            switch (method) {
                case NONE -> {
                    shift[j] = 0f;
                    scale[j] = 1f;
                }
                case MIN_MAX -> {
                    shift[j] = count[j] == 0 ? 0f : min[j];
                    scale[j] = isConstant ? 1f : max[j] - min[j];
                }
                case STANDARDIZE -> {
                    double std = count[j] == 0 ? 0 : Math.sqrt(sumSq[j] / count[j]);
                    shift[j] = mean[j];
                    scale[j] = isConstant || std < 1e-12 ? 1f : (float) std;
                }
                default -> throw new IllegalStateException();
            }
        }
        return new Normalizer(method, shift, scale, mean, constant);
    }

    public Method method() {
        return method;
    }

    /** Training-split mean per column (used to fill missing values). */
    public float[] means() {
        return mean.clone();
    }

    /** Columns with a single value (or none) in the training split, which carry no information. */
    public List<Integer> constantColumns() {
        return constantColumns;
    }

    public int featureCount() {
        return shift.length;
    }

    /** A normalised copy of {@code examples}. */
    public Examples apply(Examples examples) {
        float[][] out = new float[examples.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[shift.length];
            transform(examples.features()[i], 0, out[i], 0);
        }
        return new Examples(out, examples.labels().clone(), examples.classNames());
    }

    /** Normalises the split with a normaliser fitted on its training part. */
    public static SplitExamples fitAndApply(SplitExamples split, Method method) {
        Normalizer n = fit(split.train(), method);
        return new SplitExamples(n.apply(split.train()), n.apply(split.validation()), n.apply(split.test()));
    }

    /** Writes the normalised values of {@code src[srcOff..]} to {@code dst[dstOff..]}; may be the same array. */
    public void transform(float[] src, int srcOff, float[] dst, int dstOff) {
        if (src.length - srcOff < shift.length) {
            throw new IllegalArgumentException("expected " + shift.length + " features, got " + (src.length - srcOff));
        }
        for (int j = 0; j < shift.length; j++) {
            float v = src[srcOff + j];
            if (Float.isNaN(v)) {
                v = mean[j];
            }
            dst[dstOff + j] = (v - shift[j]) / scale[j];
        }
    }
}
