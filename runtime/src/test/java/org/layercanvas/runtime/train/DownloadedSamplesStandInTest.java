package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Split;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.runtime.data.Cifar10Reader;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.download.DatasetCache;
import org.layercanvas.samples.Samples;

/**
 * Every sample whose dataset is downloaded (MNIST, Fashion-MNIST, CIFAR-10, IMDB) trains for one epoch, with its own
 * batch size and split, on small generated stand-in files of the real on-disk format ({@link StandInDatasets}) in a
 * temporary dataset cache. Nothing is downloaded: the {@link DataContext} is offline and points at that cache, and
 * the loader takes files already in a cache as they are (only the downloader checks SHA-256), so the stand-ins go
 * through the same path as files downloaded earlier or put there by hand: MNIST's gzipped IDX files are found by
 * name and read, CIFAR-10's {@code cifar-10-binary.tar.gz} is unpacked and its batch files read.
 *
 * <p>This proves the sample's graph, its dataset's reader and the training loop fit together; it says nothing about
 * the accuracy the sample reaches on the real data (the pixels are random). No bundled sample uses IMDB today; a
 * sample that does fails here until {@link StandInDatasets} learns to write the {@code aclImdb_v1.tar.gz} layout.
 */
class DownloadedSamplesStandInTest {
    /** Examples in the stand-in's official training part (split into training and validation by the sample). */
    static final int TRAIN = 200;
    /** Examples in the stand-in's official test part. */
    static final int TEST = 64;

    @TempDir
    Path cacheRoot;

    static Stream<String> downloadedSamples() {
        return Samples.names().stream().filter(n -> DatasetCatalog.DOWNLOADED.contains(doc(n).dataset().id()));
    }

    private static NetworkDocument doc(String name) {
        try {
            return DocumentJson.read(Samples.text(name).orElseThrow(), name);
        } catch (Exception e) {
            throw new AssertionError("sample " + name + " does not read", e);
        }
    }

    @Test
    void theSamplesIncludeOnesOnEveryDownloadedImageSet() {
        List<String> datasets = downloadedSamples().map(n -> doc(n).dataset().id()).distinct().toList();
        assertThat(datasets).as("datasets of the downloaded-data samples")
                .contains(DatasetCatalog.MNIST, DatasetCatalog.FASHION_MNIST, DatasetCatalog.CIFAR10);
    }

    @Test
    void withoutStandInsTheOfflineCacheRefusesToTrain() {
        String name = downloadedSamples().findFirst().orElseThrow();
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession.Result r = new TrainingSession(oneEpoch(doc(name)),
                new TrainingSession.Options("cpu", 0, false, offlineAt(cacheRoot)), events::add).run();
        assertThat(r.succeeded()).as(name + " trains on an empty offline cache").isFalse();
        assertThat(r.failed().failure()).isEqualTo(FailureCode.DATASET);
        assertThat(events).noneMatch(e -> e instanceof TrainingEvent.Epoch);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("downloadedSamples")
    void trainsOneEpochOnStandInFiles(String name) throws Exception {
        NetworkDocument sample = doc(name);
        String id = sample.dataset().id();
        DatasetCache cache = new DatasetCache(cacheRoot);
        StandInDatasets.Sizes sizes = StandInDatasets.write(id, cache, TRAIN, TEST, name.hashCode());
        DataContext data = offlineAt(cacheRoot);

        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession.Result r = new TrainingSession(oneEpoch(sample),
                new TrainingSession.Options("cpu", 0, false, data), events::add).run();

        assertThat(r.succeeded()).as("%s failed: %s", name, r.failed()).isTrue();
        TrainingEvent.Started started = only(events, TrainingEvent.Started.class, name);
        // The official test part is kept; the sample's validation share is taken out of the official training part.
        Split split = sample.dataset().split();
        int validation = (int) Math.round(sizes.train() * split.validation() / split.sum());
        assertThat(validation).as(name + " validates on some examples").isPositive();
        assertThat(started.trainExamples()).as(name + " training examples").isEqualTo(sizes.train() - validation);
        assertThat(started.validationExamples()).as(name + " validation examples").isEqualTo(validation);
        assertThat(started.testExamples()).as(name + " test examples").isEqualTo(sizes.test());
        assertThat(started.epochs()).isEqualTo(1);
        assertThat(started.batchSize()).as(name + " keeps its batch size").isEqualTo(sample.training().batchSize());

        TrainingEvent.Epoch epoch = only(events, TrainingEvent.Epoch.class, name);
        assertThat(epoch.epoch()).isEqualTo(1);
        assertThat(epoch.trainLoss()).as(name + " training loss").isFinite().isPositive();
        assertThat(epoch.validationLoss()).as(name + " validation loss").isFinite().isPositive();
        assertThat(r.finished().epochsCompleted()).isEqualTo(1);
        assertThat(r.finished().testLoss()).as(name + " test loss").isFinite().isPositive();
        if (id.equals(DatasetCatalog.CIFAR10)) {
            assertThat(cacheRoot.resolve(DatasetLoader.cacheName(id)).resolve(DatasetLoader.CIFAR_FOLDER)
                    .resolve(Cifar10Reader.TEST_FILE)).as("the stand-in archive was unpacked").isRegularFile();
        } else {
            assertThat(DatasetLoader.isAvailable(id, data)).as(id + " found in the stand-in cache").isTrue();
        }
        try (Stream<Path> entries = Files.list(cacheRoot)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList())
                    .as("only the stand-in's folder is in the cache").containsExactly(DatasetLoader.cacheName(id));
        }
    }

    private static NetworkDocument oneEpoch(NetworkDocument doc) {
        return doc.withTraining(doc.training().withEpochs(1));
    }

    private static DataContext offlineAt(Path root) {
        return new DataContext(new DatasetCache(root), null, false, null, null);
    }

    private static <T extends TrainingEvent> T only(List<TrainingEvent> events, Class<T> type, String name) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as("%s events of %s", type.getSimpleName(), name).hasSize(1);
        return found.get(0);
    }
}
