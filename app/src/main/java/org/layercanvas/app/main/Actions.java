package org.layercanvas.app.main;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.input.KeyCombination;
import org.controlsfx.control.action.Action;
import org.kordamp.ikonli.javafx.FontIcon;
import org.layercanvas.app.Messages;
import org.layercanvas.app.document.CommandStack;

/**
 * One {@link Action} per command of a window, shared by its menu item, toolbar button and shortcut. Texts,
 * tooltips (with the shortcut) and icons come from here; enabled state is bound to what the command needs.
 */
final class Actions {
    final Action newDocument;
    final Action newFromSample;
    final Action open;
    final Action save;
    final Action saveAs;
    final Action close;
    final Action undo;
    final Action redo;
    final Action cut;
    final Action copy;
    final Action paste;
    final Action duplicate;
    final Action delete;
    final Action selectAll;
    final Action focusPalette;
    final Action focusCanvas;
    final Action zoomIn;
    final Action zoomOut;
    final Action zoomToFit;
    final Action autoLayout;
    final Action darkTheme;
    final Action run;
    final Action stop;
    final Action importNetwork;
    /** File > Export, one per format, in menu order. */
    final java.util.List<Action> exports = new java.util.ArrayList<>();
    final Action importCsv;
    final Action importImages;
    final Action downloadDataset;
    final Action showData;

    Actions(MainWindow w) {
        CommandStack stack = w.session().commands();
        newDocument = action("new", "mdi2f-file-outline", "Shortcut+N", e -> w.newWindow());
        newFromSample = action("newFromSample", "mdi2v-view-grid-plus-outline", "Shortcut+Shift+N",
                e -> w.showStartScreen());
        open = action("open", "mdi2f-folder-open-outline", "Shortcut+O", e -> w.openChosen());
        save = action("save", "mdi2c-content-save-outline", "Shortcut+S", e -> w.save());
        saveAs = action("saveAs", null, "Shortcut+Shift+S", e -> w.saveAs());
        close = action("close", null, "Shortcut+W", e -> w.close());
        undo = action("undo", "mdi2u-undo", "Shortcut+Z", e -> stack.undo());
        redo = action("redo", "mdi2r-redo", "Shortcut+Shift+Z", e -> stack.redo());
        cut = action("cut", "mdi2c-content-cut", "Shortcut+X", e -> w.canvas().cut());
        copy = action("copy", "mdi2c-content-copy", "Shortcut+C", e -> w.canvas().copy());
        paste = action("paste", "mdi2c-content-paste", "Shortcut+V", e -> w.canvas().paste());
        duplicate = action("duplicate", "mdi2c-content-duplicate", "Shortcut+D", e -> w.canvas().duplicate());
        delete = action("delete", "mdi2d-delete-outline", "Delete", e -> w.canvas().deleteSelection());
        selectAll = action("selectAll", null, "Shortcut+A", e -> w.editor().selectAll());
        focusPalette = action("focusPalette", "mdi2m-magnify", "Shortcut+L", e -> w.palette().focusSearch());
        focusCanvas = action("focusCanvas", null, "Shortcut+E", e -> w.editor().requestFocus());
        zoomIn = action("zoomIn", "mdi2m-magnify-plus-outline", "Shortcut+EQUALS", e -> w.editor().zoomIn());
        zoomOut = action("zoomOut", "mdi2m-magnify-minus-outline", "Shortcut+MINUS", e -> w.editor().zoomOut());
        zoomToFit = action("zoomToFit", "mdi2f-fit-to-screen-outline", "Shortcut+0", e -> w.editor().zoomToFit());
        autoLayout = action("autoLayout", "mdi2s-sitemap-outline", "Shortcut+Shift+L", e -> w.canvas().autoLayout());
        darkTheme = action("darkTheme", "mdi2t-theme-light-dark", null, e -> w.app().setDark(!w.app().isDark()));
        darkTheme.setSelected(w.app().isDark());
        run = action("run", "mdi2p-play", "F5", e -> w.run());
        stop = action("stop", "mdi2s-stop", "Shift+F5", e -> w.stopTraining());
        importNetwork = action("importNetwork", "mdi2f-file-import-outline", null, e -> new NetworkImport(w).choose());
        for (String format : new String[] {"onnx", "dl4j", "keras-json", "keras-py", "pytorch", "java", "mermaid",
            "svg", NetworkExport.PNG}) {
            exports.add(new Action(Messages.get("export.format." + format + ".menu"),
                    e -> new NetworkExport(w).choose(format)));
        }
        importCsv = action("importCsv", "mdi2t-table-arrow-down", null, e -> w.data().importCsv());
        importImages = action("importImages", "mdi2f-folder-image", null, e -> w.data().importImages());
        downloadDataset = action("downloadDataset", "mdi2d-download-outline", null, e -> w.data().downloadDataset());
        showData = action("showData", "mdi2d-database-eye-outline", "Shortcut+I", e -> w.showData());
        run.disabledProperty().bind(w.training().busyProperty());
        stop.disabledProperty().bind(w.training().busyProperty().not());

        undo.disabledProperty().bind(stack.canUndoProperty().not());
        redo.disabledProperty().bind(stack.canRedoProperty().not());
        undo.longTextProperty().bind(Bindings.createStringBinding(() -> stack.canUndoProperty().get() ? Messages.get(
                "action.undo.what", stack.undoDescriptionProperty().get()) : Messages.get("action.undo.long"),
                stack.canUndoProperty(), stack.undoDescriptionProperty()));
        redo.longTextProperty().bind(Bindings.createStringBinding(() -> stack.canRedoProperty().get() ? Messages.get(
                "action.redo.what", stack.redoDescriptionProperty().get()) : Messages.get("action.redo.long"),
                stack.canRedoProperty(), stack.redoDescriptionProperty()));
        var noSelection = Bindings.isEmpty(w.editor().getSelectedNodes());
        for (Action a : new Action[] {cut, copy, duplicate}) {
            a.disabledProperty().bind(noSelection);
        }
        delete.disabledProperty().bind(noSelection.and(Bindings.isEmpty(w.editor().getSelectedWires())));
    }

    private final java.util.Map<Action, String> icons = new java.util.HashMap<>();

    /**
     * A fresh icon for the action, or null. A JavaFX node has one parent, so menu item and toolbar button each
     * get their own instead of sharing the action's graphic.
     */
    FontIcon icon(Action action) {
        String literal = icons.get(action);
        return literal == null ? null : new FontIcon(literal);
    }

    private Action action(String key, String icon, String shortcut, Consumer<ActionEvent> handler) {
        Action a = new Action(Messages.get("action." + key), handler);
        String tip = Messages.get("action." + key + ".long");
        if (shortcut != null) {
            KeyCombination combination = KeyCombination.keyCombination(shortcut);
            a.setAccelerator(combination);
            tip = tip + "  (" + combination.getDisplayText() + ")";
        }
        a.setLongText(tip);
        if (icon != null) {
            icons.put(a, icon);
        }
        return a;
    }
}
