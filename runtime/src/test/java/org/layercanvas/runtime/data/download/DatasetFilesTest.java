package org.layercanvas.runtime.data.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every published file is pinned (SHA-256) and has somewhere to fall back to. */
class DatasetFilesTest {
    @Test
    void everyFileHasAHashAndAtLeastTwoAddresses() {
        for (String dataset : List.of(DatasetFiles.MNIST, DatasetFiles.FASHION_MNIST, DatasetFiles.CIFAR_10,
                DatasetFiles.IMDB)) {
            for (DatasetFile f : DatasetFiles.of(dataset)) {
                assertThat(f.hasKnownHash()).as(f.name()).isTrue();
                assertThat(f.urls()).as(f.name()).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates()
                        .allMatch(u -> u.toString().endsWith("/" + f.name()));
            }
        }
        assertThat(DatasetFiles.MNIST_FILES).allMatch(DatasetFile::hasKnownSize);
        assertThat(DatasetFiles.CIFAR_10_BINARY.size()).isEqualTo(170_052_171L);
    }
}
