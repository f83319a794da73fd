package org.layercanvas.runtime.data.download;

/** The user cancelled a download; nothing was left behind in the cache. */
public class CancelledException extends Exception {
    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
