package org.layercanvas.runtime.data;

import java.util.Random;
import org.layercanvas.model.shape.TensorShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;

/**
 * Makes the minibatches of a {@link BatchSource} in the layout {@link StreamingIterator} documents: the example
 * order of each epoch, features converted (images HWC to CHW with optional augmentation, sequences to
 * feature-major), labels one-hot or as a single column. Batch {@code b} of epoch {@code e} is a pure function of
 * the source, the settings, the order, {@code e} and {@code b}, so it is the same whichever thread makes it.
 */
final class BatchAssembler {
    private final BatchSource source;
    private final TensorShape shape;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final StreamingIterator.Augmentation augmentation;
    private final int labelUnits;
    private final DataType dataType;

    /**
     * @param shuffle    whether every epoch has its own seeded order (else the stored order)
     * @param labelUnits one-hot columns, or 1 for a single label column (the source's target value)
     */
    BatchAssembler(BatchSource source, TensorShape shape, int batchSize, boolean shuffle, long seed,
                   StreamingIterator.Augmentation augmentation, int labelUnits, DataType dataType) {
        this.source = source;
        this.shape = shape;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.augmentation = augmentation;
        this.labelUnits = labelUnits;
        this.dataType = dataType;
    }

    /** The example order of epoch {@code e}: a seeded shuffle, or 0, 1, 2, ... without shuffling. */
    int[] order(int e) {
        int n = source.size();
        if (!shuffle) {
            int[] o = new int[n];
            for (int i = 0; i < n; i++) {
                o[i] = i;
            }
            return o;
        }
        return ByteImages.shuffled(n, new Random(mix(seed, e, -1)));
    }

    /** A well-spread seed for epoch {@code epoch} and batch {@code batch} (-1 for the epoch's order). */
    static long mix(long seed, int epoch, int batch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1) + 0xC2B2AE3D27D4EB4FL * (batch + 2);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Batch {@code b} of epoch {@code e} as Java arrays (a DataSet is made when asked for). */
    Minibatch make(int e, int[] ord, int b, DataSetPreProcessor preProcessor) {
        int from = b * batchSize;
        int n = Math.min(batchSize, ord.length - from);
        int f = source.featureCount();
        float[] x = new float[n * f];
        float[] y = new float[n * labelUnits];
        float[] scratch = new float[f];
        Random random = augmentation.enabled() ? new Random(mix(seed, e, b)) : null;
        for (int k = 0; k < n; k++) {
            int i = ord[from + k];
            int label = source.label(i);
            if (labelUnits == 1) {
                y[k] = source.target(i);
            } else {
                y[k * labelUnits + label] = 1f;
            }
            features(i, x, k * f, scratch, random);
        }
        return new Minibatch(n, x, featureShape(n, f), y, labelUnits, dataType, preProcessor);
    }

    /** Example {@code i}'s features into {@code x[off..]} in the batch layout. */
    private void features(int i, float[] x, int off, float[] scratch, Random random) {
        switch (shape.kind()) {
            case VECTOR, TOKENS -> source.features(i, x, off);
            case IMAGE -> {
                source.features(i, scratch, 0);
                boolean flip = random != null && augmentation.flip() && random.nextBoolean();
                int s = random != null ? augmentation.maxShift() : 0;
                int dy = s > 0 ? random.nextInt(2 * s + 1) - s : 0;
                int dx = s > 0 ? random.nextInt(2 * s + 1) - s : 0;
                toChw(scratch, x, off, shape.dim(0), shape.dim(1), shape.dim(2), flip, dy, dx);
            }
            case SEQUENCE -> {
                source.features(i, scratch, 0);
                int t = shape.dim(0);
                int fe = shape.dim(1);
                for (int step = 0; step < t; step++) {
                    for (int j = 0; j < fe; j++) {
                        x[off + j * t + step] = scratch[step * fe + j];
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private long[] featureShape(int n, int f) {
        return switch (shape.kind()) {
            case VECTOR -> new long[] {n, f};
            case IMAGE -> new long[] {n, shape.dim(2), shape.dim(0), shape.dim(1)};
            case SEQUENCE -> new long[] {n, shape.dim(1), shape.dim(0)};
            case TOKENS -> new long[] {n, 1, shape.dim(0)};
        };
    }

    /**
     * HWC {@code src} to CHW at {@code dst[off..]}; output pixel (y, x) takes input (y - dy, x - dx) of the
     * (optionally mirrored) image, zero where that falls outside.
     */
    static void toChw(float[] src, float[] dst, int off, int h, int w, int c, boolean flip, int dy, int dx) {
        int plane = h * w;
        for (int yy = 0; yy < h; yy++) {
            int sy = yy - dy;
            boolean rowInside = sy >= 0 && sy < h;
            for (int xx = 0; xx < w; xx++) {
                int sx = xx - dx;
                int o = off + yy * w + xx;
                if (!rowInside || sx < 0 || sx >= w) {
                    for (int ch = 0; ch < c; ch++) {
                        dst[o + ch * plane] = 0f;
                    }
                    continue;
                }
                if (flip) {
                    sx = w - 1 - sx;
                }
                int si = (sy * w + sx) * c;
                for (int ch = 0; ch < c; ch++) {
                    dst[o + ch * plane] = src[si + ch];
                }
            }
        }
    }
}
