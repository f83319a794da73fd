package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layercanvas.model.Split;

/** Cutting a dataset into training, validation and test parts. */
class SplitExamplesTest {

    /** Example i has the single feature value i, so every part can be traced back to the original indices. */
    static Examples indexed(int n) {
        float[][] x = new float[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new float[] {i};
            y[i] = i % 3;
        }
        return new Examples(x, y, List.of("a", "b", "c"));
    }

    static List<Integer> ids(Examples part) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
            ids.add((int) part.features()[i][0]);
            // each example keeps its own label
            assertThat(part.labels()[i]).isEqualTo(ids.get(i) % 3);
        }
        return ids;
    }

    @ParameterizedTest
    @CsvSource({
        "1000, 0.7, 0.1, 0.2, 700, 100, 200",
        "1797, 0.8, 0.0, 0.2, 1438, 0, 359",
        "500, 0.7, 0.1, 0.2, 350, 50, 100",
        "10, 0.6, 0.2, 0.2, 6, 2, 2",
        "7, 1.0, 0.0, 0.0, 7, 0, 0",
        "3, 0.5, 0.5, 0.0, 2, 1, 0"
    })
    void partsFollowTheFractionsAreDisjointAndCoverEverything(int n, double train, double validation, double test,
                                                              int nTrain, int nValidation, int nTest) {
        SplitExamples split = SplitExamples.split(indexed(n), new Split(train, validation, test), 99);
        assertThat(split.train().size()).isEqualTo(nTrain);
        assertThat(split.validation().size()).isEqualTo(nValidation);
        assertThat(split.test().size()).isEqualTo(nTest);

        List<Integer> all = new ArrayList<>(ids(split.train()));
        all.addAll(ids(split.validation()));
        all.addAll(ids(split.test()));
        assertThat(all).as("every example exactly once").containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, n).boxed().toList());
        assertThat(split.train().classNames()).containsExactly("a", "b", "c");
        assertThat(split.test().classNames()).containsExactly("a", "b", "c");
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Examples all = indexed(200);
        Split fractions = new Split(0.7, 0.1, 0.2);
        SplitExamples a = SplitExamples.split(all, fractions, 5);
        SplitExamples b = SplitExamples.split(all, fractions, 5);
        SplitExamples c = SplitExamples.split(all, fractions, 6);
        assertThat(ids(b.train())).isEqualTo(ids(a.train()));
        assertThat(ids(b.validation())).isEqualTo(ids(a.validation()));
        assertThat(ids(b.test())).isEqualTo(ids(a.test()));
        assertThat(ids(c.train())).isNotEqualTo(ids(a.train()));
        // the split shuffles: the training part is not simply the first 140 examples
        assertThat(ids(a.train())).isNotEqualTo(IntStream.range(0, 140).boxed().toList());
    }

    @Test
    void fractionsThatDoNotAddUpToOneAreScaled() {
        SplitExamples split = SplitExamples.split(indexed(100), new Split(7, 1, 2), 1);
        assertThat(split.train().size()).isEqualTo(70);
        assertThat(split.validation().size()).isEqualTo(10);
        assertThat(split.test().size()).isEqualTo(20);
    }

    @Test
    void anEmptyDatasetGivesEmptyParts() {
        SplitExamples split = SplitExamples.split(indexed(0), Split.DEFAULT, 1);
        assertThat(split.train().size()).isZero();
        assertThat(split.validation().size()).isZero();
        assertThat(split.test().size()).isZero();
    }
}
