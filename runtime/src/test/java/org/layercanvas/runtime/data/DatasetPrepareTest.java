package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Split;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.download.DatasetCache;

/** {@link DatasetLoader#prepare}: every kind of dataset from files the test writes, offline. */
class DatasetPrepareTest {
    @TempDir
    Path dir;

    private DataContext offline() {
        return new DataContext(new DatasetCache(dir.resolve("cache")), dir, false, null, null);
    }

    /** {@code n} 28x28 images whose class c is a bright bar on rows 2c and 2c+1; labels cycle through 0..9. */
    static byte[][] barImages(int n) throws IOException {
        ByteArrayOutputStream img = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(img);
        out.writeInt(IdxReader.IMAGES_MAGIC);
        out.writeInt(n);
        out.writeInt(28);
        out.writeInt(28);
        ByteArrayOutputStream lab = new ByteArrayOutputStream();
        DataOutputStream lout = new DataOutputStream(lab);
        lout.writeInt(IdxReader.LABELS_MAGIC);
        lout.writeInt(n);
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            lout.writeByte(c);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    out.writeByte(y / 2 == c + 2 ? 200 + (x + i) % 50 : (x * y + i) % 20);
                }
            }
        }
        return new byte[][] {img.toByteArray(), lab.toByteArray()};
    }

    /** Writes MNIST-format files (gzipped) for {@code train} and {@code test} bar images into {@code folder}. */
    static void writeMnist(Path folder, int train, int test) throws IOException {
        Files.createDirectories(folder);
        byte[][] tr = barImages(train);
        byte[][] te = barImages(test);
        IdxReaderTest.gzip(folder.resolve("train-images-idx3-ubyte.gz"), tr[0]);
        IdxReaderTest.gzip(folder.resolve("train-labels-idx1-ubyte.gz"), tr[1]);
        IdxReaderTest.gzip(folder.resolve("t10k-images-idx3-ubyte.gz"), te[0]);
        IdxReaderTest.gzip(folder.resolve("t10k-labels-idx1-ubyte.gz"), te[1]);
    }

    @Test
    void mnistFilesPlacedByHandInTheCacheAreUsedWithTheOfficialTestPart() throws Exception {
        writeMnist(dir.resolve("cache/mnist"), 200, 50);
        DatasetSpec spec = new DatasetSpec("mnist", Map.of(), new Split(0.9, 0.1, 0.0), 3);

        PreparedData data = DatasetLoader.prepare(spec, TensorShape.image(28, 28, 1), offline());

        assertThat(data.train().size()).isEqualTo(180);
        assertThat(data.validation().size()).isEqualTo(20);
        assertThat(data.test().size()).isEqualTo(50);
        assertThat(data.classNames()).hasSize(10).startsWith("0", "1");
        assertThat(data.shapes()).containsExactly(TensorShape.image(28, 28, 1), TensorShape.vector(784));
        assertThat(data.feeds(TensorShape.vector(784))).isTrue();
        assertThat(data.feeds(TensorShape.vector(64))).isFalse();
        float[] x = new float[784];
        data.test().features(3, x, 0);
        for (float v : x) {
            assertThat(v).isBetween(0f, 1f);
        }
        assertThat(data.test().label(3)).isEqualTo(3);
    }

    @Test
    void fashionMnistHasItsClassNames() throws Exception {
        writeMnist(dir.resolve("cache/fashion-mnist"), 20, 10);

        PreparedData data = DatasetLoader.prepare(new DatasetSpec("fashion-mnist", Map.of(), Split.DEFAULT, 1), null,
                offline());

        assertThat(data.classNames()).contains("Sneaker", "Ankle boot");
    }

    @Test
    void missingDownloadOfflineSaysWhichFilesToFetchAndWhere() {
        DatasetSpec spec = new DatasetSpec("mnist", Map.of(), Split.DEFAULT, 1);

        assertThatThrownBy(() -> DatasetLoader.prepare(spec, null, offline()))
                .isInstanceOf(DatasetException.class)
                .message()
                .contains(dir.resolve("cache").resolve("mnist").toString())
                .contains("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                        "t10k-labels-idx1-ubyte.gz")
                .contains("http");
        assertThat(DatasetLoader.isAvailable("mnist", offline())).isFalse();
    }

    static void tarGz(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream f = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(f))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
    }

    @Test
    void cifarArchiveIsUnpackedOnceAndRead() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cache/cifar-10"));
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int b = 1; b <= 5; b++) {
            entries.put("cifar-10-batches-bin/data_batch_" + b + ".bin", Cifar10ReaderTest.batch(b * 10, 0, 1, 2, 3));
        }
        entries.put("cifar-10-batches-bin/test_batch.bin", Cifar10ReaderTest.batch(0, 4, 5, 6));
        entries.put("cifar-10-batches-bin/batches.meta.txt",
                "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n".getBytes(
                        StandardCharsets.US_ASCII));
        tarGz(folder.resolve("cifar-10-binary.tar.gz"), entries);
        DatasetSpec spec = new DatasetSpec("cifar10", Map.of(), new Split(0.8, 0.2, 0), 1);

        PreparedData data = DatasetLoader.prepare(spec, TensorShape.image(32, 32, 3), offline());

        assertThat(data.train().size() + data.validation().size()).isEqualTo(20);
        assertThat(data.validation().size()).isEqualTo(4);
        assertThat(data.test().size()).isEqualTo(3);
        assertThat(data.classNames()).contains("truck");
        assertThat(folder.resolve(DatasetLoader.CIFAR_FOLDER).resolve("test_batch.bin")).isRegularFile();
        assertThat(DatasetLoader.isAvailable("cifar10", offline())).isTrue();
    }

    @Test
    void damagedCifarArchiveIsReportedAndLeavesNoHalfFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cache/cifar-10"));
        Files.write(folder.resolve("cifar-10-binary.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});

        assertThatThrownBy(() -> DatasetLoader.prepare(new DatasetSpec("cifar10", Map.of(), Split.DEFAULT, 1), null,
                offline())).isInstanceOf(DatasetException.class).hasMessageContaining("cifar-10-binary.tar.gz");
        try (Stream<Path> s = Files.list(folder)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("cifar-10-binary.tar.gz");
        }
    }

    @Test
    void imdbArchiveGivesOfficialPartsAndATrainingVocabulary() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cache/imdb"));
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            entries.put("aclImdb/train/pos/" + i + "_9.txt", ("a wonderful film, truly great " + i).getBytes());
            entries.put("aclImdb/train/neg/" + i + "_2.txt", ("an awful film.<br /><br />truly dull " + i).getBytes());
            entries.put("aclImdb/train/unsup/" + i + "_0.txt", "unlabelled".getBytes());
        }
        entries.put("aclImdb/test/pos/0_10.txt", "great great zebra".getBytes());
        entries.put("aclImdb/test/neg/0_1.txt", "dull".getBytes());
        tarGz(folder.resolve("aclImdb_v1.tar.gz"), entries);
        DatasetSpec spec = new DatasetSpec("imdb", Map.of("length", 6, "vocab", 50), new Split(0.8, 0.2, 0), 1);

        PreparedData data = DatasetLoader.prepare(spec, TensorShape.tokens(6, 50), offline());

        assertThat(data.train().size()).isEqualTo(16);
        assertThat(data.validation().size()).isEqualTo(4);
        assertThat(data.test().size()).isEqualTo(2);
        assertThat(data.shapes()).containsExactly(TensorShape.tokens(6, 50));
        assertThat(data.vocabulary()).startsWith(TextDatasets.PAD, TextDatasets.UNKNOWN)
                .contains("wonderful", "dull").doesNotContain("zebra", "unlabelled", "br");
        float[] row = new float[6];
        int positive = data.test().label(0) == 1 ? 0 : 1;
        data.test().features(positive, row, 0);
        int great = data.vocabulary().indexOf("great");
        // "great great zebra": padded at the front, zebra is unknown (1)
        assertThat(row).containsExactly(0, 0, 0, great, great, 1);

        // The encoded reviews are kept next to the archive; a second load reads them instead and gives the same.
        Path encoded = folder.resolve("aclImdb-encoded-L6-V50.bin");
        assertThat(encoded).isRegularFile();
        PreparedData again = DatasetLoader.prepare(spec, TensorShape.tokens(6, 50), offline());
        assertThat(again.vocabulary()).isEqualTo(data.vocabulary());
        float[] row2 = new float[6];
        again.test().features(positive, row2, 0);
        assertThat(row2).containsExactly(row);
        assertThat(again.train().size()).isEqualTo(16);
        Files.write(encoded, new byte[] {1, 2, 3}); // damaged: encoded again from the archive
        Files.setLastModifiedTime(encoded, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                + 10_000));
        assertThat(DatasetLoader.prepare(spec, TensorShape.tokens(6, 50), offline()).vocabulary())
                .isEqualTo(data.vocabulary());
    }

    @Test
    void bundledSentimentInBothLanguages() throws Exception {
        for (String language : List.of("en", "zh")) {
            DatasetSpec spec = new DatasetSpec("sentiment", Map.of("language", language, "length", 20, "vocab", 500),
                    new Split(0.7, 0.1, 0.2), 5);

            PreparedData data = DatasetLoader.prepare(spec, TensorShape.tokens(20, 500), offline());

            assertThat(data.train().size() + data.validation().size() + data.test().size()).isEqualTo(600);
            assertThat(data.test().size()).isEqualTo(120);
            assertThat(data.classNames()).containsExactly("negative", "positive");
            assertThat(data.vocabulary()).hasSizeLessThanOrEqualTo(500).hasSizeGreaterThan(100);
            int[] counts = new int[2];
            for (int i = 0; i < data.train().size(); i++) {
                counts[data.train().label(i)]++;
            }
            assertThat(counts[0]).isBetween(170, 250);
        }
    }

    @Test
    void chineseIsTokenisedByCharacterAndEnglishByWord() {
        assertThat(TextDatasets.tokens("这部电影不好看。")).containsExactly("这", "部", "电", "影", "不", "好", "看");
        assertThat(TextDatasets.tokens("It's NOT bad, at all!")).containsExactly("it's", "not", "bad", "at", "all");
        assertThat(TextDatasets.tokens("手机 battery很好")).containsExactly("手", "机", "battery", "很", "好");
    }

    @Test
    void csvIsNormalisedWithTrainingStatisticsOnly() throws Exception {
        StringBuilder csv = new StringBuilder("a;b;kind\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i).append(';').append(i % 7).append(';').append(i % 2 == 0 ? "cat" : "dog").append('\n');
        }
        Files.writeString(dir.resolve("pets.csv"), csv);
        DatasetSpec spec = new DatasetSpec("csv", Map.of("path", "pets.csv", "label", "kind", "normalize",
                "minmax"), new Split(0.5, 0.0, 0.5), 9);

        PreparedData data = DatasetLoader.prepare(spec, null, offline());

        assertThat(data.classNames()).containsExactly("cat", "dog");
        assertThat(data.shapes()).containsExactly(TensorShape.vector(2));
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        float[] row = new float[2];
        for (int i = 0; i < data.train().size(); i++) {
            data.train().features(i, row, 0);
            lo = Math.min(lo, row[0]);
            hi = Math.max(hi, row[0]);
        }
        assertThat(lo).isEqualTo(0f);
        assertThat(hi).isEqualTo(1f);
        boolean outside = false;
        for (int i = 0; i < data.test().size(); i++) {
            data.test().features(i, row, 0);
            outside |= row[0] < 0 || row[0] > 1;
        }
        assertThat(outside).as("test values are scaled with the training range, so some fall outside [0, 1]")
                .isTrue();
    }

    @Test
    void csvWithoutPathSaysSo() {
        assertThatThrownBy(() -> DatasetLoader.prepare(new DatasetSpec("csv", Map.of(), Split.DEFAULT, 1), null,
                offline())).isInstanceOf(DatasetException.class).hasMessageContaining("path");
    }

    @Test
    void imageFolderIsResizedToTheInputShape() throws Exception {
        for (String cls : List.of("red", "blue")) {
            Path folder = Files.createDirectories(dir.resolve("pics").resolve(cls));
            for (int i = 0; i < 5; i++) {
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 30,
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = img.createGraphics();
                g.setColor(cls.equals("red") ? java.awt.Color.RED : java.awt.Color.BLUE);
                g.fillRect(0, 0, 40, 30);
                g.dispose();
                javax.imageio.ImageIO.write(img, "png", folder.resolve(i + ".png").toFile());
            }
        }
        Files.writeString(dir.resolve("pics/red/broken.png"), "not an image");
        DatasetSpec spec = new DatasetSpec("images", Map.of("path", "pics"), new Split(0.6, 0.2, 0.2), 1);

        PreparedData data = DatasetLoader.prepare(spec, TensorShape.image(8, 8, 3), offline());

        assertThat(data.train().size() + data.validation().size() + data.test().size()).isEqualTo(10);
        assertThat(data.shapes().get(0)).isEqualTo(TensorShape.image(8, 8, 3));
        assertThat(data.findings()).anyMatch(f -> f.message(java.util.Locale.ENGLISH).contains("1"));
        assertThat(data.classNames()).containsExactlyInAnyOrder("red", "blue");
    }

    @Test
    void regressionToysCarryTargets() throws Exception {
        PreparedData data = DatasetLoader.prepare(new DatasetSpec("sine", Map.of("noise", 0.0), Split.DEFAULT, 2),
                null, offline());

        assertThat(data.regression()).isTrue();
        assertThat(data.classNames()).isEmpty();
        float[] x = new float[1];
        data.train().features(0, x, 0);
        assertThat((double) data.train().target(0)).isCloseTo(Math.sin(x[0]), org.assertj.core.data.Offset.offset(1e-6));
    }
}
