package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Table to examples: which columns, which rows, and the findings about the label column. */
class CsvImportTest {
    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ROOT);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    private static CsvTable table(String text) throws DatasetException {
        return CsvImporter.parse(text, "t.csv", CsvImporter.Options.DETECT);
    }

    @Test
    void withoutNamesEveryOtherColumnIsAFeatureAndTheLastTheLabel() throws Exception {
        CsvImport.Result r = CsvImport.toExamples(table("a,b,c\n1,2,x\n3,4,y\n"), null, null);
        assertThat(r.featureNames()).containsExactly("a", "b");
        assertThat(r.labelColumn()).isEqualTo("c");
        assertThat(r.examples().features()).isDeepEqualTo(new float[][] {{1, 2}, {3, 4}});
        assertThat(r.numericLabels()).isFalse();
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aLabelColumnInTheMiddleIsLeftOutOfTheFeatures() throws Exception {
        CsvImport.Result r = CsvImport.toExamples(table("a,label,b\n1,0,2\n3,1,4\n"), null, "label");
        assertThat(r.featureNames()).containsExactly("a", "b");
        assertThat(r.examples().features()[1]).containsExactly(3f, 4f);
        assertThat(r.examples().labels()).containsExactly(0, 1);
        assertThat(r.numericLabels()).isTrue();
    }

    @Test
    void theLabelCannotAlsoBeAFeature() throws Exception {
        CsvTable t = table("a,b\n1,x\n2,y\n");
        assertThatThrownBy(() -> CsvImport.toExamples(t, List.of("a", "b"), "b"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("'b' is the label");
    }

    @Test
    void aSingleColumnIsRefused() throws Exception {
        CsvTable t = table("a\n1\n2\n");
        assertThatThrownBy(() -> CsvImport.toExamples(t, null, null)).isInstanceOf(DatasetException.class);
    }

    @Test
    void badCellsAreListedUpToTheLimitThenCounted() throws Exception {
        StringBuilder text = new StringBuilder("x,label\n");
        for (int i = 0; i < CsvImport.LISTED_ERRORS + 3; i++) {
            text.append("bad").append(i).append(",a\n");
        }
        CsvTable t = table(text.toString());
        assertThatThrownBy(() -> CsvImport.toExamples(t, List.of("x"), "label"))
                .hasMessageContaining(CsvImport.LISTED_ERRORS + 3 + " feature cells")
                .hasMessageContaining("'bad9'").hasMessageNotContaining("'bad10'")
                .hasMessageContaining("and 3 more");
    }

    @Test
    void rowsWithoutALabelAreDroppedEvenWhenMissingFeaturesAreKept() throws Exception {
        CsvImport.Result r = CsvImport.toExamples(table("a,label\n1,x\n,y\n3,\n4,y\n"), List.of("a"), "label",
                CsvImport.MissingValues.FILL_TRAIN_MEAN);
        assertThat(r.examples().size()).isEqualTo(3);
        assertThat(r.examples().features()[1][0]).isNaN();
        assertThat(r.droppedRows()).isEqualTo(1);
        assertThat(r.findings()).extracting(Finding::code).containsExactly("csv.droppedRows");
        assertThat(r.findings().get(0).args()).containsExactly("1", "4");
    }

    @Test
    void aLabelWithOneClassIsAnErrorAndOneClassPerRowAWarning() throws Exception {
        CsvImport.Result one = CsvImport.toExamples(table("a,label\n1,x\n2,x\n"), null, null);
        assertThat(one.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("csv.oneClass");
            assertThat(f.severity()).isEqualTo(org.layercanvas.model.shape.Severity.ERROR);
            assertThat(f.args()).containsExactly("label", "x");
        });

        StringBuilder text = new StringBuilder("a,id\n");
        for (int i = 0; i < 60; i++) {
            text.append(i).append(",id").append(i).append('\n');
        }
        CsvImport.Result many = CsvImport.toExamples(table(text.toString()), null, null);
        assertThat(many.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("csv.manyClasses");
            assertThat(f.args()).containsExactly("id", "60", "60");
        });
    }

    @Test
    void noRowLeftIsAnError() throws Exception {
        CsvTable t = table("a,label\n1,\n2,\n");
        assertThatThrownBy(() -> CsvImport.toExamples(t, null, null)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.csv");
    }
}
