package org.layercanvas.runtime.compile;

import java.util.List;
import org.layercanvas.model.shape.Diagnostic;

/** The document cannot be compiled: it has errors (listed), or DL4J refused the configuration. */
public class CompileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public CompileException(String message, List<Diagnostic> diagnostics) {
        super(message);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public CompileException(String message, Throwable cause) {
        super(message, cause);
        this.diagnostics = List.of();
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
