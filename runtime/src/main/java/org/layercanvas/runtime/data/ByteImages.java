package org.layercanvas.runtime.data;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.layercanvas.model.Split;

/**
 * Images kept as bytes: one shared {@code byte[]} of {@code rows * h * w * c} pixel values 0..255, row-major with
 * channels last (HWC), plus a label per image. A view selects and orders rows by index, so {@link #subset} and
 * {@link #split} never copy pixels; floats are made per minibatch by {@link StreamingIterator}.
 */
public final class ByteImages {
    private final byte[] pixels;
    private final int[] rows;
    private final int[] labels;
    private final List<String> classNames;
    private final int height;
    private final int width;
    private final int channels;

    /**
     * @param pixels     {@code n * height * width * channels} bytes, image after image, each row-major HWC
     * @param labels     class per image, in {@code [0, classNames.size())}
     */
    public ByteImages(byte[] pixels, int[] labels, List<String> classNames, int height, int width, int channels) {
        this(pixels, null, labels, classNames, height, width, channels);
    }

    private ByteImages(byte[] pixels, int[] rows, int[] labels, List<String> classNames, int height, int width,
            int channels) {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad image size " + height + "x" + width + "x" + channels);
        }
        long per = (long) height * width * channels;
        if (rows == null && pixels.length != per * labels.length) {
            throw new IllegalArgumentException(pixels.length + " pixel bytes do not hold " + labels.length
                    + " images of " + height + "x" + width + "x" + channels);
        }
        for (int y : labels) {
            if (y < 0 || y >= classNames.size()) {
                throw new IllegalArgumentException("label " + y + " outside [0, " + classNames.size() + ")");
            }
        }
        this.pixels = pixels;
        this.rows = rows;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.height = height;
        this.width = width;
        this.channels = channels;
    }

    public int size() {
        return labels.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    /** Values per image: {@code h * w * c}. */
    public int imageSize() {
        return height * width * channels;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    public int label(int i) {
        return labels[i];
    }

    /** A copy of the labels of this view. */
    public int[] labels() {
        return labels.clone();
    }

    /** The shared pixel storage (not a copy); image {@code i} starts at {@link #offset(int)}. */
    public byte[] storage() {
        return pixels;
    }

    /** Where image {@code i} of this view starts in {@link #storage()}. */
    public int offset(int i) {
        int row = rows == null ? i : rows[i];
        return row * imageSize();
    }

    /** The pixel value 0..255 at row {@code y}, column {@code x}, channel {@code c} of image {@code i}. */
    public int pixel(int i, int y, int x, int c) {
        return pixels[offset(i) + (y * width + x) * channels + c] & 0xFF;
    }

    /** Copies image {@code i}'s bytes (HWC) into {@code dst} at {@code dstOffset}. */
    public void copyImage(int i, byte[] dst, int dstOffset) {
        System.arraycopy(pixels, offset(i), dst, dstOffset, imageSize());
    }

    /** The images at {@code indices} of this view, in that order; shares the pixel bytes. */
    public ByteImages subset(int[] indices) {
        int[] r = new int[indices.length];
        int[] y = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            r[k] = rows == null ? i : rows[i];
            y[k] = labels[i];
        }
        return new ByteImages(pixels, r, y, classNames, height, width, channels);
    }

    /** Same images with other class names (as many as before or more). */
    public ByteImages withClassNames(List<String> names) {
        return new ByteImages(pixels, rows, labels, names, height, width, channels);
    }

    /** Joins two sets of the same image size and classes into one, copying the pixels once. */
    public static ByteImages concat(ByteImages a, ByteImages b) {
        if (a.height != b.height || a.width != b.width || a.channels != b.channels
                || !a.classNames.equals(b.classNames)) {
            throw new IllegalArgumentException("cannot join images of different size or classes");
        }
        int per = a.imageSize();
        byte[] px = new byte[Math.multiplyExact(a.size() + b.size(), per)];
        for (int i = 0; i < a.size(); i++) {
            a.copyImage(i, px, i * per);
        }
        for (int i = 0; i < b.size(); i++) {
            b.copyImage(i, px, (a.size() + i) * per);
        }
        int[] y = Arrays.copyOf(a.labels, a.size() + b.size());
        System.arraycopy(b.labels, 0, y, a.size(), b.size());
        return new ByteImages(px, y, a.classNames, a.height, a.width, a.channels);
    }

    /**
     * Shuffles with {@code seed} and cuts by the split's fractions exactly as {@link SplitExamples#split} does, so
     * the same seed gives the same parts; no pixels are copied.
     */
    public SplitImages split(Split split, long seed) {
        int n = size();
        int[] order = shuffled(n, new Random(seed));
        double total = split.sum();
        int nTrain = (int) Math.round(n * split.train() / total);
        int nVal = Math.min(n - nTrain, (int) Math.round(n * split.validation() / total));
        return new SplitImages(subset(Arrays.copyOfRange(order, 0, nTrain)),
                subset(Arrays.copyOfRange(order, nTrain, nTrain + nVal)),
                subset(Arrays.copyOfRange(order, nTrain + nVal, n)));
    }

    static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * Float copies scaled to [0, 1], as {@link Examples} (rows row-major HWC). For small sets only: this is the
     * float copy the streaming iterator avoids.
     */
    public Examples toExamples() {
        int per = imageSize();
        float[][] x = new float[size()][per];
        for (int i = 0; i < size(); i++) {
            int off = offset(i);
            for (int k = 0; k < per; k++) {
                x[i][k] = (pixels[off + k] & 0xFF) / 255f;
            }
        }
        return new Examples(x, labels.clone(), classNames);
    }

    @Override
    public String toString() {
        return size() + " images " + height + "x" + width + "x" + channels + ", " + numClasses() + " classes";
    }
}
