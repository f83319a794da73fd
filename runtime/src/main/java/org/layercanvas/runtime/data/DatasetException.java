package org.layercanvas.runtime.data;

/** A dataset could not be loaded; the message says which and why, for the user. */
public class DatasetException extends Exception {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
