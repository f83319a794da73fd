package org.layercanvas.app.document;

import org.layercanvas.model.NetworkDocument;

/**
 * One user-level edit of a document. Documents are immutable, so a command is a pure function from the document
 * before to the document after; undo restores the document before, exactly. A command that changes nothing is
 * not executable and leaves no undo step.
 */
public interface Command {
    /** The document after the edit; the same (equal) document when the edit does not apply. */
    NetworkDocument apply(NetworkDocument doc);

    /** Shown in Edit > Undo / Redo, e.g. "Add Dense"; from the app's resource bundle. */
    String description();
}
