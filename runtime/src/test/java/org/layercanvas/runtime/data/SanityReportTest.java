package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.shape.TensorShape;

/** Findings before training. */
class SanityReportTest {

    @Test
    void imbalanceDuplicatesAndShapeForImages() {
        // 12 images 2x2x1: labels 0 x10, 1 x2; test holds a copy of train image 3
        byte[] px = new byte[15 * 4];
        int[] y = new int[15];
        for (int i = 0; i < 15; i++) {
            for (int k = 0; k < 4; k++) {
                px[i * 4 + k] = (byte) (i * 4 + k);
            }
            y[i] = i < 10 ? 0 : 1;
        }
        System.arraycopy(px, 3 * 4, px, 13 * 4, 4);
        ByteImages all = new ByteImages(px, y, List.of("zero", "one", "two"), 2, 2, 1);
        ByteImages train = all.subset(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        ByteImages test = all.subset(new int[] {12, 13, 14});
        SanityReport r = SanityReport.builder(BatchSource.of(train), BatchSource.of(all.subset(new int[0])),
                BatchSource.of(test)).expectedInput(TensorShape.image(28, 28, 1)).expectedClasses(3).build();
        assertThat(r.trainClassCounts()).containsExactly(10, 2, 0);
        assertThat(r.imbalanceRatio()).isEqualTo(5.0);
        assertThat(r.findings()).extracting(Finding::code).containsExactlyInAnyOrder("sanity.shapeMismatch",
                "sanity.emptyClass", "sanity.imbalance", "sanity.duplicatesTest");
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.withCode("sanity.shapeMismatch").get(0).message()).contains("28x28x1").contains("2x2x1")
                .contains("4");
        assertThat(r.withCode("sanity.duplicatesTest").get(0).args()).containsExactly("1", "3", "2=4");
        assertThat(r.withCode("sanity.imbalance").get(0).message()).contains("5.0:1").contains("'zero'");
        assertThat(r.withCode("sanity.emptyClass").get(0).message()).contains("'two'");

        SanityReport ok = SanityReport.builder(BatchSource.of(train), BatchSource.of(train.subset(new int[0])),
                BatchSource.of(test)).expectedInput(TensorShape.vector(4)).imbalanceThreshold(10).build();
        assertThat(ok.withCode("sanity.shapeMismatch")).isEmpty();
        assertThat(ok.withCode("sanity.imbalance")).isEmpty();
    }

    @Test
    void constantColumnsAndClassMismatchForTables() {
        Examples train = new Examples(new float[][] {{1, 7, 0}, {2, 7, 0}, {3, 7, 1}, {4, 7, 1}},
                new int[] {0, 1, 0, 1}, List.of("no", "yes"));
        Examples test = new Examples(new float[][] {{9, 9, 9}}, new int[] {1}, List.of("no", "yes"));
        SanityReport r = SanityReport.builder(BatchSource.of(train), null, BatchSource.of(test))
                .constantColumns(List.of("age", "country", "flag")).expectedInput(TensorShape.vector(3))
                .expectedClasses(5).build();
        assertThat(r.findings()).extracting(Finding::code).containsExactlyInAnyOrder("sanity.constantColumns",
                "sanity.classMismatch");
        assertThat(r.withCode("sanity.constantColumns").get(0).message()).contains("country")
                .doesNotContain("age");
        assertThat(r.withCode("sanity.classMismatch").get(0).message()).contains("5").contains("2");
        // a single sigmoid unit fits two classes
        assertThat(SanityReport.builder(BatchSource.of(train), null, BatchSource.of(test)).expectedClasses(1)
                .build().findings()).isEmpty();
    }
}
