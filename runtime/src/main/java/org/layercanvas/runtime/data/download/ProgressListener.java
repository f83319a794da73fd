package org.layercanvas.runtime.data.download;

import java.net.URI;

/** Hears how a download goes. Called on the downloading thread; keep it quick. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> {
    };

    /** Called at most about ten times a second, and once more when the body is complete. */
    void progress(DownloadProgress progress);

    /** An attempt on {@code url} is about to start. */
    default void trying(URI url) {
    }

    /** The attempt on {@code url} failed; the next address (if any) will be tried. */
    default void failed(URI url, String reason) {
    }

    /** Something the user should know that does not stop the download (e.g. no checksum to verify against). */
    default void warning(String message) {
    }
}
