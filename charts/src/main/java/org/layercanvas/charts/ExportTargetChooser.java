package org.layercanvas.charts;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks where to write an export. The app plugs in its own (remembering the last folder, say); tests plug in one
 * that answers without a dialog.
 */
@FunctionalInterface
public interface ExportTargetChooser {
    /**
     * @param format            what will be written
     * @param suggestedFileName a name with the format's extension
     * @param owner             the window the chart is in (may be null)
     * @return the file to write, or null when the user cancelled
     */
    Path chooseTarget(ExportFormat format, String suggestedFileName, Window owner);

    /** A plain {@link FileChooser} save dialog. */
    static ExportTargetChooser fileChooser() {
        return (format, suggestedFileName, owner) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("export.dialog.title", format.description()));
            chooser.setInitialFileName(suggestedFileName);
            chooser.getExtensionFilters().add(
                    new FileChooser.ExtensionFilter(format.description(), "*." + format.extension()));
            File file = chooser.showSaveDialog(owner);
            return file == null ? null : file.toPath();
        };
    }
}
