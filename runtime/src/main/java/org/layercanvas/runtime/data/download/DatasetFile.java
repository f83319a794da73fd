package org.layercanvas.runtime.data.download;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One file of a dataset as published on the web.
 *
 * @param name   the file name, also its name in the cache folder (no folder parts)
 * @param size   its length in bytes, or {@code -1} when not known for certain
 * @param sha256 its SHA-256 as 64 hex digits, or {@code null} when not known for certain: the downloader then
 *               accepts what it receives, records the hash it saw next to the file and warns
 * @param urls   where to get it: the canonical address first, then mirrors, tried in this order
 */
public record DatasetFile(String name, long size, String sha256, List<URI> urls) {
    public DatasetFile {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        if (size < -1) {
            throw new IllegalArgumentException("size must be -1 (unknown) or >= 0: " + size);
        }
        if (sha256 != null) {
            sha256 = sha256.toLowerCase(Locale.ROOT);
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a SHA-256 (64 hex digits): " + sha256);
            }
        }
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no URL for " + name);
        }
    }

    /** A file at {@code base + name} for each base (each ending in {@code /}), canonical base first. */
    public static DatasetFile at(String name, long size, String sha256, String... bases) {
        return new DatasetFile(name, size, sha256,
                java.util.Arrays.stream(bases).map(b -> URI.create(b + name)).toList());
    }

    public boolean hasKnownHash() {
        return sha256 != null;
    }

    public boolean hasKnownSize() {
        return size >= 0;
    }
}
