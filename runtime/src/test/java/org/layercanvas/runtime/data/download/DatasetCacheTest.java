package org.layercanvas.runtime.data.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetCacheTest {
    @Test
    void linuxUsesXdgCacheHomeOrDotCache() {
        assertThat(DatasetCache.defaultRoot(null, "Linux", Map.of("XDG_CACHE_HOME", "/x/cache"), "/home/u"))
                .isEqualTo(Path.of("/x/cache", "layercanvas"));
        assertThat(DatasetCache.defaultRoot(null, "Linux", Map.of(), "/home/u"))
                .isEqualTo(Path.of("/home/u", ".cache", "layercanvas"));
        assertThat(DatasetCache.defaultRoot(null, "Linux", Map.of("XDG_CACHE_HOME", "relative"), "/home/u"))
                .isEqualTo(Path.of("/home/u", ".cache", "layercanvas"));
    }

    @Test
    void macAndWindows() {
        assertThat(DatasetCache.defaultRoot(null, "Mac OS X", Map.of(), "/Users/u"))
                .isEqualTo(Path.of("/Users/u", "Library", "Caches", "LayerCanvas"));
        assertThat(DatasetCache.defaultRoot(null, "Windows 11", Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local"),
                "C:/Users/u")).isEqualTo(Path.of("C:/Users/u/AppData/Local", "LayerCanvas", "cache"));
    }

    @Test
    void propertyOverrides() {
        assertThat(DatasetCache.defaultRoot("/data/lc", "Linux", Map.of("XDG_CACHE_HOME", "/x"), "/home/u"))
                .isEqualTo(Path.of("/data/lc"));
        String old = System.getProperty(DatasetCache.PROPERTY);
        try {
            System.setProperty(DatasetCache.PROPERTY, "/tmp/lc-cache-test");
            assertThat(DatasetCache.standard().root()).isEqualTo(Path.of("/tmp/lc-cache-test"));
        } finally {
            if (old == null) {
                System.clearProperty(DatasetCache.PROPERTY);
            } else {
                System.setProperty(DatasetCache.PROPERTY, old);
            }
        }
    }

    @Test
    void oneFolderPerDataset() {
        DatasetCache c = new DatasetCache(Path.of("/c"));
        DatasetFile f = new DatasetFile("x.gz", -1, null, List.of(URI.create("http://h/x.gz")));
        assertThat(c.fileFor("mnist", f)).isEqualTo(Path.of("/c", "mnist", "x.gz"));
        assertThatThrownBy(() -> c.folderFor("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builtInDatasetsHaveCanonicalUrlsFirstAndNoInventedHashes() {
        assertThat(DatasetFiles.MNIST_TRAIN_IMAGES.urls().get(0))
                .hasToString("http://yann.lecun.com/exdb/mnist/train-images-idx3-ubyte.gz");
        assertThat(DatasetFiles.CIFAR_10_BINARY.urls().get(0))
                .hasToString("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
        assertThat(DatasetFiles.IMDB_REVIEWS.urls().get(0))
                .hasToString("https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz");
        for (String d : List.of(DatasetFiles.MNIST, DatasetFiles.FASHION_MNIST, DatasetFiles.CIFAR_10,
                DatasetFiles.IMDB)) {
            assertThat(DatasetFiles.of(d)).isNotEmpty().allSatisfy(f -> assertThat(f.urls()).isNotEmpty());
        }
    }
}
