package org.layercanvas.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.app.TestDocs;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Split;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.PreparedData;

class DataImportsTest {
    @TempDir
    Path dir;

    @Test
    void anImageFolderBecomesADatasetWithItsClassesKeepingTheSplit() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("pets"));
        Files.createDirectories(folder.resolve("cat"));
        Files.createDirectories(folder.resolve("dog"));
        Files.writeString(folder.resolve("README.txt"), "not a class");
        DatasetSpec previous = new DatasetSpec("digits", Map.of(), new Split(0.5, 0.25, 0.25), 9);
        DatasetSpec spec = DataImports.imageFolder(folder, dir, previous);
        assertThat(spec.id()).isEqualTo(DatasetCatalog.IMAGES);
        assertThat(spec.options()).containsEntry("path", "pets").containsEntry("classes", 2);
        assertThat(spec.split()).isEqualTo(previous.split());
        assertThat(spec.seed()).isEqualTo(9);
        assertThat(DataImports.imageFolder(folder, null, null).split()).isEqualTo(Split.DEFAULT);
    }

    @Test
    void aFolderWithoutClassesOrUnreadableIsRefusedWithWhereAndWhat() throws Exception {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        Files.createDirectories(flat.resolve("only-one"));
        assertThatThrownBy(() -> DataImports.imageFolder(flat, dir, null))
                .isInstanceOf(DataImports.ImportException.class).hasMessageContaining("flat")
                .hasMessageContaining("1 sub-folders");
        assertThatThrownBy(() -> DataImports.imageFolder(dir.resolve("missing"), dir, null))
                .hasMessageContaining("Cannot read").hasMessageContaining("missing");
    }

    @Test
    void fittingToLoadedDataRecordsWhatOnlyTheDataKnows() throws Exception {
        Path csv = dir.resolve("points.csv");
        Files.writeString(csv, "a,b,c,label\n1,2,3,x\n4,5,6,y\n7,8,9,z\n1,1,1,x\n2,2,2,y\n3,3,3,z\n4,4,4,x\n5,5,5,y\n");
        NetworkDocument digits = TestDocs.sample("digits-mlp");
        DatasetSpec spec = new DatasetSpec(DatasetCatalog.CSV, Map.of("path", csv.toString(), "label", "label"),
                digits.dataset().split(), 0);
        PreparedData data = DatasetLoader.prepare(spec, null, DataContext.offline());
        DatasetSpec fitted = DataImports.fittedTo(spec, data);
        assertThat(fitted.options()).containsEntry("features", 3).containsEntry("classes", 3)
                .containsEntry("path", csv.toString());
        // a built-in dataset knows its shape already: nothing to add
        DatasetSpec builtIn = digits.dataset();
        assertThat(DataImports.fittedTo(builtIn, DatasetLoader.prepare(builtIn, null, DataContext.offline())))
                .isEqualTo(builtIn);
    }
}
