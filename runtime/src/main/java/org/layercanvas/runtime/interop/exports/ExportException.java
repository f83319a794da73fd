package org.layercanvas.runtime.interop.exports;

/**
 * An export that cannot be written. The message is one line, {@code where: what}: {@link #where()} names the node
 * (or file) at fault, so that the command line prints {@code error: <where>: <what>}.
 */
public class ExportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String where;
    private final String what;

    public ExportException(String where, String what) {
        super(ExportMessages.format("located", where, what));
        this.where = where;
        this.what = what;
    }

    public ExportException(String where, String what, Throwable cause) {
        this(where, what);
        initCause(cause);
    }

    public String where() {
        return where;
    }

    public String what() {
        return what;
    }
}
