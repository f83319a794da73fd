package org.layercanvas.runtime.data;

import java.nio.file.Path;
import java.util.Objects;
import org.layercanvas.runtime.data.download.CancelToken;
import org.layercanvas.runtime.data.download.DatasetCache;
import org.layercanvas.runtime.data.download.ProgressListener;

/**
 * Where and how datasets are found: the download cache, the folder relative file paths start from, and whether a
 * missing download may be fetched now (with progress and cancel) or must be reported.
 *
 * @param cache         the dataset cache
 * @param baseFolder    folder that relative {@code path} options (CSV, image folders) are resolved against
 * @param allowDownload whether missing files are downloaded; otherwise their absence is an error that says which
 *                      files to fetch and where to put them
 * @param progress      told about downloads
 * @param cancel        stops a download
 */
public record DataContext(DatasetCache cache, Path baseFolder, boolean allowDownload, ProgressListener progress,
                          CancelToken cancel) {
    public DataContext {
        Objects.requireNonNull(cache, "cache");
        baseFolder = baseFolder == null ? Path.of("").toAbsolutePath() : baseFolder.toAbsolutePath();
        progress = progress == null ? ProgressListener.NONE : progress;
        cancel = cancel == null ? CancelToken.none() : cancel;
    }

    /** The standard cache, paths relative to the working folder, no downloading. */
    public static DataContext offline() {
        return new DataContext(DatasetCache.standard(), null, false, null, null);
    }

    public DataContext withDownloads(ProgressListener listener, CancelToken token) {
        return new DataContext(cache, baseFolder, true, listener, token);
    }

    public DataContext withBaseFolder(Path folder) {
        return new DataContext(cache, folder, allowDownload, progress, cancel);
    }

    /** {@code path} resolved against {@link #baseFolder()} when relative. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : baseFolder.resolve(p).normalize();
    }
}
