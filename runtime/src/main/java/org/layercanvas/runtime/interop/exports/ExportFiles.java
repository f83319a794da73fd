package org.layercanvas.runtime.interop.exports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.layercanvas.runtime.platform.FileReplace;

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
        FileReplace.<ExportException>replace(target, writer::write);
    }
}
