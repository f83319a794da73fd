package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.shape.TensorShape;
import org.nd4j.linalg.api.buffer.DataType;

/** Making one minibatch as arrays: order, labels, layouts, augmentation. No ND4J array is made here. */
class BatchAssemblerTest {
    /** Five examples of 6 features: example i holds 10 * i + k at feature k; classes i % 3; targets i / 2. */
    private static Examples examples() {
        float[][] x = new float[5][6];
        int[] y = new int[5];
        float[] t = new float[5];
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 6; k++) {
                x[i][k] = 10 * i + k;
            }
            y[i] = i % 3;
            t[i] = i / 2f;
        }
        return new Examples(x, y, List.of("a", "b", "c"), t);
    }

    private static BatchAssembler assembler(TensorShape shape, boolean shuffle, int labelUnits,
                                            StreamingIterator.Augmentation augmentation) {
        return new BatchAssembler(BatchSource.of(examples()), shape, 2, shuffle, 7, augmentation, labelUnits,
                DataType.FLOAT);
    }

    @Test
    void vectorBatchesFollowTheOrderAndOneHotTheLabels() {
        BatchAssembler a = assembler(TensorShape.vector(6), false, 3, StreamingIterator.Augmentation.NONE);
        int[] order = {4, 1, 0, 2, 3};

        Minibatch first = a.make(0, order, 0, null);
        assertThat(first.size()).isEqualTo(2);
        assertThat(Arrays.copyOfRange(first.features(), 0, 6)).containsExactly(40, 41, 42, 43, 44, 45);
        assertThat(Arrays.copyOfRange(first.features(), 6, 12)).containsExactly(10, 11, 12, 13, 14, 15);
        assertThat(first.labels()).containsExactly(0, 1, 0, 0, 1, 0); // classes 1 and 1

        Minibatch last = a.make(0, order, 2, null);
        assertThat(last.size()).isEqualTo(1); // 5 examples in batches of 2
        assertThat(last.features()).containsExactly(30, 31, 32, 33, 34, 35);
        assertThat(last.labels()).containsExactly(1, 0, 0);
    }

    @Test
    void oneLabelUnitCarriesTheTarget() {
        BatchAssembler a = assembler(TensorShape.vector(6), false, 1, StreamingIterator.Augmentation.NONE);
        Minibatch b = a.make(0, a.order(0), 1, null);
        assertThat(b.labels()).containsExactly(1f, 1.5f); // examples 2 and 3
        assertThat(b.labelUnits()).isEqualTo(1);
    }

    @Test
    void sequencesBecomeFeatureMajor() {
        // 3 steps of 2 features: step s, feature j at s * 2 + j in the source; [f, t] in the batch
        BatchAssembler a = assembler(TensorShape.sequence(3, 2), false, 3, StreamingIterator.Augmentation.NONE);
        Minibatch b = a.make(0, a.order(0), 0, null);
        assertThat(Arrays.copyOfRange(b.features(), 0, 6)).containsExactly(0, 2, 4, 1, 3, 5);
    }

    @Test
    void ordersAreSeededPerEpochAndPlainWithoutShuffling() {
        BatchAssembler plain = assembler(TensorShape.vector(6), false, 3, StreamingIterator.Augmentation.NONE);
        assertThat(plain.order(0)).containsExactly(0, 1, 2, 3, 4);
        assertThat(plain.order(5)).containsExactly(0, 1, 2, 3, 4);

        BatchAssembler shuffled = assembler(TensorShape.vector(6), true, 3, StreamingIterator.Augmentation.NONE);
        assertThat(shuffled.order(1)).containsExactly(
                assembler(TensorShape.vector(6), true, 3, StreamingIterator.Augmentation.NONE).order(1));
        assertThat(shuffled.order(1)).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        boolean differs = false;
        for (int e = 2; e < 10 && !differs; e++) {
            differs = !Arrays.equals(shuffled.order(1), shuffled.order(e));
        }
        assertThat(differs).as("some later epoch has another order").isTrue();
    }

    @Test
    void augmentationDependsOnlyOnSeedEpochAndBatch() {
        TensorShape image = TensorShape.image(2, 3, 1);
        StreamingIterator.Augmentation aug = new StreamingIterator.Augmentation(true, 1);
        BatchAssembler a = assembler(image, false, 3, aug);
        BatchAssembler b = assembler(image, false, 3, aug);
        int[] order = a.order(0);
        for (int batch = 0; batch < 3; batch++) {
            assertThat(a.make(4, order, batch, null).features()).containsExactly(b.make(4, order, batch, null)
                    .features());
        }
        float[] plain = assembler(image, false, 3, StreamingIterator.Augmentation.NONE).make(0, order, 0, null)
                .features();
        assertThat(plain).containsExactly(0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15);
    }

    @Test
    void mixSpreadsNeighbouringInputs() {
        assertThat(BatchAssembler.mix(1, 0, 0)).isNotEqualTo(BatchAssembler.mix(1, 0, 1))
                .isNotEqualTo(BatchAssembler.mix(1, 1, 0)).isNotEqualTo(BatchAssembler.mix(2, 0, 0));
        assertThat(BatchAssembler.mix(1, 2, 3)).isEqualTo(BatchAssembler.mix(1, 2, 3));
    }
}
