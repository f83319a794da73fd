package org.layercanvas.runtime.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST: unsigned-byte images (magic {@code 0x00000803}: count, rows,
 * columns, then the pixels row by row) and labels ({@code 0x00000801}: count, then one byte per label), big-endian,
 * plain or gzip-compressed ({@code .gz}). Pixels are read straight into one byte array, without float copies.
 */
public final class IdxReader {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    private static final int BUFFER = 1 << 16;

    private IdxReader() {
    }

    /** Pixels of an IDX image file, with its dimensions. */
    public record IdxImages(byte[] pixels, int count, int rows, int columns) {
    }

    /** Reads an image file and its label file into grayscale {@link ByteImages} (channels = 1). */
    public static ByteImages read(Path images, Path labels, List<String> classNames) throws DatasetException {
        IdxImages im = readImages(images);
        byte[] lb = readLabels(labels);
        if (lb.length != im.count()) {
            throw DataMessages.error("idx.countMismatch", images.getFileName(), im.count(), labels.getFileName(),
                    lb.length);
        }
        int[] y = new int[lb.length];
        for (int i = 0; i < lb.length; i++) {
            y[i] = lb[i] & 0xFF;
            if (y[i] >= classNames.size()) {
                throw DataMessages.error("idx.badLabel", labels.getFileName(), i, y[i], classNames.size());
            }
        }
        return new ByteImages(im.pixels(), y, classNames, im.rows(), im.columns(), 1);
    }

    public static IdxImages readImages(Path file) throws DatasetException {
        try (DataInputStream in = open(file)) {
            int magic = header(in, file);
            if (magic != IMAGES_MAGIC) {
                throw wrongMagic(file, magic, IMAGES_MAGIC);
            }
            int n = dim(in, file, "count");
            int rows = dim(in, file, "rows");
            int cols = dim(in, file, "columns");
            if (rows == 0 || cols == 0) {
                throw DataMessages.error("idx.badDimensions", file.getFileName(), n, rows, cols);
            }
            long total = (long) n * rows * cols;
            if (total > Integer.MAX_VALUE - 16) {
                throw DataMessages.error("idx.tooLarge", file.getFileName(), n, rows, cols);
            }
            byte[] pixels = body(in, file, (int) total, 16);
            return new IdxImages(pixels, n, rows, cols);
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    public static byte[] readLabels(Path file) throws DatasetException {
        try (DataInputStream in = open(file)) {
            int magic = header(in, file);
            if (magic != LABELS_MAGIC) {
                throw wrongMagic(file, magic, LABELS_MAGIC);
            }
            int n = dim(in, file, "count");
            return body(in, file, n, 8);
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        if (isGzip(file)) {
            raw = new GZIPInputStream(raw, BUFFER);
        }
        return new DataInputStream(raw);
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static int header(DataInputStream in, Path file) throws IOException, DatasetException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw DataMessages.error("idx.noHeader", file.getFileName());
        }
    }

    private static int dim(DataInputStream in, Path file, String what) throws IOException, DatasetException {
        int v;
        try {
            v = in.readInt();
        } catch (EOFException e) {
            throw DataMessages.error("idx.noHeader", file.getFileName());
        }
        if (v < 0) {
            throw DataMessages.error("idx.negativeDimension", file.getFileName(), what, v);
        }
        return v;
    }

    private static byte[] body(DataInputStream in, Path file, int length, int headerBytes)
            throws IOException, DatasetException {
        byte[] data = new byte[length];
        int got = in.readNBytes(data, 0, length);
        if (got < length) {
            throw DataMessages.error("idx.truncated", file.getFileName(), headerBytes + (long) length,
                    headerBytes + (long) got);
        }
        if (in.read() != -1) {
            throw DataMessages.error("idx.trailing", file.getFileName(), headerBytes + (long) length);
        }
        return data;
    }

    private static DatasetException wrongMagic(Path file, int magic, int expected) {
        String kind = expected == IMAGES_MAGIC ? "images" : "labels";
        return DataMessages.error("idx.wrongMagic", file.getFileName(), String.format("0x%08X", magic),
                String.format("0x%08X", expected), kind);
    }

    static DatasetException ioError(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return DataMessages.error(e, "file.missing", file);
        }
        if (e instanceof java.util.zip.ZipException) {
            return DataMessages.error(e, "file.badGzip", file.getFileName(), e.getMessage());
        }
        if (e instanceof EOFException) {
            return DataMessages.error(e, "file.truncatedGzip", file.getFileName());
        }
        return DataMessages.error(e, "file.unreadable", file, e.getMessage());
    }
}
