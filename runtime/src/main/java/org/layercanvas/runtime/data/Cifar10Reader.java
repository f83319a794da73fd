package org.layercanvas.runtime.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the binary version of CIFAR-10: each record is one label byte followed by 3072 bytes, the 32x32 red plane,
 * then green, then blue. Records are converted to row-major HWC bytes while reading; no floats are made.
 */
public final class Cifar10Reader {
    public static final int SIDE = 32;
    public static final int CHANNELS = 3;
    public static final int IMAGE_BYTES = SIDE * SIDE * CHANNELS;
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_FILE = "test_batch.bin";
    public static final String META_FILE = "batches.meta.txt";
    public static final List<String> DEFAULT_CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer",
            "dog", "frog", "horse", "ship", "truck");

    private Cifar10Reader() {
    }

    /**
     * The official training part (data_batch_1..5) and test part (test_batch) of a folder holding the binary
     * files, or its {@code cifar-10-batches-bin} sub-folder as the archive unpacks.
     */
    public static SplitImages readFolder(Path folder) throws DatasetException {
        Path dir = folder;
        if (!Files.exists(dir.resolve(TEST_FILE)) && Files.isDirectory(dir.resolve("cifar-10-batches-bin"))) {
            dir = dir.resolve("cifar-10-batches-bin");
        }
        List<Path> train = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : TRAIN_FILES) {
            Path p = dir.resolve(name);
            train.add(p);
            if (!Files.isRegularFile(p)) {
                missing.add(name);
            }
        }
        if (!Files.isRegularFile(dir.resolve(TEST_FILE))) {
            missing.add(TEST_FILE);
        }
        if (!missing.isEmpty()) {
            throw DataMessages.error("cifar.missingFiles", dir, String.join(", ", missing));
        }
        List<String> names = classNames(dir.resolve(META_FILE));
        ByteImages trainImages = read(train, names);
        ByteImages testImages = read(List.of(dir.resolve(TEST_FILE)), names);
        return new SplitImages(trainImages, trainImages.subset(new int[0]), testImages);
    }

    /** Class names from {@code batches.meta.txt} (one per line), or the standard ten if the file is absent. */
    public static List<String> classNames(Path metaFile) throws DatasetException {
        if (!Files.isRegularFile(metaFile)) {
            return DEFAULT_CLASS_NAMES;
        }
        try {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(metaFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
            if (names.isEmpty()) {
                throw DataMessages.error("cifar.emptyMeta", metaFile.getFileName());
            }
            return names;
        } catch (IOException e) {
            throw IdxReader.ioError(metaFile, e);
        }
    }

    /** Reads and joins batch files into one set; sizes are checked before anything is allocated. */
    public static ByteImages read(List<Path> files, List<String> classNames) throws DatasetException {
        long records = 0;
        for (Path f : files) {
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                throw IdxReader.ioError(f, e);
            }
            if (size == 0 || size % RECORD_BYTES != 0) {
                throw DataMessages.error("cifar.badSize", f.getFileName(), size, RECORD_BYTES, size / RECORD_BYTES,
                        size % RECORD_BYTES);
            }
            records += size / RECORD_BYTES;
        }
        if (records * IMAGE_BYTES > Integer.MAX_VALUE - 16) {
            throw DataMessages.error("cifar.tooLarge", records);
        }
        int n = (int) records;
        byte[] pixels = new byte[n * IMAGE_BYTES];
        int[] labels = new int[n];
        byte[] record = new byte[RECORD_BYTES];
        int plane = SIDE * SIDE;
        int i = 0;
        for (Path f : files) {
            int inFile = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
                int got;
                while ((got = in.readNBytes(record, 0, RECORD_BYTES)) > 0) {
                    if (got < RECORD_BYTES || i >= n) {
                        throw DataMessages.error("cifar.changed", f.getFileName());
                    }
                    int label = record[0] & 0xFF;
                    if (label >= classNames.size()) {
                        throw DataMessages.error("cifar.badLabel", f.getFileName(), inFile, label,
                                classNames.size());
                    }
                    labels[i] = label;
                    int base = i * IMAGE_BYTES;
                    for (int p = 0; p < plane; p++) {
                        int o = base + p * CHANNELS;
                        pixels[o] = record[1 + p];
                        pixels[o + 1] = record[1 + plane + p];
                        pixels[o + 2] = record[1 + 2 * plane + p];
                    }
                    i++;
                    inFile++;
                }
            } catch (IOException e) {
                throw IdxReader.ioError(f, e);
            }
        }
        if (i != n) {
            throw DataMessages.error("cifar.changed", files.get(files.size() - 1).getFileName());
        }
        return new ByteImages(pixels, labels, classNames, SIDE, SIDE, CHANNELS);
    }
}
