package org.layercanvas.runtime.platform;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file by writing a temporary file beside it and moving that over it: a reader sees the old file or the
 * new one, never half of one, and a full disk or a failed writer leaves the old file as it was. The move is atomic
 * where the file system can do it.
 */
public final class FileReplace {
    /** Writes the content into the given (temporary) file. */
    @FunctionalInterface
    public interface Writer<E extends Exception> {
        void write(Path file) throws IOException, E;
    }

    private FileReplace() {
    }

    public static <E extends Exception> void replace(Path target, Writer<E> writer) throws IOException, E {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            writer.write(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
