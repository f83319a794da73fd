package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files of MNIST and Fashion-MNIST, generated small. */
class IdxReaderTest {
    @TempDir
    Path dir;

    static byte[] images(int n, int rows, int cols) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.IMAGES_MAGIC);
        out.writeInt(n);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < n * rows * cols; i++) {
            out.writeByte(i * 7 + 3);
        }
        return bytes.toByteArray();
    }

    static byte[] labels(int... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.LABELS_MAGIC);
        out.writeInt(values.length);
        for (int v : values) {
            out.writeByte(v);
        }
        return bytes.toByteArray();
    }

    static void gzip(Path file, byte[] data) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(data);
        }
    }

    @Test
    void readsImagesAndLabels() throws Exception {
        Path im = Files.write(dir.resolve("im"), images(3, 2, 4));
        Path lb = Files.write(dir.resolve("lb"), labels(5, 0, 9));
        ByteImages set = IdxReader.read(im, lb, ImageDatasets.DIGIT_NAMES);
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.height()).isEqualTo(2);
        assertThat(set.width()).isEqualTo(4);
        assertThat(set.channels()).isEqualTo(1);
        assertThat(set.labels()).containsExactly(5, 0, 9);
        // image 1, row 1, column 2 is byte number 8 + 4 + 2 = 14
        assertThat(set.pixel(1, 1, 2, 0)).isEqualTo((14 * 7 + 3) & 0xFF);
    }

    @Test
    void readsGzip() throws Exception {
        gzip(dir.resolve("train-images-idx3-ubyte.gz"), images(4, 3, 3));
        gzip(dir.resolve("train-labels-idx1-ubyte.gz"), labels(1, 2, 3, 4));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images(2, 3, 3));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels(7, 8));
        SplitImages split = ImageDatasets.load(ImageDatasets.MNIST, dir);
        assertThat(split.train().size()).isEqualTo(4);
        assertThat(split.test().labels()).containsExactly(7, 8);
        assertThat(split.validation().size()).isZero();
        assertThat(split.train().pixel(0, 0, 1, 0)).isEqualTo(10);
        SplitImages official = SplitImages.official(split.train(), split.test(), 0.25, 1);
        assertThat(official.validation().size()).isEqualTo(1);
        assertThat(official.train().size()).isEqualTo(3);
    }

    @Test
    void wrongMagicNamesFileAndNumbers() throws Exception {
        Path lb = Files.write(dir.resolve("labels.idx"), labels(1, 2));
        assertThatThrownBy(() -> IdxReader.readImages(lb))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("labels.idx").hasMessageContaining("0x00000801")
                .hasMessageContaining("0x00000803");
    }

    @Test
    void truncatedFileSaysHowMuchIsMissing() throws Exception {
        byte[] full = images(3, 2, 2);
        Path im = Files.write(dir.resolve("short.idx"), Arrays.copyOf(full, full.length - 5));
        assertThatThrownBy(() -> IdxReader.readImages(im))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("short.idx").hasMessageContaining("truncated")
                .hasMessageContaining(Integer.toString(full.length))
                .hasMessageContaining(Integer.toString(full.length - 5));
        Path header = Files.write(dir.resolve("header.idx"), Arrays.copyOf(full, 6));
        assertThatThrownBy(() -> IdxReader.readImages(header)).hasMessageContaining("header.idx")
                .hasMessageContaining("header");
    }

    @Test
    void truncatedGzip() throws Exception {
        Path gz = dir.resolve("cut.gz");
        gzip(gz, images(50, 8, 8));
        byte[] all = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(gz))
                .isInstanceOf(DatasetException.class).hasMessageContaining("cut.gz");
    }

    @Test
    void countMismatch() throws Exception {
        Path im = Files.write(dir.resolve("im"), images(3, 2, 2));
        Path lb = Files.write(dir.resolve("lb"), labels(1, 2));
        assertThatThrownBy(() -> IdxReader.read(im, lb, ImageDatasets.DIGIT_NAMES))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("im").hasMessageContaining("3 images")
                .hasMessageContaining("2 labels");
    }

    @Test
    void labelOutOfRangeAndTrailingBytes() throws Exception {
        Path im = Files.write(dir.resolve("im"), images(1, 2, 2));
        Path lb = Files.write(dir.resolve("lb"), labels(12));
        assertThatThrownBy(() -> IdxReader.read(im, lb, ImageDatasets.DIGIT_NAMES)).hasMessageContaining("12");
        byte[] extra = Arrays.copyOf(images(1, 2, 2), 16 + 4 + 3);
        Path im2 = Files.write(dir.resolve("long"), extra);
        assertThatThrownBy(() -> IdxReader.readImages(im2)).hasMessageContaining("long")
                .hasMessageContaining("more data");
    }

    @Test
    void missingFilesAreListed() throws Exception {
        Files.write(dir.resolve("train-images-idx3-ubyte"), images(1, 2, 2));
        assertThatThrownBy(() -> ImageDatasets.load(ImageDatasets.FASHION_MNIST, dir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("train-labels-idx1-ubyte").hasMessageContaining("t10k-images-idx3-ubyte")
                .hasMessageNotContaining("train-images");
    }
}
