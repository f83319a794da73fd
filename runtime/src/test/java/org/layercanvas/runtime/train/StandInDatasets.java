package org.layercanvas.runtime.train;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.runtime.data.Cifar10Reader;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.download.DatasetCache;
import org.layercanvas.runtime.data.download.DatasetFiles;

/**
 * Writes small stand-ins for the downloaded datasets into a {@link DatasetCache}, in the on-disk form a download
 * leaves there, so the runtime's loader reads them exactly as it would read the real files. Pixels are seeded random
 * bytes; labels cycle through all ten classes and are then shuffled with the same seed.
 *
 * <ul>
 *   <li><b>MNIST, Fashion-MNIST</b>: the four files the publishers serve, in {@code <cache>/mnist} or
 *   {@code <cache>/fashion-mnist}, named as {@link DatasetFiles} names them ({@code train-images-idx3-ubyte.gz},
 *   {@code train-labels-idx1-ubyte.gz}, {@code t10k-images-idx3-ubyte.gz}, {@code t10k-labels-idx1-ubyte.gz}),
 *   gzip-compressed. Each is an IDX file, big-endian: images are magic {@code 0x00000803}, count, rows (28),
 *   columns (28), then one unsigned byte per pixel row by row; labels are magic {@code 0x00000801}, count, then one
 *   unsigned byte per label.</li>
 *   <li><b>CIFAR-10</b>: the archive the publisher serves, {@code <cache>/cifar-10/cifar-10-binary.tar.gz}, a
 *   gzipped tar whose folder {@code cifar-10-batches-bin/} holds {@code data_batch_1.bin} to {@code data_batch_5.bin},
 *   {@code test_batch.bin} and {@code batches.meta.txt} (the ten class names, one a line). Each {@code .bin} file is
 *   a run of 3073-byte records: one label byte, then the 32x32 red plane, the green plane and the blue plane (1024
 *   bytes each, row by row). The loader unpacks the archive itself, as after a download.</li>
 * </ul>
 *
 * No checksum or marker file is written: the loader takes files already in the cache as they are (files may be put
 * there by hand; only the downloader checks sizes and SHA-256, and it is never reached here).
 */
public final class StandInDatasets {
    static final int MNIST_SIDE = 28;
    static final int CLASSES = 10;

    /** How many examples a stand-in has in the official training and test parts. */
    public record Sizes(int train, int test) {
    }

    private StandInDatasets() {
    }

    /**
     * Writes the stand-in of downloaded dataset {@code id} into {@code cache}: {@code train} training examples
     * (for CIFAR-10 spread over the five batch files) and {@code test} test examples.
     *
     * @throws IllegalArgumentException for a downloaded dataset that has no stand-in writer yet
     */
    public static Sizes write(String id, DatasetCache cache, int train, int test, long seed) throws IOException {
        Path folder = cache.folderFor(DatasetLoader.cacheName(id));
        Files.createDirectories(folder);
        Random random = new Random(seed);
        switch (id) {
            case DatasetCatalog.MNIST, DatasetCatalog.FASHION_MNIST -> {
                boolean fashion = id.equals(DatasetCatalog.FASHION_MNIST);
                writeIdx(folder, (fashion ? DatasetFiles.FASHION_TRAIN_IMAGES : DatasetFiles.MNIST_TRAIN_IMAGES).name(),
                        (fashion ? DatasetFiles.FASHION_TRAIN_LABELS : DatasetFiles.MNIST_TRAIN_LABELS).name(), train,
                        random);
                writeIdx(folder, (fashion ? DatasetFiles.FASHION_TEST_IMAGES : DatasetFiles.MNIST_TEST_IMAGES).name(),
                        (fashion ? DatasetFiles.FASHION_TEST_LABELS : DatasetFiles.MNIST_TEST_LABELS).name(), test,
                        random);
            }
            case DatasetCatalog.CIFAR10 -> writeCifarArchive(folder.resolve(DatasetFiles.CIFAR_10_BINARY.name()),
                    train, test, random);
            default -> throw new IllegalArgumentException("no stand-in for downloaded dataset " + id
                    + ": write one in StandInDatasets before adding a sample on it");
        }
        return new Sizes(train, test);
    }

    /** Labels 0..9 repeated to {@code n} and shuffled, so every class occurs when n >= 10. */
    static byte[] labels(int n, Random random) {
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (i % CLASSES);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            byte t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        return y;
    }

    private static void writeIdx(Path folder, String imagesName, String labelsName, int n, Random random)
            throws IOException {
        byte[] pixels = new byte[n * MNIST_SIDE * MNIST_SIDE];
        random.nextBytes(pixels);
        try (DataOutputStream out = gzip(folder.resolve(imagesName))) {
            out.writeInt(0x00000803);
            out.writeInt(n);
            out.writeInt(MNIST_SIDE);
            out.writeInt(MNIST_SIDE);
            out.write(pixels);
        }
        try (DataOutputStream out = gzip(folder.resolve(labelsName))) {
            out.writeInt(0x00000801);
            out.writeInt(n);
            out.write(labels(n, random));
        }
    }

    private static DataOutputStream gzip(Path file) throws IOException {
        return new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)));
    }

    private static void writeCifarArchive(Path archive, int train, int test, Random random) throws IOException {
        List<String> batches = Cifar10Reader.TRAIN_FILES;
        try (OutputStream file = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
            String dir = DatasetLoader.CIFAR_FOLDER + "/";
            tar.putArchiveEntry(new TarArchiveEntry(dir));
            tar.closeArchiveEntry();
            entry(tar, dir + Cifar10Reader.META_FILE,
                    (String.join("\n", Cifar10Reader.DEFAULT_CLASS_NAMES) + "\n\n").getBytes(StandardCharsets.UTF_8));
            byte[] trainLabels = labels(train, random);
            int from = 0;
            for (int b = 0; b < batches.size(); b++) {
                int to = (int) ((long) train * (b + 1) / batches.size());
                byte[] part = java.util.Arrays.copyOfRange(trainLabels, from, to);
                entry(tar, dir + batches.get(b), cifarRecords(part, random));
                from = to;
            }
            entry(tar, dir + Cifar10Reader.TEST_FILE, cifarRecords(labels(test, random), random));
        }
    }

    /** One 3073-byte record per label: the label byte, then red, green and blue 32x32 planes of random bytes. */
    static byte[] cifarRecords(byte[] labels, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(labels.length * Cifar10Reader.RECORD_BYTES);
        byte[] planes = new byte[Cifar10Reader.IMAGE_BYTES];
        for (byte label : labels) {
            out.write(label);
            random.nextBytes(planes);
            out.writeBytes(planes);
        }
        return out.toByteArray();
    }

    private static void entry(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
