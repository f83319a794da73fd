package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10 binary batches, generated small with known pixels. */
class Cifar10ReaderTest {
    @TempDir
    Path dir;

    /** Pixel value of record r, channel ch (0 R, 1 G, 2 B), position p in the 32x32 plane. */
    static int value(int r, int ch, int p) {
        return (r * 31 + ch * 101 + p * 7) & 0xFF;
    }

    static byte[] batch(int first, int... labels) {
        byte[] out = new byte[labels.length * Cifar10Reader.RECORD_BYTES];
        for (int k = 0; k < labels.length; k++) {
            int o = k * Cifar10Reader.RECORD_BYTES;
            out[o] = (byte) labels[k];
            for (int ch = 0; ch < 3; ch++) {
                for (int p = 0; p < 1024; p++) {
                    out[o + 1 + ch * 1024 + p] = (byte) value(first + k, ch, p);
                }
            }
        }
        return out;
    }

    @Test
    void planesBecomeHwc() throws Exception {
        Path f = Files.write(dir.resolve("data_batch_1.bin"), batch(0, 3, 9, 0));
        ByteImages set = Cifar10Reader.read(List.of(f), Cifar10Reader.DEFAULT_CLASS_NAMES);
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.labels()).containsExactly(3, 9, 0);
        assertThat(set.height()).isEqualTo(32);
        assertThat(set.channels()).isEqualTo(3);
        for (int r = 0; r < 3; r++) {
            for (int y : new int[] {0, 5, 31}) {
                for (int x : new int[] {0, 17, 31}) {
                    for (int ch = 0; ch < 3; ch++) {
                        assertThat(set.pixel(r, y, x, ch)).isEqualTo(value(r, ch, y * 32 + x));
                    }
                }
            }
        }
        // the raw storage is HWC: byte 3 is pixel (0,1) red
        assertThat(set.storage()[3] & 0xFF).isEqualTo(value(0, 0, 1));
    }

    @Test
    void folderWithMetaNames() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("cifar-10-batches-bin"));
        for (int b = 1; b <= 5; b++) {
            Files.write(sub.resolve("data_batch_" + b + ".bin"), batch(b * 10, b, b + 1));
        }
        Files.write(sub.resolve("test_batch.bin"), batch(99, 4));
        Files.writeString(sub.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        SplitImages split = Cifar10Reader.readFolder(dir);
        assertThat(split.train().size()).isEqualTo(10);
        assertThat(split.train().labels()).containsExactly(1, 2, 2, 3, 3, 4, 4, 5, 5, 6);
        assertThat(split.train().pixel(2, 0, 0, 2)).isEqualTo(value(20, 2, 0));
        assertThat(split.test().classNames()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        assertThat(split.test().pixel(0, 1, 1, 1)).isEqualTo(value(99, 1, 33));
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] full = batch(0, 1, 2, 3);
        Path f = Files.write(dir.resolve("test_batch.bin"), Arrays.copyOf(full, full.length - 100));
        assertThatThrownBy(() -> Cifar10Reader.read(List.of(f), Cifar10Reader.DEFAULT_CLASS_NAMES))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("test_batch.bin").hasMessageContaining(Integer.toString(full.length - 100))
                .hasMessageContaining("3073");
    }

    @Test
    void missingFilesAndBadLabel() throws Exception {
        Files.write(dir.resolve("data_batch_1.bin"), batch(0, 12));
        assertThatThrownBy(() -> Cifar10Reader.readFolder(dir)).hasMessageContaining("data_batch_2.bin")
                .hasMessageContaining("test_batch.bin");
        assertThatThrownBy(() -> Cifar10Reader.read(List.of(dir.resolve("data_batch_1.bin")),
                Cifar10Reader.DEFAULT_CLASS_NAMES)).hasMessageContaining("label 12");
    }
}
