package org.layercanvas.model.shape;

import java.util.ArrayList;
import java.util.List;
import org.layercanvas.model.Node;

/**
 * The diagnostics of one analysis, in the order they were found, and the location rules every check shares: a node's
 * problem is located at the node ({@code conv1}) or at its port ({@code conv1.in}); a document's problem at a JSON
 * path of the document.
 */
final class Problems {
    private final List<Diagnostic> list = new ArrayList<>();

    void error(Node n, String port, String code, String... args) {
        errorWithFix(n, port, null, code, args);
    }

    void errorWithFix(Node n, String port, Fix fix, String code, String... args) {
        String where = port == null ? n.id() : n.id() + "." + port;
        list.add(new Diagnostic(Severity.ERROR, n.id(), port, where, code, List.of(args), fix));
    }

    /** An error of node {@code n} located elsewhere than at the node or a port, e.g. at a parameter. */
    void errorAt(Node n, String where, String code, String... args) {
        list.add(new Diagnostic(Severity.ERROR, n.id(), null, where, code, List.of(args), null));
    }

    void warning(Node n, String port, String where, String code, String... args) {
        list.add(new Diagnostic(Severity.WARNING, n.id(), port, where, code, List.of(args), null));
    }

    void documentError(String where, String code, String... args) {
        list.add(new Diagnostic(Severity.ERROR, null, null, where, code, List.of(args), null));
    }

    void add(Diagnostic d) {
        list.add(d);
    }

    /** The diagnostics so far; checks that take a plain list ({@link SettingsChecks}) append to it. */
    List<Diagnostic> list() {
        return list;
    }

    /** How messages name a node's type: its JSON name ({@code Dense}). */
    static String typeName(Node n) {
        return n.type().jsonName();
    }
}
