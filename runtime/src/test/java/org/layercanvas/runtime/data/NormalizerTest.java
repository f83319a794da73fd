package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Normalisation fitted on the training split only. */
class NormalizerTest {
    private static Examples ex(float[]... rows) {
        return new Examples(rows, new int[rows.length], List.of("a"));
    }

    @Test
    void minMaxFitOnTrainOnly() {
        Examples train = ex(new float[] {0, 5}, new float[] {10, 5}, new float[] {5, 5});
        Examples test = ex(new float[] {20, 7}, new float[] {-10, 5});
        Normalizer n = Normalizer.fit(train, Normalizer.Method.MIN_MAX);
        Examples tr = n.apply(train);
        Examples te = n.apply(test);
        assertThat(tr.features()[0][0]).isEqualTo(0f);
        assertThat(tr.features()[1][0]).isEqualTo(1f);
        assertThat(tr.features()[2][0]).isEqualTo(0.5f);
        // test values outside the training range stay outside [0, 1]
        assertThat(te.features()[0][0]).isEqualTo(2f);
        assertThat(te.features()[1][0]).isEqualTo(-1f);
        // constant column: no division by zero, reported
        assertThat(n.constantColumns()).containsExactly(1);
        assertThat(tr.features()[0][1]).isEqualTo(0f);
        assertThat(te.features()[0][1]).isEqualTo(2f);
        assertThat(te.features()[0][1]).isNotNaN();
        // the original is untouched
        assertThat(train.features()[1][0]).isEqualTo(10f);
    }

    @Test
    void standardiseUsesTrainMeanAndStd() {
        Examples train = ex(new float[] {1, 3}, new float[] {3, 3});
        Normalizer n = Normalizer.fit(train, Normalizer.Method.STANDARDIZE);
        Examples tr = n.apply(train);
        assertThat(tr.features()[0][0]).isCloseTo(-1f, within(1e-6f));
        assertThat(tr.features()[1][0]).isCloseTo(1f, within(1e-6f));
        assertThat(tr.features()[0][1]).isEqualTo(0f);
        Examples te = n.apply(ex(new float[] {7, 4}, new float[] {Float.NaN, 3}));
        assertThat(te.features()[0][0]).isCloseTo(5f, within(1e-6f));
        assertThat(te.features()[0][1]).isEqualTo(1f);
        // missing becomes the training mean, i.e. 0 after standardising
        assertThat(te.features()[1][0]).isEqualTo(0f);
    }

    @Test
    void fitAndApplySplits() {
        SplitExamples split = new SplitExamples(ex(new float[] {0}, new float[] {2}), ex(new float[] {4}),
                ex(new float[] {1}));
        SplitExamples out = Normalizer.fitAndApply(split, Normalizer.Method.MIN_MAX);
        assertThat(out.validation().features()[0][0]).isEqualTo(2f);
        assertThat(out.test().features()[0][0]).isEqualTo(0.5f);
    }
}
