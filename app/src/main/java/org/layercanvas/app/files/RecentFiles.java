package org.layercanvas.app.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The most recently opened or saved files, newest first, kept in {@code recent.txt} of the data folder. */
public final class RecentFiles {
    private static final Logger LOG = LoggerFactory.getLogger(RecentFiles.class);
    private static final int MAX = 10;
    private final Path store;

    public RecentFiles(Path dataDir) {
        this.store = dataDir.resolve("recent.txt");
    }

    public List<Path> list() {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        try {
            return Files.readAllLines(store, StandardCharsets.UTF_8).stream()
                    .filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", store, e.getMessage(), e);
            return List.of();
        }
    }

    public void add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>(list());
        paths.remove(absolute);
        paths.add(0, absolute);
        while (paths.size() > MAX) {
            paths.remove(paths.size() - 1);
        }
        write(paths);
    }

    public void remove(Path file) {
        List<Path> paths = new ArrayList<>(list());
        if (paths.remove(file.toAbsolutePath().normalize())) {
            write(paths);
        }
    }

    private void write(List<Path> paths) {
        try {
            Files.createDirectories(store.getParent());
            Files.write(store, paths.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The list is a convenience; failing to keep it must not disturb the user's work.
            LOG.warn("cannot write {}: {}", store, e.getMessage(), e);
        }
    }
}
