package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder per class, with a corrupt file among the images. */
class ImageFolderImporterTest {
    @TempDir
    Path dir;

    private static void image(Path file, String format, int w, int h, Color color) throws Exception {
        BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = im.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        assertThat(ImageIO.write(im, format, file.toFile())).isTrue();
    }

    private void makeFolder() throws Exception {
        Path cats = Files.createDirectories(dir.resolve("cats"));
        Path dogs = Files.createDirectories(dir.resolve("dogs"));
        image(cats.resolve("a.png"), "png", 40, 30, Color.RED);
        image(cats.resolve("b.bmp"), "bmp", 8, 8, Color.RED);
        image(dogs.resolve("c.jpg"), "jpg", 100, 80, Color.BLUE);
        image(dogs.resolve("d.gif"), "gif", 16, 16, Color.BLUE);
        Files.write(dogs.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5});
        Files.writeString(dogs.resolve("notes.txt"), "hello");
        Files.writeString(dogs.resolve(".DS_Store"), "x");
    }

    @Test
    void rgbImportResizesAndSkipsCorruptFiles() throws Exception {
        makeFolder();
        ImageFolderImporter.Result r = ImageFolderImporter.load(dir, 12, 10, 3);
        ByteImages im = r.images();
        assertThat(im.classNames()).containsExactly("cats", "dogs");
        assertThat(im.size()).isEqualTo(4);
        assertThat(im.labels()).containsExactly(0, 0, 1, 1);
        assertThat(im.height()).isEqualTo(12);
        assertThat(im.width()).isEqualTo(10);
        assertThat(im.channels()).isEqualTo(3);
        assertThat(im.storage()).hasSize(4 * 12 * 10 * 3);
        assertThat(im.pixel(0, 5, 5, 0)).isEqualTo(255);
        assertThat(im.pixel(0, 5, 5, 2)).isEqualTo(0);
        assertThat(im.pixel(2, 6, 4, 2)).isGreaterThan(240); // JPEG blue, lossy
        assertThat(im.pixel(2, 6, 4, 0)).isLessThan(15);
        assertThat(r.skipped()).extracting(s -> s.file().getFileName().toString())
                .containsExactlyInAnyOrder("broken.png", "notes.txt");
        assertThat(r.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
        assertThat(r.findings()).extracting(Finding::code).contains("images.skipped");
    }

    @Test
    void grayscale() throws Exception {
        makeFolder();
        ByteImages im = ImageFolderImporter.load(dir, 28, 28, 1).images();
        assertThat(im.channels()).isEqualTo(1);
        assertThat(im.imageSize()).isEqualTo(784);
        assertThat(im.pixel(0, 10, 10, 0)).isEqualTo(76); // 0.299 * 255
    }

    @Test
    void folderWithoutClassFolders() throws Exception {
        image(dir.resolve("x.png"), "png", 4, 4, Color.RED);
        assertThatThrownBy(() -> ImageFolderImporter.load(dir, 8, 8, 1))
                .isInstanceOf(DatasetException.class).hasMessageContaining("sub-folder");
    }
}
