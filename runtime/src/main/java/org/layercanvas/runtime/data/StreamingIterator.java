package org.layercanvas.runtime.data;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.layercanvas.model.shape.TensorShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J {@link DataSetIterator} that converts one minibatch at a time from a compact {@link BatchSource} to float
 * arrays in the layout {@link org.layercanvas.runtime.train.Tensors} uses: vectors {@code [n, f]}, images
 * {@code [n, c, h, w]} (NCHW), sequences {@code [n, f, t]}, tokens {@code [n, 1, t]}; labels one-hot
 * {@code [n, units]} or a single label column when {@code units == 1}.
 *
 * <p>Every epoch visits each example exactly once; the last batch may be smaller. With shuffling the order of
 * epoch {@code e} depends only on the seed and {@code e}; augmentation (random horizontal flip, random shift with
 * zero fill) depends only on the seed, the epoch and the batch number. So results are the same with and without
 * prefetching. An epoch starts when {@link #reset()} follows a consumed batch, or by {@link #setEpoch(int)}.
 *
 * <p>With {@code prefetch > 0} a daemon thread prepares up to that many batches ahead; it is stopped by
 * {@link #reset()}, {@link #setEpoch(int)} and {@link #close()}. Not for use by several consumers at once.
 */
public final class StreamingIterator implements DataSetIterator, AutoCloseable {
    private static final long serialVersionUID = 1L;
    private static final AtomicInteger THREADS = new AtomicInteger();
    static final String THREAD_PREFIX = "layercanvas-prefetch-";

    /**
     * Random image changes for training.
     *
     * @param flip     mirror left-right with probability 1/2
     * @param maxShift shift by up to this many pixels in each direction, filling with zeros
     */
    public record Augmentation(boolean flip, int maxShift) {
        public static final Augmentation NONE = new Augmentation(false, 0);

        public Augmentation {
            if (maxShift < 0) {
                throw new IllegalArgumentException("maxShift " + maxShift);
            }
        }

        public boolean enabled() {
            return flip || maxShift > 0;
        }
    }

    private final transient BatchSource source;
    private final TensorShape shape;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final Augmentation augmentation;
    private final int prefetch;
    private final DataType dataType;
    private final int labelUnits;
    private final int numBatches;
    private final boolean dataSets;

    private int epoch;
    private int cursor;
    private transient int[] order;
    private transient DataSetPreProcessor preProcessor;
    private transient Producer producer;

    private StreamingIterator(Builder b) {
        this.source = b.source;
        this.shape = b.shape;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.augmentation = b.augmentation;
        this.prefetch = b.prefetch;
        this.dataType = b.dataType;
        this.dataSets = b.dataSets;
        this.labelUnits = b.labelUnits < 0 ? Math.max(1, source.classNames().size()) : b.labelUnits;
        if (source.size() > 0 && shape.size() != source.featureCount()) {
            throw new IllegalArgumentException(DataMessages.format("iterator.shapeMismatch", shape.label(),
                    shape.size(), source.featureCount()));
        }
        if (augmentation.enabled() && shape.kind() != TensorShape.Kind.IMAGE) {
            throw new IllegalArgumentException(DataMessages.format("iterator.augmentNeedsImage", shape.label()));
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        this.numBatches = (source.size() + batchSize - 1) / batchSize;
        this.order = makeOrder(0);
    }

    public static Builder builder(BatchSource source, TensorShape shape) {
        return new Builder(source, shape);
    }

    /** Settings; defaults: batch 32, shuffled with seed 0, no augmentation, 2 batches prefetched, FLOAT. */
    public static final class Builder {
        private final BatchSource source;
        private final TensorShape shape;
        private int batchSize = 32;
        private boolean shuffle = true;
        private long seed;
        private Augmentation augmentation = Augmentation.NONE;
        private int prefetch = 2;
        private DataType dataType = DataType.FLOAT;
        private int labelUnits = -1;
        private boolean dataSets = true;

        private Builder(BatchSource source, TensorShape shape) {
            this.source = source;
            this.shape = shape;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /** Shuffle every epoch (training); false keeps the stored order (evaluation). */
        public Builder shuffle(boolean v) {
            shuffle = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Only for the training split; needs an image shape. */
        public Builder augmentation(Augmentation v) {
            augmentation = v == null ? Augmentation.NONE : v;
            return this;
        }

        /** Batches prepared ahead on a background thread; 0 converts on the caller's thread. */
        public Builder prefetch(int v) {
            prefetch = Math.max(0, v);
            return this;
        }

        public Builder dataType(DataType v) {
            dataType = v;
            return this;
        }

        /** Output units: one-hot columns, or 1 for a single label column; default the number of classes. */
        public Builder labelUnits(int v) {
            labelUnits = v;
            return this;
        }

        /**
         * Whether the prefetch thread also makes each batch's DL4J {@link DataSet} (default true). A consumer that
         * only reads {@link Minibatch} arrays turns it off and saves two native allocations per batch.
         */
        public Builder dataSets(boolean v) {
            dataSets = v;
            return this;
        }

        public StreamingIterator build() {
            return new StreamingIterator(this);
        }
    }

    // ---- epochs and order ----

    private int[] makeOrder(int e) {
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

    private static long mix(long seed, int epoch, int batch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1) + 0xC2B2AE3D27D4EB4FL * (batch + 2);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The epoch whose order is being served (0 first). */
    public int epoch() {
        return epoch;
    }

    /** Starts epoch {@code e} from its first batch (e.g. when resuming); stops any prefetching. */
    public void setEpoch(int e) {
        stopProducer();
        epoch = e;
        cursor = 0;
        order = makeOrder(e);
    }

    /** The example order of the current epoch (a copy), for tests and reports. */
    public int[] order() {
        return order.clone();
    }

    public int numBatches() {
        return numBatches;
    }

    public int numExamples() {
        return source.size();
    }

    public TensorShape shape() {
        return shape;
    }

    // ---- DataSetIterator ----

    @Override
    public boolean hasNext() {
        return cursor < numBatches;
    }

    @Override
    public DataSet next() {
        return nextMinibatch().dataSet();
    }

    /**
     * The next batch as Java arrays. With prefetching, its DataSet form is made on the prefetch thread too unless
     * the iterator was built with {@code dataSets(false)}.
     */
    public Minibatch nextMinibatch() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Minibatch mb;
        if (prefetch > 0) {
            if (producer == null) {
                producer = new Producer(epoch, order, cursor);
            }
            mb = producer.take();
        } else {
            mb = minibatch(epoch, order, cursor);
        }
        cursor++;
        if (cursor == numBatches && producer != null) {
            producer.awaitEnd();
            producer = null;
        }
        return mb;
    }

    @Override
    public DataSet next(int num) {
        if (num != batchSize) {
            throw new UnsupportedOperationException("this iterator serves batches of " + batchSize);
        }
        return next();
    }

    @Override
    public int inputColumns() {
        return source.featureCount();
    }

    @Override
    public int totalOutcomes() {
        return labelUnits;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** False: it prefetches by itself; DL4J need not wrap it in an AsyncDataSetIterator. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Back to the first batch; if any batch of this epoch was taken, the next epoch (new order) begins. */
    @Override
    public void reset() {
        setEpoch(cursor > 0 ? epoch + 1 : epoch);
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        stopProducer();
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return source.classNames();
    }

    /** Stops the prefetch thread; the iterator can still be used (it restarts on demand). */
    @Override
    public void close() {
        stopProducer();
    }

    /** Whether a prefetch thread is running (for tests). */
    boolean prefetching() {
        return producer != null && producer.thread.isAlive();
    }

    private void stopProducer() {
        if (producer != null) {
            producer.stop();
            producer = null;
        }
    }

    // ---- conversion ----

    /** Batch {@code b} of epoch {@code e}: a pure function of the source, settings, order, e and b. */
    DataSet batch(int e, int[] ord, int b) {
        return minibatch(e, ord, b).dataSet();
    }

    /** Batch {@code b} of epoch {@code e} as Java arrays (a DataSet is made when asked for). */
    Minibatch minibatch(int e, int[] ord, int b) {
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
            switch (shape.kind()) {
                case VECTOR, TOKENS -> source.features(i, x, k * f);
                case IMAGE -> {
                    source.features(i, scratch, 0);
                    boolean flip = random != null && augmentation.flip() && random.nextBoolean();
                    int s = random != null ? augmentation.maxShift() : 0;
                    int dy = s > 0 ? random.nextInt(2 * s + 1) - s : 0;
                    int dx = s > 0 ? random.nextInt(2 * s + 1) - s : 0;
                    toChw(scratch, x, k * f, shape.dim(0), shape.dim(1), shape.dim(2), flip, dy, dx);
                }
                case SEQUENCE -> {
                    source.features(i, scratch, 0);
                    int t = shape.dim(0);
                    int fe = shape.dim(1);
                    int base = k * f;
                    for (int step = 0; step < t; step++) {
                        for (int j = 0; j < fe; j++) {
                            x[base + j * t + step] = scratch[step * fe + j];
                        }
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        long[] xShape = switch (shape.kind()) {
            case VECTOR -> new long[] {n, f};
            case IMAGE -> new long[] {n, shape.dim(2), shape.dim(0), shape.dim(1)};
            case SEQUENCE -> new long[] {n, shape.dim(1), shape.dim(0)};
            case TOKENS -> new long[] {n, 1, shape.dim(0)};
        };
        return new Minibatch(n, x, xShape, y, labelUnits, dataType, preProcessor);
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

    // ---- prefetching ----

    private record Failure(Throwable error) {
    }

    /** One background thread making the rest of one epoch's batches, at most {@code prefetch} ahead. */
    private final class Producer implements Runnable {
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(prefetch);
        private final int epochOf;
        private final int[] orderOf;
        private final int first;
        private final Thread thread;
        private volatile boolean stopped;

        Producer(int epochOf, int[] orderOf, int first) {
            this.epochOf = epochOf;
            this.orderOf = orderOf;
            this.first = first;
            thread = new Thread(this, THREAD_PREFIX + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            try {
                for (int b = first; b < numBatches && !stopped; b++) {
                    Minibatch mb = minibatch(epochOf, orderOf, b);
                    if (dataSets || mb.needsDataSet()) {
                        mb.dataSet();
                    }
                    queue.put(mb);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                try {
                    queue.put(new Failure(t));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        Minibatch take() {
            Object item;
            try {
                while ((item = queue.poll(100, TimeUnit.MILLISECONDS)) == null) {
                    if (!thread.isAlive() && queue.isEmpty()) {
                        throw new IllegalStateException("the prefetch thread ended without a batch");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next batch", e);
            }
            if (item instanceof Failure failure) {
                stopProducer();
                if (failure.error() instanceof Error error) {
                    throw error;
                }
                if (failure.error() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(failure.error());
            }
            return (Minibatch) item;
        }

        void awaitEnd() {
            join();
        }

        void stop() {
            stopped = true;
            thread.interrupt();
            queue.clear();
            join();
        }

        private void join() {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
