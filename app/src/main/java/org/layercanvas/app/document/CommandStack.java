package org.layercanvas.app.document;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layercanvas.model.NetworkDocument;

/**
 * The only way a document changes: executes commands, keeps unbounded undo and redo, and counts revisions so that
 * "unsaved changes" is {@code revision != savedRevision}. Not thread-safe: use it on the FX thread.
 */
public final class CommandStack {
    private record Step(NetworkDocument before, NetworkDocument after, String description, long revisionBefore,
                        long revisionAfter) {
    }

    private final ReadOnlyObjectWrapper<NetworkDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private long nextRevision = 1;
    private long savedRevision;
    private boolean executing;

    public CommandStack(NetworkDocument initial) {
        document.set(Objects.requireNonNull(initial));
    }

    /** Runs the command; returns false (and records nothing) when it changes nothing. */
    public boolean execute(Command command) {
        if (executing) {
            throw new IllegalStateException("a command may not execute another command: " + command.description());
        }
        executing = true;
        try {
            NetworkDocument before = document.get();
            NetworkDocument after = command.apply(before);
            if (after.equals(before)) {
                return false;
            }
            long from = revision.get();
            long to = nextRevision++;
            undo.push(new Step(before, after, command.description(), from, to));
            redo.clear();
            set(after, to);
            return true;
        } finally {
            executing = false;
        }
    }

    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        Step step = undo.pop();
        redo.push(step);
        set(step.before(), step.revisionBefore());
        return true;
    }

    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        Step step = redo.pop();
        undo.push(step);
        set(step.after(), step.revisionAfter());
        return true;
    }

    /** Marks the current revision as the one on disk. */
    public void markSaved() {
        savedRevision = revision.get();
        dirty.set(false);
    }

    /** Replaces the whole document (open, recover) and forgets the history. */
    public void reset(NetworkDocument doc, boolean saved) {
        undo.clear();
        redo.clear();
        long r = nextRevision++;
        savedRevision = saved ? r : -1;
        set(doc, r);
    }

    private void set(NetworkDocument doc, long rev) {
        revision.set(rev);
        dirty.set(rev != savedRevision);
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoDescription.set(undo.isEmpty() ? "" : undo.peek().description());
        redoDescription.set(redo.isEmpty() ? "" : redo.peek().description());
        document.set(doc);
    }

    public NetworkDocument document() {
        return document.get();
    }

    public ReadOnlyObjectProperty<NetworkDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }
}
