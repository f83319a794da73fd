package org.layercanvas.runtime.platform;

import java.nio.file.Path;
import org.layercanvas.runtime.data.download.DatasetCache;

/**
 * Where JavaCPP unpacks the native libraries of ND4J, OpenBLAS and oneDNN: the LayerCanvas cache folder of the
 * user ({@code <cache>/native}, next to the downloaded datasets), never the installation folder (read-only for
 * normal users) and not JavaCPP's own {@code ~/.javacpp/cache} that other programs share. A value given with
 * {@code -Dorg.bytedeco.javacpp.cachedir} is kept.
 */
public final class NativeCache {
    /** JavaCPP's system property for its extraction folder. */
    public static final String PROPERTY = "org.bytedeco.javacpp.cachedir";

    private NativeCache() {
    }

    /** Sets JavaCPP's folder unless set already; call before anything loads ND4J. Returns the folder in use. */
    public static Path useStandardFolder() {
        String given = System.getProperty(PROPERTY);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path folder = DatasetCache.standard().root().resolve("native");
        System.setProperty(PROPERTY, folder.toString());
        return folder;
    }
}
