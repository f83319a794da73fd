package org.layercanvas.app.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentFormatException;
import org.layercanvas.model.io.DocumentJson;

/**
 * Crash recovery. While a window has unsaved changes its document is written (atomically) to
 * {@code recovery/<id>.lcnet} every few seconds, with {@code <id>.origin} naming the file it belongs to; a clean
 * close or a save deletes both. Whatever is left at the next start came from a crash and is offered back.
 */
public final class RecoveryStore {
    /** A document left behind by a session that did not end cleanly. */
    public record Entry(Path file, Path origin, FileTime written) {
    }

    private final Path dir;

    public RecoveryStore(Path dataDir) {
        this.dir = dataDir.resolve("recovery");
    }

    /** A fresh slot for one window. */
    public Slot newSlot() {
        return new Slot(dir.resolve(UUID.randomUUID() + DocumentJson.FILE_EXTENSION));
    }

    public List<Entry> leftovers() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + DocumentJson.FILE_EXTENSION)) {
            for (Path f : files) {
                Path originFile = originFile(f);
                Path origin = null;
                if (Files.isRegularFile(originFile)) {
                    String text = Files.readString(originFile, StandardCharsets.UTF_8).strip();
                    origin = text.isEmpty() ? null : Path.of(text);
                }
                entries.add(new Entry(f, origin, Files.getLastModifiedTime(f)));
            }
        }
        entries.sort(Comparator.comparing(Entry::written).reversed());
        return entries;
    }

    public NetworkDocument read(Entry entry) throws IOException, DocumentFormatException {
        return DocumentJson.read(entry.file());
    }

    public void discard(Entry entry) throws IOException {
        Files.deleteIfExists(entry.file());
        Files.deleteIfExists(originFile(entry.file()));
    }

    private static Path originFile(Path lcnet) {
        String name = lcnet.getFileName().toString();
        return lcnet.resolveSibling(name.substring(0, name.length() - DocumentJson.FILE_EXTENSION.length())
                + ".origin");
    }

    /** One window's recovery file. */
    public static final class Slot {
        private final Path file;

        Slot(Path file) {
            this.file = file;
        }

        public void write(NetworkDocument doc, Optional<Path> origin) throws IOException {
            Files.createDirectories(file.getParent());
            DocumentJson.writeAtomically(doc, file);
            Files.writeString(originFile(file), origin.map(Path::toString).orElse(""), StandardCharsets.UTF_8);
        }

        public void clear() throws IOException {
            Files.deleteIfExists(file);
            Files.deleteIfExists(originFile(file));
        }

        public Path file() {
            return file;
        }
    }
}
