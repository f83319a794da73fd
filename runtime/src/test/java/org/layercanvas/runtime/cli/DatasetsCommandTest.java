package org.layercanvas.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.cli.LayerCanvasCliTest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.runtime.data.download.DatasetCache;

/** {@code layercanvas datasets} and the offline behaviour of {@code train}, against a cache folder of the test's. */
class DatasetsCommandTest {
    @TempDir
    Path dir;
    private String previous;

    @BeforeEach
    void useTemporaryCache() {
        previous = System.getProperty(DatasetCache.PROPERTY);
        System.setProperty(DatasetCache.PROPERTY, dir.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty(DatasetCache.PROPERTY);
        } else {
            System.setProperty(DatasetCache.PROPERTY, previous);
        }
    }

    @Test
    void listsEveryDatasetWithItsStatusAndTheCacheFolder() throws Exception {
        Files.createDirectories(dir.resolve("cache/imdb"));
        Files.write(dir.resolve("cache/imdb/aclImdb_v1.tar.gz"), new byte[] {1});

        LayerCanvasCliTest.Run run = cli("datasets");

        assertThat(run.exit()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).anyMatch(l -> l.startsWith("digits") && l.contains("built in"))
                .anyMatch(l -> l.startsWith("mnist") && l.contains("not downloaded"))
                .anyMatch(l -> l.startsWith("imdb") && l.contains("downloaded (in the cache)"))
                .anyMatch(l -> l.startsWith("csv") && l.contains("import"))
                .anyMatch(l -> l.contains(dir.resolve("cache").toString()));
    }

    @Test
    void fetchRefusesWhatCannotBeDownloaded() {
        LayerCanvasCliTest.Run run = cli("datasets", "fetch", "digits");

        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.err()).contains("'digits'").contains("mnist, fashion-mnist, cifar10, imdb");
    }

    @Test
    void offlineTrainingOnAMissingDownloadSaysWhatToFetchAndWhere() throws Exception {
        Path doc = dir.resolve("mnist.lcnet");
        Files.writeString(doc, """
                {"formatVersion": 1, "metadata": {"title": "MNIST MLP"},
                 "nodes": [{"id": "in", "type": "Input", "params": {"kind": "vector", "size": 784}},
                           {"id": "out", "type": "Output", "params": {"units": 10}}],
                 "edges": [{"from": {"node": "in", "port": "out"}, "to": {"node": "out", "port": "in"}}],
                 "dataset": {"id": "mnist"},
                 "training": {"epochs": 1}}
                """);

        LayerCanvasCliTest.Run run = cli("train", doc.toString(), "--offline", "--quiet");

        assertThat(run.exit()).isEqualTo(ExitCodes.TRAINING_FAILED);
        assertThat(run.err()).contains("train-images-idx3-ubyte.gz")
                .contains(dir.resolve("cache").resolve("mnist").toString());
    }
}
