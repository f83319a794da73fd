package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.train.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Per-batch conversion, shuffling, augmentation and prefetching. */
class StreamingIteratorTest {
    static final List<String> CLASSES = List.of("a", "b", "c");

    /** n images h x w x c; the first byte of image i is i (so an example is identifiable), label i % 3. */
    static ByteImages images(int n, int h, int w, int c) {
        byte[] px = new byte[n * h * w * c];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < h * w * c; k++) {
                px[i * h * w * c + k] = (byte) (k == 0 ? i : (i * 13 + k * 5) & 0xFF);
            }
            y[i] = i % 3;
        }
        return new ByteImages(px, y, CLASSES, h, w, c);
    }

    private static List<DataSet> epoch(StreamingIterator it) {
        List<DataSet> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    /** The example id (first pixel * 255) of each row, from NCHW features. */
    private static List<Integer> ids(List<DataSet> batches) {
        List<Integer> ids = new ArrayList<>();
        for (DataSet ds : batches) {
            INDArray f = ds.getFeatures();
            for (int r = 0; r < f.size(0); r++) {
                ids.add(Math.round(f.getFloat(r, 0, 0, 0) * 255));
            }
        }
        return ids;
    }

    @Test
    void imageBatchesMatchTensorsLayout() {
        ByteImages im = images(10, 4, 5, 3);
        TensorShape shape = TensorShape.image(4, 5, 3);
        try (StreamingIterator it = StreamingIterator.builder(BatchSource.of(im), shape).batchSize(4)
                .shuffle(false).prefetch(0).build()) {
            List<DataSet> batches = epoch(it);
            assertThat(batches).hasSize(3);
            assertThat(batches.get(0).getFeatures().shape()).containsExactly(4, 3, 4, 5);
            assertThat(batches.get(2).getFeatures().shape()).containsExactly(2, 3, 4, 5);
            assertThat(batches.get(0).getLabels().shape()).containsExactly(4, 3);
            assertThat(batches.get(0).getFeatures().dataType()).isEqualTo(DataType.FLOAT);
            DataSet expected = Tensors.dataSet(im.toExamples(), shape, 3, DataType.FLOAT);
            INDArray all = DataSet.merge(batches).getFeatures();
            assertThat(all.equalsWithEps(expected.getFeatures(), 1e-6)).isTrue();
            assertThat(DataSet.merge(batches).getLabels().equalsWithEps(expected.getLabels(), 0)).isTrue();
            assertThat(it.inputColumns()).isEqualTo(60);
            assertThat(it.totalOutcomes()).isEqualTo(3);
            assertThat(it.getLabels()).isEqualTo(CLASSES);
        }
    }

    @Test
    void vectorAndSequenceLayoutsMatchTensors() {
        Examples ex = ToyDatasets.random(7, 12, 3, 5);
        for (TensorShape shape : List.of(TensorShape.vector(12), TensorShape.sequence(4, 3))) {
            StreamingIterator it = StreamingIterator.builder(BatchSource.of(ex), shape).batchSize(3)
                    .shuffle(false).prefetch(1).labelUnits(1).build();
            DataSet merged = DataSet.merge(epoch(it));
            DataSet expected = Tensors.dataSet(ex, shape, 1, DataType.FLOAT);
            assertThat(merged.getFeatures().equalsWithEps(expected.getFeatures(), 1e-6)).as(shape.label()).isTrue();
            assertThat(merged.getLabels().equalsWithEps(expected.getLabels(), 0)).isTrue();
            it.close();
        }
    }

    @Test
    void everyExampleOncePerEpochAndShuffleDeterministicBySeed() {
        ByteImages im = images(50, 3, 3, 1);
        TensorShape shape = TensorShape.image(3, 3, 1);
        StreamingIterator a = StreamingIterator.builder(BatchSource.of(im), shape).batchSize(8).seed(42).build();
        StreamingIterator b = StreamingIterator.builder(BatchSource.of(im), shape).batchSize(8).seed(42)
                .prefetch(0).build();
        StreamingIterator c = StreamingIterator.builder(BatchSource.of(im), shape).batchSize(8).seed(43).build();
        List<Integer> a0 = ids(epoch(a));
        List<Integer> b0 = ids(epoch(b));
        List<Integer> c0 = ids(epoch(c));
        a.reset();
        b.reset();
        List<Integer> a1 = ids(epoch(a));
        List<Integer> b1 = ids(epoch(b));
        List<Integer> sorted = new ArrayList<>(a0);
        sorted.sort(null);
        assertThat(sorted).isEqualTo(java.util.stream.IntStream.range(0, 50).boxed().toList());
        assertThat(new ArrayList<>(a1)).containsExactlyInAnyOrderElementsOf(sorted);
        assertThat(a0).isEqualTo(b0);
        assertThat(a1).isEqualTo(b1);
        assertThat(a1).isNotEqualTo(a0);
        assertThat(c0).isNotEqualTo(a0);
        assertThat(a.epoch()).isEqualTo(1);
        // a consumed epoch is followed by the next; a reset on a fresh epoch does not skip an order
        a.reset();
        assertThat(a.epoch()).isEqualTo(2);
        a.reset();
        assertThat(a.epoch()).isEqualTo(2);
        // setEpoch replays one
        a.setEpoch(0);
        assertThat(ids(epoch(a))).isEqualTo(a0);
        a.close();
        b.close();
        c.close();
    }

    @Test
    void augmentationOnlyWhenEnabledAndDeterministic() {
        ByteImages im = images(20, 6, 6, 2);
        TensorShape shape = TensorShape.image(6, 6, 2);
        StreamingIterator plain = StreamingIterator.builder(BatchSource.of(im), shape).batchSize(20)
                .shuffle(false).build();
        INDArray reference = Tensors.features(im.toExamples(), shape, DataType.FLOAT);
        assertThat(plain.next().getFeatures().equalsWithEps(reference, 1e-6)).isTrue();
        plain.close();

        StreamingIterator.Augmentation aug = new StreamingIterator.Augmentation(true, 2);
        StreamingIterator x = StreamingIterator.builder(BatchSource.of(im), shape).batchSize(20).shuffle(false)
                .augmentation(aug).seed(1).build();
        StreamingIterator y = StreamingIterator.builder(BatchSource.of(im), shape).batchSize(20).shuffle(false)
                .augmentation(aug).seed(1).prefetch(0).build();
        INDArray ax = x.next().getFeatures();
        INDArray ay = y.next().getFeatures();
        assertThat(ax.equalsWithEps(ay, 0)).isTrue();
        assertThat(ax.equalsWithEps(reference, 1e-6)).isFalse();
        x.close();
        y.close();
    }

    @Test
    void flipAndShiftMoveThePixels() {
        float[] src = new float[3 * 3];
        for (int k = 0; k < 9; k++) {
            src[k] = k + 1; // HWC with c = 1: row-major 1..9
        }
        float[] dst = new float[9];
        BatchAssembler.toChw(src, dst, 0, 3, 3, 1, true, 0, 0);
        assertThat(dst).containsExactly(3, 2, 1, 6, 5, 4, 9, 8, 7);
        BatchAssembler.toChw(src, dst, 0, 3, 3, 1, false, 1, -1);
        assertThat(dst).containsExactly(0, 0, 0, 2, 3, 0, 5, 6, 0);
        float[] rgb = {1, 2, 3, 4, 5, 6}; // 1x2 pixels, 3 channels
        float[] chw = new float[6];
        BatchAssembler.toChw(rgb, chw, 0, 1, 2, 3, false, 0, 0);
        assertThat(chw).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void prefetchThreadStopsOnResetAndClose() throws Exception {
        ByteImages im = images(100, 4, 4, 1);
        StreamingIterator it = StreamingIterator.builder(BatchSource.of(im), TensorShape.vector(16)).batchSize(5)
                .prefetch(3).build();
        it.next();
        assertThat(it.prefetching()).isTrue();
        it.reset();
        assertThat(it.prefetching()).isFalse();
        it.next();
        it.next();
        it.close();
        assertThat(it.prefetching()).isFalse();
        assertThat(prefetchThreadsAlive()).isZero();
        // the iterator still works after close and finishes its epoch
        int n = 0;
        while (it.hasNext()) {
            n += it.next().numExamples();
        }
        assertThat(n).isEqualTo(90);
        assertThat(it.prefetching()).isFalse();
        assertThat(prefetchThreadsAlive()).isZero();
    }

    private static long prefetchThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(StreamingIterator.THREAD_PREFIX) && t.isAlive()).count();
    }

    @Test
    void errorsInTheProducerReachTheConsumer() {
        BatchSource broken = new BatchSource() {
            @Override
            public int size() {
                return 10;
            }

            @Override
            public int featureCount() {
                return 2;
            }

            @Override
            public List<String> classNames() {
                return CLASSES;
            }

            @Override
            public int label(int i) {
                return 0;
            }

            @Override
            public void features(int i, float[] dst, int offset) {
                if (i == 7) {
                    throw new IllegalStateException("boom");
                }
            }

            @Override
            public List<TensorShape> shapes() {
                return List.of(TensorShape.vector(2));
            }
        };
        StreamingIterator it = StreamingIterator.builder(broken, TensorShape.vector(2)).batchSize(2)
                .shuffle(false).build();
        it.next();
        it.next();
        it.next();
        org.assertj.core.api.Assertions.assertThatThrownBy(it::next).hasMessage("boom");
        it.close();
        assertThat(it.prefetching()).isFalse();
        assertThat(it.order()).hasSize(10);
    }
}
