package org.layercanvas.runtime.interop.imports;

import java.util.List;

/**
 * Why a file could not be imported. Carries every problem found (an import that meets several layers the catalog
 * cannot express names all of them), each located; nothing was imported. {@link #unreadable()} tells a file that
 * could not be read at all (missing, truncated, not the format it claims) from one that was read but describes a
 * network LayerCanvas cannot express.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ImportProblem> problems;
    private final boolean unreadable;

    public ImportException(boolean unreadable, List<ImportProblem> problems) {
        super(String.join("\n", problems.stream().map(ImportProblem::toString).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an import failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.unreadable = unreadable;
    }

    /** A file that could not be read: one problem. */
    public static ImportException unreadable(String where, String what) {
        return new ImportException(true, List.of(new ImportProblem(where, what)));
    }

    /** A file that was read but describes what the catalog cannot express: one problem. */
    public static ImportException unsupported(String where, String what) {
        return new ImportException(false, List.of(new ImportProblem(where, what)));
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    public boolean unreadable() {
        return unreadable;
    }
}
