package org.layercanvas.runtime.data;

import java.util.List;
import org.layercanvas.model.shape.TensorShape;

/**
 * Examples as the {@link StreamingIterator} reads them, one at a time, as floats in stored order (images row-major
 * with channels last, sequences step after step). Sources hold compact data (bytes for images) and convert only
 * what is asked for.
 */
public interface BatchSource {
    int size();

    /** Values per example. */
    int featureCount();

    List<String> classNames();

    int label(int i);

    /** The value a single output unit is trained towards: the target of a regression example, else the label. */
    default float target(int i) {
        return label(i);
    }

    /** Whether examples carry a number to predict rather than a class. */
    default boolean regression() {
        return false;
    }

    /** Writes example {@code i}'s values, already scaled, to {@code dst[offset .. offset + featureCount())}. */
    void features(int i, float[] dst, int offset);

    /** The Input shapes this data can feed as it is, the natural one first. */
    List<TensorShape> shapes();

    /** A hash of example {@code i}'s stored content, for finding duplicates. */
    default long contentHash(int i) {
        float[] v = new float[featureCount()];
        features(i, v, 0);
        long h = 0xcbf29ce484222325L;
        for (float f : v) {
            h = (h ^ Float.floatToIntBits(f)) * 0x100000001b3L;
        }
        return h;
    }

    /** Whether example {@code i} has exactly the content of {@code other}'s example {@code j}. */
    default boolean sameContent(int i, BatchSource other, int j) {
        float[] a = new float[featureCount()];
        float[] b = new float[other.featureCount()];
        if (a.length != b.length) {
            return false;
        }
        features(i, a, 0);
        other.features(j, b, 0);
        return java.util.Arrays.equals(a, b);
    }

    /** Examples {@code indices} of {@code source}, in that order (a view: nothing is copied). */
    static BatchSource subset(BatchSource source, int[] indices) {
        return new View(source, indices.clone(), null);
    }

    /** The same examples, declaring {@code shapes} as the Input shapes they feed (natural one first). */
    static BatchSource withShapes(BatchSource source, List<TensorShape> shapes) {
        return new View(source, null, List.copyOf(shapes));
    }

    /**
     * A view of another source: some of its examples ({@code indices}, or all when null) and/or other declared
     * shapes ({@code shapes}, or the source's when null).
     */
    final class View implements BatchSource {
        private final BatchSource source;
        private final int[] indices;
        private final List<TensorShape> shapes;

        private View(BatchSource source, int[] indices, List<TensorShape> shapes) {
            this.source = source;
            this.indices = indices;
            this.shapes = shapes;
        }

        private int at(int i) {
            return indices == null ? i : indices[i];
        }

        @Override
        public int size() {
            return indices == null ? source.size() : indices.length;
        }

        @Override
        public int featureCount() {
            return source.featureCount();
        }

        @Override
        public List<String> classNames() {
            return source.classNames();
        }

        @Override
        public int label(int i) {
            return source.label(at(i));
        }

        @Override
        public float target(int i) {
            return source.target(at(i));
        }

        @Override
        public boolean regression() {
            return source.regression();
        }

        @Override
        public void features(int i, float[] dst, int offset) {
            source.features(at(i), dst, offset);
        }

        @Override
        public float[] intensities(int i) {
            return source.intensities(at(i));
        }

        @Override
        public float[] fromIntensities(float[] intensities) {
            return source.fromIntensities(intensities);
        }

        @Override
        public List<TensorShape> shapes() {
            return shapes == null ? source.shapes() : shapes;
        }

        @Override
        public long contentHash(int i) {
            return source.contentHash(at(i));
        }

        @Override
        public boolean sameContent(int i, BatchSource other, int j) {
            return indices == null ? source.sameContent(i, other, j) : BatchSource.super.sameContent(i, other, j);
        }
    }

    /** Byte images scaled to [0, 1] (pixel / 255). */
    static BatchSource of(ByteImages images) {
        return new ImageSource(images);
    }

    /** Examples as they are. */
    static BatchSource of(Examples examples) {
        return new ExampleSource(examples, null);
    }

    /**
     * A drawn input as the network receives it: {@code intensities} from 0 (background) to 1 (full ink), one per
     * feature, put on the scale of this (training) data and preprocessed like its examples.
     */
    default float[] fromIntensities(float[] intensities) {
        float[] out = new float[intensities.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.max(0f, Math.min(1f, intensities[k]));
        }
        return out;
    }

    /**
     * Example {@code i} as a picture: one intensity per feature from 0 (background) to 1 (the largest value of the
     * data), before any preprocessing; the inverse of {@link #fromIntensities} for the playground's test images.
     */
    default float[] intensities(int i) {
        float[] out = new float[featureCount()];
        features(i, out, 0);
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.max(0f, Math.min(1f, out[k]));
        }
        return out;
    }

    /** Examples normalised per batch by {@code normalizer} (fitted on the training split; null: as they are). */
    static BatchSource of(Examples examples, Normalizer normalizer) {
        return new ExampleSource(examples, normalizer);
    }

    /** Byte images; pixels become {@code value / 255}. */
    final class ImageSource implements BatchSource {
        private static final float[] SCALE = new float[256];

        static {
            for (int v = 0; v < 256; v++) {
                SCALE[v] = v / 255f;
            }
        }

        private final ByteImages images;

        ImageSource(ByteImages images) {
            this.images = images;
        }

        public ByteImages images() {
            return images;
        }

        @Override
        public int size() {
            return images.size();
        }

        @Override
        public int featureCount() {
            return images.imageSize();
        }

        @Override
        public List<String> classNames() {
            return images.classNames();
        }

        @Override
        public int label(int i) {
            return images.label(i);
        }

        @Override
        public void features(int i, float[] dst, int offset) {
            byte[] px = images.storage();
            int off = images.offset(i);
            int n = images.imageSize();
            for (int k = 0; k < n; k++) {
                dst[offset + k] = SCALE[px[off + k] & 0xFF];
            }
        }

        @Override
        public List<TensorShape> shapes() {
            return List.of(TensorShape.image(images.height(), images.width(), images.channels()),
                    TensorShape.vector(images.imageSize()));
        }

        @Override
        public long contentHash(int i) {
            byte[] px = images.storage();
            int off = images.offset(i);
            long h = 0xcbf29ce484222325L;
            for (int k = 0, n = images.imageSize(); k < n; k++) {
                h = (h ^ (px[off + k] & 0xFF)) * 0x100000001b3L;
            }
            return h;
        }

        @Override
        public boolean sameContent(int i, BatchSource other, int j) {
            if (other instanceof ImageSource o && o.images.imageSize() == images.imageSize()) {
                int n = images.imageSize();
                return java.util.Arrays.equals(images.storage(), images.offset(i), images.offset(i) + n,
                        o.images.storage(), o.images.offset(j), o.images.offset(j) + n);
            }
            return BatchSource.super.sameContent(i, other, j);
        }
    }

    /** Float examples, optionally normalised. */
    final class ExampleSource implements BatchSource {
        private final Examples examples;
        private final Normalizer normalizer;
        /** The largest raw feature value, for {@link #fromIntensities}; computed when first needed. */
        private volatile float rawMax = Float.NaN;

        ExampleSource(Examples examples, Normalizer normalizer) {
            if (normalizer != null && normalizer.featureCount() != examples.featureCount() && examples.size() > 0) {
                throw new IllegalArgumentException("normaliser for " + normalizer.featureCount()
                        + " features, examples have " + examples.featureCount());
            }
            this.examples = examples;
            this.normalizer = normalizer;
        }

        public Examples examples() {
            return examples;
        }

        @Override
        public int size() {
            return examples.size();
        }

        @Override
        public int featureCount() {
            return normalizer != null ? normalizer.featureCount() : examples.featureCount();
        }

        @Override
        public List<String> classNames() {
            return examples.classNames();
        }

        @Override
        public int label(int i) {
            return examples.labels()[i];
        }

        @Override
        public float target(int i) {
            return examples.targets() != null ? examples.targets()[i] : examples.labels()[i];
        }

        @Override
        public boolean regression() {
            return examples.isRegression();
        }

        /** Intensity 1 is the largest value in the data (16 for the 8x8 digits, 255 for raw pixels). */
        @Override
        public float[] fromIntensities(float[] intensities) {
            float max = rawMax();
            float[] raw = BatchSource.super.fromIntensities(intensities);
            for (int k = 0; k < raw.length; k++) {
                raw[k] *= max;
            }
            if (normalizer == null) {
                return raw;
            }
            float[] out = new float[normalizer.featureCount()];
            normalizer.transform(raw, 0, out, 0);
            return out;
        }

        /** The raw values over the largest raw value, clipped to [0, 1]. */
        @Override
        public float[] intensities(int i) {
            float max = rawMax();
            float[] row = examples.features()[i];
            float[] out = new float[row.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = Float.isFinite(row[k]) ? Math.max(0f, Math.min(1f, row[k] / max)) : 0f;
            }
            return out;
        }

        private float rawMax() {
            float max = rawMax;
            if (Float.isNaN(max)) {
                max = 0;
                for (float[] row : examples.features()) {
                    for (float v : row) {
                        max = Float.isFinite(v) ? Math.max(max, v) : max;
                    }
                }
                rawMax = max = max > 0 ? max : 1;
            }
            return max;
        }

        @Override
        public void features(int i, float[] dst, int offset) {
            float[] row = examples.features()[i];
            if (normalizer != null) {
                normalizer.transform(row, 0, dst, offset);
            } else {
                System.arraycopy(row, 0, dst, offset, row.length);
            }
        }

        @Override
        public List<TensorShape> shapes() {
            return List.of(TensorShape.vector(featureCount()));
        }

        @Override
        public long contentHash(int i) {
            long h = 0xcbf29ce484222325L;
            for (float f : examples.features()[i]) {
                h = (h ^ Float.floatToIntBits(f)) * 0x100000001b3L;
            }
            return h;
        }

        @Override
        public boolean sameContent(int i, BatchSource other, int j) {
            if (other instanceof ExampleSource o) {
                return java.util.Arrays.equals(examples.features()[i], o.examples.features()[j]);
            }
            return BatchSource.super.sameContent(i, other, j);
        }
    }
}
