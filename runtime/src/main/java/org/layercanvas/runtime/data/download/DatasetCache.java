package org.layercanvas.runtime.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The folder where downloaded datasets are kept, one sub-folder per dataset. By default the operating system's
 * cache folder: {@code $XDG_CACHE_HOME/layercanvas} or {@code ~/.cache/layercanvas} on Linux and other Unixes,
 * {@code ~/Library/Caches/LayerCanvas} on macOS, {@code %LOCALAPPDATA%\LayerCanvas\cache} on Windows; the system
 * property {@value #PROPERTY} overrides it. Files may also be put there by hand.
 */
public final class DatasetCache {
    /** System property that names the cache folder instead of the OS default. */
    public static final String PROPERTY = "layercanvas.cache";
    /** Suffix of the file that records the SHA-256 seen when a file's hash was not known in advance. */
    public static final String HASH_SUFFIX = ".sha256";

    private final Path root;

    public DatasetCache(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The cache at the default place for this machine and user (see the class description). */
    public static DatasetCache standard() {
        return new DatasetCache(defaultRoot(System.getProperty(PROPERTY), System.getProperty("os.name", ""),
                System.getenv(), System.getProperty("user.home", ".")));
    }

    /** The default cache folder, computed from the given values so it can be tested on any OS. */
    static Path defaultRoot(String override, String osName, Map<String, String> env, String userHome) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("LayerCanvas").resolve("cache");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Caches").resolve("LayerCanvas");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        // The XDG spec says relative values are invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("layercanvas");
        }
        return home.resolve(".cache").resolve("layercanvas");
    }

    public Path root() {
        return root;
    }

    /** The folder of one dataset, e.g. {@code <cache>/mnist}. Not created. */
    public Path folderFor(String dataset) {
        Objects.requireNonNull(dataset, "dataset");
        if (dataset.isEmpty() || dataset.contains("/") || dataset.contains("\\") || dataset.startsWith(".")) {
            throw new IllegalArgumentException("not a plain dataset name: " + dataset);
        }
        return root.resolve(dataset);
    }

    /** Where {@code f} of {@code dataset} lives (whether or not it is there yet). */
    public Path fileFor(String dataset, DatasetFile f) {
        return folderFor(dataset).resolve(f.name());
    }

    /**
     * Whether {@code f} is already in the cache and usable: present, of the known size (if known) and with the known
     * SHA-256 (if known). A file whose hash is unknown is taken as it is.
     */
    public boolean isPresent(String dataset, DatasetFile f) throws IOException {
        Path p = fileFor(dataset, f);
        if (!Files.isRegularFile(p)) {
            return false;
        }
        if (f.hasKnownSize() && Files.size(p) != f.size()) {
            return false;
        }
        return !f.hasKnownHash() || f.sha256().equals(sha256(p));
    }

    /** The SHA-256 of a file as lower-case hex. */
    public static String sha256(Path p) throws IOException {
        MessageDigest md = newSha256();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(p)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
