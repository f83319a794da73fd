package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files with the quirks found in the wild. */
class CsvImporterTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotesWithDelimitersQuotesAndLineBreaks() throws Exception {
        Path f = write("q.csv", "id,\"name, full\",x,label\r\n"
                + "1,\"Smith, \"\"J\"\"\",0.5,a\r\n"
                + "2,\"two\nlines\",1.5,b\r\n"
                + "3,plain,2.5,a\r\n");
        CsvTable t = CsvImporter.read(f);
        assertThat(t.delimiter()).isEqualTo(',');
        assertThat(t.hasHeader()).isTrue();
        assertThat(t.columns()).containsExactly("id", "name, full", "x", "label");
        assertThat(t.cell(0, 1)).isEqualTo("Smith, \"J\"");
        assertThat(t.cell(1, 1)).isEqualTo("two\nlines");
        assertThat(t.lineNumbers()).containsExactly(2, 3, 5);
        CsvImport.Result r = CsvImport.toExamples(t, List.of("x", "id"), "label");
        assertThat(r.examples().features()[1]).containsExactly(1.5f, 2f);
        assertThat(r.examples().classNames()).containsExactly("a", "b");
        assertThat(r.examples().labels()).containsExactly(0, 1, 0);
    }

    @Test
    void bomSemicolonsAndDecimalCommas() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Länge;Breite;Art\n1,5;2;setosa\n3,25;4;virginica\n\n   \n5;6,5;setosa\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        CsvTable t = CsvImporter.read(Files.write(dir.resolve("s.csv"), all));
        assertThat(t.delimiter()).isEqualTo(';');
        assertThat(t.columns()).containsExactly("Länge", "Breite", "Art");
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.lineNumbers()).containsExactly(2, 3, 6);
        CsvImport.Result r = CsvImport.toExamples(t, null, null);
        assertThat(r.featureNames()).containsExactly("Länge", "Breite");
        assertThat(r.labelColumn()).isEqualTo("Art");
        assertThat(r.examples().features()[0]).containsExactly(1.5f, 2f);
        assertThat(r.examples().features()[2]).containsExactly(5f, 6.5f);
        assertThat(r.examples().classNames()).containsExactly("setosa", "virginica");
    }

    @Test
    void tabsWithoutHeader() throws Exception {
        CsvTable t = CsvImporter.read(write("t.tsv", "0.1\t0.2\t1\n0.3\t0.4\t0\n0.5\t0.6\t1\n"));
        assertThat(t.delimiter()).isEqualTo('\t');
        assertThat(t.hasHeader()).isFalse();
        assertThat(t.columns()).containsExactly("column 1", "column 2", "column 3");
        CsvImport.Result r = CsvImport.toExamples(t, List.of("column 1", "column 2"), "column 3");
        assertThat(r.numericLabels()).isTrue();
        assertThat(r.examples().classNames()).containsExactly("0", "1");
        assertThat(r.examples().labels()).containsExactly(1, 0, 1);
    }

    @Test
    void numericLabelsMapToSortedClasses() throws Exception {
        CsvTable t = CsvImporter.read(write("n.csv", "a,quality\n1,8\n2,3\n3,5\n4,3.0\n"));
        CsvImport.Result r = CsvImport.toExamples(t, List.of("a"), "quality");
        assertThat(r.examples().classNames()).containsExactly("3", "5", "8");
        assertThat(r.examples().labels()).containsExactly(2, 0, 1, 0);
    }

    @Test
    void missingCellsReportedPerColumnAndDroppedOrKept() throws Exception {
        String text = "a,b,c,label\n1,,3,x\n4,5,NA,y\n7,8,9,\n10,11,12,x\n13,,15,y\n16,17\n";
        CsvTable t = CsvImporter.read(write("m.csv", text));
        CsvImport.Result dropped = CsvImport.toExamples(t, List.of("a", "b", "c"), "label");
        assertThat(dropped.examples().size()).isEqualTo(1);
        assertThat(dropped.droppedRows()).isEqualTo(5);
        assertThat(dropped.missing()).containsExactly(
                new CsvImport.MissingColumn("b", 2, List.of(2, 6)),
                new CsvImport.MissingColumn("c", 2, List.of(3, 7)),
                new CsvImport.MissingColumn("label", 2, List.of(4, 7)));
        assertThat(dropped.findings()).extracting(Finding::code).contains("csv.droppedRows");

        CsvImport.Result kept = CsvImport.toExamples(t, List.of("a", "b", "c"), "label",
                CsvImport.MissingValues.FILL_TRAIN_MEAN);
        assertThat(kept.examples().size()).isEqualTo(4);
        assertThat(kept.examples().features()[0][1]).isNaN();
        Normalizer n = Normalizer.fit(kept.examples(), Normalizer.Method.NONE);
        Examples filled = n.apply(kept.examples());
        // mean of b over the rows that have it: (5 + 11) / 2
        assertThat(filled.features()[0][1]).isEqualTo(8f);
        SanityReport report = SanityReport.builder(BatchSource.of(filled), BatchSource.of(filled),
                BatchSource.of(filled)).missing(kept.missing()).build();
        assertThat(report.withCode("sanity.missing")).hasSize(3);
        assertThat(report.withCode("sanity.missing").get(0).message()).contains("'b'").contains("2, 6");
    }

    @Test
    void nonNumericFeatureNamesRowAndColumn() throws Exception {
        CsvTable t = CsvImporter.read(write("bad.csv", "x,y,label\n1,2,a\n3,abc,b\n5,6,a\n"));
        assertThatThrownBy(() -> CsvImport.toExamples(t, List.of("x", "y"), "label"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("bad.csv").hasMessageContaining("line 3")
                .hasMessageContaining("'y'").hasMessageContaining("'abc'");
    }

    @Test
    void unknownColumnAndUnclosedQuote() throws Exception {
        CsvTable t = CsvImporter.read(write("u.csv", "x,y\n1,2\n3,4\n"));
        assertThatThrownBy(() -> CsvImport.toExamples(t, List.of("z"), "y"))
                .hasMessageContaining("'z'").hasMessageContaining("x, y");
        assertThatThrownBy(() -> CsvImporter.read(write("q.csv", "x,y\n1,\"2\n3,4\n")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("line 2");
    }

    @Test
    void headerDetectedOnlyWhenFirstRowIsText() throws Exception {
        assertThat(CsvImporter.read(write("h1.csv", "5.1,3.5,setosa\n4.9,3.0,setosa\n")).hasHeader()).isFalse();
        assertThat(CsvImporter.read(write("h2.csv", "sl,sw,species\n5.1,3.5,setosa\n")).hasHeader()).isTrue();
        CsvTable forced = CsvImporter.read(write("h3.csv", "1,2\n3,4\n"), new CsvImporter.Options(';', true));
        assertThat(forced.hasHeader()).isTrue();
        assertThat(forced.columns()).containsExactly("1,2");
    }

    @Test
    void trailingDelimiterAndDuplicateHeaderNames() throws Exception {
        CsvTable t = CsvImporter.read(write("d.csv", "a,a,label,\n1,2,x,\n3,4,y,\n"));
        assertThat(t.columns()).containsExactly("a", "a (2)", "label");
        CsvImport.Result r = CsvImport.toExamples(t, null, "label");
        assertThat(r.examples().features()[1]).containsExactly(3f, 4f);
    }
}
