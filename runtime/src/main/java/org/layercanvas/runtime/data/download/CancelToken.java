package org.layercanvas.runtime.data.download;

import java.util.concurrent.atomic.AtomicBoolean;

/** Asks a running download to stop; may be set from any thread. Checked between chunks. */
public final class CancelToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A token that is never cancelled (a fresh one each time, so nobody can cancel it). */
    public static CancelToken none() {
        return new CancelToken();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
