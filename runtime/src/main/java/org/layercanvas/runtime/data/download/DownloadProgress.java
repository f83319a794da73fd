package org.layercanvas.runtime.data.download;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a running download.
 *
 * @param file           the file being downloaded
 * @param url            the address it comes from
 * @param bytes          bytes received so far
 * @param total          the expected length, or {@code -1} when the server does not say and it is not known
 * @param bytesPerSecond average speed since this attempt started
 */
public record DownloadProgress(String file, URI url, long bytes, long total, double bytesPerSecond) {
    public boolean totalKnown() {
        return total >= 0;
    }

    /** Fraction done in [0, 1], or empty when the total is unknown. */
    public Optional<Double> fraction() {
        if (total <= 0) {
            return total == 0 ? Optional.of(1.0) : Optional.empty();
        }
        return Optional.of(Math.min(1.0, bytes / (double) total));
    }

    /** Estimated time left, or empty when the total or the speed is unknown. */
    public Optional<Duration> eta() {
        if (total < 0 || bytesPerSecond <= 0) {
            return Optional.empty();
        }
        double seconds = Math.max(0, total - bytes) / bytesPerSecond;
        return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
    }
}
