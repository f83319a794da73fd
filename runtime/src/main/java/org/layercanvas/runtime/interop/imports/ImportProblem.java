package org.layercanvas.runtime.interop.imports;

import java.util.Objects;

/**
 * One reason an import failed or one thing it changed: {@code where} names the file and, when known, the layer
 * or line ({@code model.h5: layer "conv1d_1"}, {@code net.mmd:4}); {@code what} says what, in the user's language.
 */
public record ImportProblem(String where, String what) {
    public ImportProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(what, "what");
    }

    /** {@code where: what}, the form the command line prints after {@code error:} or {@code warning:}. */
    @Override
    public String toString() {
        return ImportMessages.format("import.labelled", where, what);
    }
}
