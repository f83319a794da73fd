package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.Examples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Examples become arrays in the layouts DL4J expects. */
class TensorsTest {

    /** Example e's value number i is 100 * e + i, so every value says where it came from. */
    static Examples numbered(int examples, int values, int classes) {
        float[][] x = new float[examples][values];
        int[] y = new int[examples];
        for (int e = 0; e < examples; e++) {
            for (int i = 0; i < values; i++) {
                x[e][i] = 100 * e + i;
            }
            y[e] = e % classes;
        }
        List<String> names = java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return new Examples(x, y, names);
    }

    @Test
    void vectorsStayRows() {
        INDArray f = Tensors.features(numbered(3, 4, 2), TensorShape.vector(4), DataType.FLOAT);
        assertThat(f.shape()).containsExactly(3, 4);
        assertThat(f.getFloat(2, 3)).isEqualTo(203f);
        assertThat(f.dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void imagesAreChannelsFirst() {
        // a 2x2 image with 3 channels, stored row by row with channels last: value index (h * 2 + w) * 3 + c
        int h = 2;
        int w = 2;
        int c = 3;
        INDArray f = Tensors.features(numbered(2, h * w * c, 2), TensorShape.image(h, w, c), DataType.FLOAT);
        assertThat(f.shape()).containsExactly(2, c, h, w);
        for (int e = 0; e < 2; e++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int ch = 0; ch < c; ch++) {
                        assertThat(f.getFloat(e, ch, y, x)).as("example %d channel %d pixel (%d, %d)", e, ch, y, x)
                                .isEqualTo(100f * e + (y * w + x) * c + ch);
                    }
                }
            }
        }
        // spot checks written out: red of the top-right pixel, blue of the bottom-left one
        assertThat(f.getFloat(0, 0, 0, 1)).isEqualTo(3f);
        assertThat(f.getFloat(0, 2, 1, 0)).isEqualTo(8f);
        assertThat(f.getFloat(1, 1, 1, 1)).isEqualTo(110f);
        assertThat(f.ordering()).isEqualTo('c');
    }

    @Test
    void sequencesAreFeaturesBySteps() {
        // 3 steps of 2 features, stored step after step: value index t * 2 + f
        INDArray f = Tensors.features(numbered(2, 6, 2), TensorShape.sequence(3, 2), DataType.FLOAT);
        assertThat(f.shape()).containsExactly(2, 2, 3);
        for (int e = 0; e < 2; e++) {
            for (int t = 0; t < 3; t++) {
                for (int k = 0; k < 2; k++) {
                    assertThat(f.getFloat(e, k, t)).isEqualTo(100f * e + t * 2 + k);
                }
            }
        }
        assertThat(f.getFloat(0, 1, 2)).isEqualTo(5f);
    }

    @Test
    void tokensAreOneRowOfIds() {
        INDArray f = Tensors.features(numbered(2, 5, 2), TensorShape.tokens(5, 1000), DataType.FLOAT);
        assertThat(f.shape()).containsExactly(2, 1, 5);
        assertThat(f.getFloat(1, 0, 4)).isEqualTo(104f);
    }

    @Test
    void noExamplesGiveAnEmptyBatch() {
        Examples none = new Examples(new float[0][], new int[0], List.of("0", "1"));
        INDArray f = Tensors.features(none, TensorShape.vector(4), DataType.FLOAT);
        assertThat(f.size(0)).isZero();
        assertThat(Tensors.labels(none, 2, DataType.FLOAT).size(0)).isZero();
    }

    @Test
    void labelsAreOneHotOrASingleColumn() {
        Examples ex = numbered(5, 1, 3); // labels 0 1 2 0 1
        INDArray oneHot = Tensors.labels(ex, 3, DataType.FLOAT);
        assertThat(oneHot.shape()).containsExactly(5, 3);
        float[][] expected = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}};
        assertThat(oneHot.toFloatMatrix()).isDeepEqualTo(expected);

        Examples binary = numbered(4, 1, 2); // labels 0 1 0 1
        INDArray column = Tensors.labels(binary, 1, DataType.FLOAT);
        assertThat(column.shape()).containsExactly(4, 1);
        assertThat(column.toFloatVector()).containsExactly(0f, 1f, 0f, 1f);
    }

    @Test
    void dataSetPairsFeaturesWithLabels() {
        DataSet ds = Tensors.dataSet(numbered(4, 2, 2), TensorShape.vector(2), 2, DataType.FLOAT);
        assertThat(ds.numExamples()).isEqualTo(4);
        assertThat(ds.getFeatures().getFloat(3, 1)).isEqualTo(301f);
        assertThat(ds.getLabels().getFloat(3, 1)).isEqualTo(1f);
    }
}
