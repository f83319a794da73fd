package org.layercanvas.app.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.layercanvas.app.Messages;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.io.DocumentFormatException;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;

/**
 * One open document: its command stack, the file it belongs to, and its analysis, which is recomputed after every
 * change (shape inference takes well under a millisecond, so it runs on the FX thread). The view model behind a
 * main window; no JavaFX nodes.
 */
public final class DocumentSession {
    private final LayerCatalog catalog;
    private final ShapeInference inference;
    private final CommandStack stack;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final StringBinding displayName;
    private final StringBinding windowTitle;

    public DocumentSession(LayerCatalog catalog, NetworkDocument initial, Path file) {
        this.catalog = catalog;
        this.inference = new ShapeInference(catalog);
        this.stack = new CommandStack(initial);
        this.file.set(file);
        if (file != null) {
            stack.markSaved();
        }
        analysis.set(inference.analyze(initial));
        stack.documentProperty().addListener((o, before, after) -> analysis.set(inference.analyze(after)));
        displayName = Bindings.createStringBinding(() -> {
            Path f = this.file.get();
            if (f != null) {
                String name = f.getFileName().toString();
                return name.endsWith(DocumentJson.FILE_EXTENSION)
                        ? name.substring(0, name.length() - DocumentJson.FILE_EXTENSION.length()) : name;
            }
            String title = stack.document().metadata().title();
            return title.isBlank() ? Messages.get("document.untitled") : title;
        }, this.file, stack.documentProperty());
        windowTitle = Bindings.createStringBinding(() -> Messages.get(
                stack.isDirty() ? "window.title.dirty" : "window.title", displayName.get()),
                displayName, stack.dirtyProperty());
    }

    /** An empty document: one vector Input and nothing else, ready to draw on. */
    public static NetworkDocument emptyDocument() {
        return new NetworkDocument(new Metadata(Messages.get("document.untitled"), ""), List.of(
                new org.layercanvas.model.Node("input", org.layercanvas.model.layers.LayerType.INPUT, Map.of(),
                        new org.layercanvas.model.Position(0, 0))), List.of(), null, TrainingSettings.DEFAULT);
    }

    public static DocumentSession open(LayerCatalog catalog, Path path) throws DocumentFormatException, IOException {
        return new DocumentSession(catalog, DocumentJson.read(path), path);
    }

    /** Writes the document atomically; on failure the file on disk and the document are both unchanged. */
    public void saveTo(Path path) throws IOException {
        DocumentJson.writeAtomically(stack.document(), path);
        file.set(path);
        stack.markSaved();
    }

    public boolean execute(Command command) {
        return stack.execute(command);
    }

    public NetworkDocument document() {
        return stack.document();
    }

    public CommandStack commands() {
        return stack;
    }

    public LayerCatalog catalog() {
        return catalog;
    }

    public ShapeInference inference() {
        return inference;
    }

    public Analysis analysis() {
        return analysis.get();
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public Path file() {
        return file.get();
    }

    public StringBinding displayNameBinding() {
        return displayName;
    }

    public StringBinding windowTitleBinding() {
        return windowTitle;
    }
}
