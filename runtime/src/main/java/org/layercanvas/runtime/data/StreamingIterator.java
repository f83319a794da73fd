package org.layercanvas.runtime.data;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.layercanvas.model.shape.TensorShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

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
 *
 * <p>This class keeps the epoch and the cursor and speaks DL4J's iterator interface; {@code BatchAssembler} makes
 * the batches and {@code Prefetcher} runs the prefetch thread.
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
    private final int prefetch;
    private final int labelUnits;
    private final int numBatches;
    private final boolean dataSets;
    private final transient BatchAssembler assembler;

    private int epoch;
    private int cursor;
    private transient int[] order;
    private transient DataSetPreProcessor preProcessor;
    private transient Prefetcher<Minibatch> producer;

    private StreamingIterator(Builder b) {
        this.source = b.source;
        this.shape = b.shape;
        this.batchSize = b.batchSize;
        this.prefetch = b.prefetch;
        this.dataSets = b.dataSets;
        this.labelUnits = b.labelUnits < 0 ? Math.max(1, source.classNames().size()) : b.labelUnits;
        if (source.size() > 0 && shape.size() != source.featureCount()) {
            throw new IllegalArgumentException(DataMessages.format("iterator.shapeMismatch", shape.label(),
                    shape.size(), source.featureCount()));
        }
        if (b.augmentation.enabled() && shape.kind() != TensorShape.Kind.IMAGE) {
            throw new IllegalArgumentException(DataMessages.format("iterator.augmentNeedsImage", shape.label()));
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        this.numBatches = (source.size() + batchSize - 1) / batchSize;
        this.assembler = new BatchAssembler(source, shape, batchSize, b.shuffle, b.seed, b.augmentation, labelUnits,
                b.dataType);
        this.order = assembler.order(0);
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

    /** The epoch whose order is being served (0 first). */
    public int epoch() {
        return epoch;
    }

    /** Starts epoch {@code e} from its first batch (e.g. when resuming); stops any prefetching. */
    public void setEpoch(int e) {
        stopProducer();
        epoch = e;
        cursor = 0;
        order = assembler.order(e);
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
                producer = startProducer();
            }
            try {
                mb = producer.take();
            } catch (RuntimeException | Error e) {
                stopProducer();
                throw e;
            }
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
        return producer != null && producer.isAlive();
    }

    private void stopProducer() {
        if (producer != null) {
            producer.stop();
            producer = null;
        }
    }

    /** A prefetch thread for the rest of the current epoch, from the batch at the cursor on. */
    private Prefetcher<Minibatch> startProducer() {
        int epochOf = epoch;
        int[] orderOf = order;
        return new Prefetcher<>(THREAD_PREFIX + THREADS.incrementAndGet(), prefetch, cursor, numBatches, b -> {
            Minibatch mb = minibatch(epochOf, orderOf, b);
            if (dataSets || mb.needsDataSet()) {
                mb.dataSet();
            }
            return mb;
        });
    }

    // ---- conversion ----

    /** Batch {@code b} of epoch {@code e}: a pure function of the source, settings, order, e and b. */
    DataSet batch(int e, int[] ord, int b) {
        return minibatch(e, ord, b).dataSet();
    }

    /** Batch {@code b} of epoch {@code e} as Java arrays (a DataSet is made when asked for). */
    Minibatch minibatch(int e, int[] ord, int b) {
        return assembler.make(e, ord, b, preProcessor);
    }
}
