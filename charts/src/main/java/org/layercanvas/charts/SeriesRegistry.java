package org.layercanvas.charts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chart's series by key, in the order they were added. Any thread: written by whoever adds series, read by the
 * frame on the FX thread, which only takes a copy when {@link #version()} moved.
 */
final class SeriesRegistry {
    /** Guarded by itself. */
    private final Map<String, SeriesHandle> handles = new LinkedHashMap<>();
    private volatile long version;

    /** A copy of the series and the version it belongs to. */
    record Snapshot(long version, List<SeriesHandle> handles) {
    }

    SeriesHandle add(SeriesHandle handle) {
        synchronized (handles) {
            handles.remove(handle.key());
            handles.put(handle.key(), handle);
            version++;
        }
        return handle;
    }

    SeriesHandle get(String key) {
        synchronized (handles) {
            return handles.get(key);
        }
    }

    List<SeriesHandle> list() {
        synchronized (handles) {
            return List.copyOf(handles.values());
        }
    }

    boolean remove(String key) {
        synchronized (handles) {
            boolean removed = handles.remove(key) != null;
            if (removed) {
                version++;
            }
            return removed;
        }
    }

    void removeRun(String runId) {
        synchronized (handles) {
            if (handles.values().removeIf(h -> Objects.equals(h.runId(), runId))) {
                version++;
            }
        }
    }

    void clear() {
        synchronized (handles) {
            handles.clear();
            version++;
        }
    }

    /** Changes whenever a series is added or removed; cheap to read without the lock. */
    long version() {
        return version;
    }

    Snapshot snapshot() {
        synchronized (handles) {
            return new Snapshot(version, List.copyOf(handles.values()));
        }
    }
}
