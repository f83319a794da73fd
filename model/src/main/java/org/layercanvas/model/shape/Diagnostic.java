package org.layercanvas.model.shape;

import java.util.List;
import java.util.Locale;

/**
 * One problem found in a document.
 *
 * @param severity error or warning
 * @param nodeId   the node at fault, or null for document-level problems
 * @param port     the node's port at fault, or null
 * @param location where, for people and scripts: the node id ({@code conv1}, {@code conv1.in}) or a JSON path of
 *                 the document ({@code training.learningRate}, {@code document})
 * @param code     message key in {@code org.layercanvas.model.messages}; stable, for tests and tools
 * @param args     message arguments, already formatted as strings
 * @param fix      a repair the editor can offer, or null
 */
public record Diagnostic(Severity severity, String nodeId, String port, String location, String code,
                         List<String> args, Fix fix) {
    private static final org.layercanvas.i18n.Texts TEXTS =
            org.layercanvas.i18n.Texts.of("org.layercanvas.model.messages", Diagnostic.class);

    public Diagnostic {
        args = List.copyOf(args);
    }

    /** The message in the default locale. */
    public String message() {
        return message(Locale.getDefault());
    }

    public String message(Locale locale) {
        return TEXTS.get(locale, code, args.toArray());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + location + ": " + message(Locale.ROOT);
    }
}
