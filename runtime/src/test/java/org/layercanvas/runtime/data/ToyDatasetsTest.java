package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The seeded 2-D toy problems and the random benchmark workload. */
class ToyDatasetsTest {

    static Stream<Arguments> generators() {
        return Stream.of(
                Arguments.of("xor", 2, 2, (LongFunction<Examples>) seed -> ToyDatasets.xor(301, 0.1, seed)),
                Arguments.of("circles", 2, 2, (LongFunction<Examples>) seed -> ToyDatasets.circles(301, 0.1, seed)),
                Arguments.of("spiral", 2, 2, (LongFunction<Examples>) seed -> ToyDatasets.spiral(301, 0.1, 2, seed)),
                Arguments.of("spiral-5", 5, 2,
                        (LongFunction<Examples>) seed -> ToyDatasets.spiral(301, 0.1, 5, seed)),
                Arguments.of("gaussians", 2, 2,
                        (LongFunction<Examples>) seed -> ToyDatasets.gaussians(301, 0.1, seed)),
                Arguments.of("random", 7, 13,
                        (LongFunction<Examples>) seed -> ToyDatasets.random(301, 13, 7, seed)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void sizesClassesAndLabels(String name, int classes, int features, LongFunction<Examples> make) {
        Examples ex = make.apply(5);
        assertThat(ex.size()).isEqualTo(301);
        assertThat(ex.numClasses()).isEqualTo(classes);
        assertThat(ex.featureCount()).isEqualTo(features);
        assertThat(Arrays.stream(ex.features())).allMatch(row -> row.length == features);
        assertThat(Arrays.stream(ex.labels()).boxed()).allMatch(y -> y >= 0 && y < classes);
        // every class occurs
        assertThat(Arrays.stream(ex.labels()).distinct().count()).isEqualTo(classes);
        for (float[] row : ex.features()) {
            for (float v : row) {
                assertThat(v).isFinite();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void sameSeedSameDataOtherSeedOtherData(String name, int classes, int features, LongFunction<Examples> make) {
        Examples a = make.apply(11);
        Examples b = make.apply(11);
        Examples c = make.apply(12);
        assertThat(b.features()).isDeepEqualTo(a.features());
        assertThat(b.labels()).isEqualTo(a.labels());
        assertThat(Arrays.deepEquals(c.features(), a.features())).as("another seed gives other points").isFalse();
    }

    @Test
    void xorLabelsFollowTheQuadrantsWithoutNoise() {
        Examples ex = ToyDatasets.xor(500, 0, 3);
        for (int i = 0; i < ex.size(); i++) {
            float[] p = ex.features()[i];
            assertThat(Math.abs(p[0])).isBetween(0.1f, 1f);
            assertThat(Math.abs(p[1])).isBetween(0.1f, 1f);
            assertThat(ex.labels()[i]).isEqualTo(p[0] * p[1] > 0 ? 0 : 1);
        }
    }

    @Test
    void circlesWithoutNoiseSeparateByRadius() {
        Examples ex = ToyDatasets.circles(400, 0, 3);
        for (int i = 0; i < ex.size(); i++) {
            float[] p = ex.features()[i];
            double r = Math.hypot(p[0], p[1]);
            if (ex.labels()[i] == 0) {
                assertThat(r).isLessThanOrEqualTo(0.5 + 1e-6);
            } else {
                assertThat(r).isBetween(0.7 - 1e-6, 1.0 + 1e-6);
            }
        }
        // the two classes alternate, so they are balanced
        assertThat(Arrays.stream(ex.labels()).filter(y -> y == 0).count()).isEqualTo(200);
    }

    @Test
    void randomFeaturesAreInTheUnitInterval() {
        Examples ex = ToyDatasets.random(50, 20, 3, 1);
        for (float[] row : ex.features()) {
            for (float v : row) {
                assertThat(v).isGreaterThanOrEqualTo(0f).isLessThan(1f);
            }
        }
    }
}
