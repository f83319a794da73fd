package org.layercanvas.runtime.interop.exports;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes an export into a temporary file beside the target, then moves it over: never a half-written export. */
final class ExportFiles {
    /** Writes the content of an export into the given (temporary) file. */
    @FunctionalInterface
    interface Writer {
        void write(Path file) throws IOException, ExportException;
    }

    private ExportFiles() {
    }

    static void write(Path target, byte[] content) throws IOException, ExportException {
        write(target, file -> Files.write(file, content));
    }

    static void write(Path target, Writer writer) throws IOException, ExportException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
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
