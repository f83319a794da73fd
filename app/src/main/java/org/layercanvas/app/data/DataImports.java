package org.layercanvas.app.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.layercanvas.app.Messages;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Split;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.PreparedData;

/**
 * What the window's data commands decide, without a window: the dataset a chosen image folder becomes, and the
 * options that make the network fit the loaded data. The window shows the dialogs and runs the resulting
 * document command. Unit-tested without a stage.
 */
public final class DataImports {
    private DataImports() {
    }

    /** A data command that cannot go ahead; the message is for the student. */
    public static final class ImportException extends Exception {
        private static final long serialVersionUID = 1L;

        public ImportException(String message) {
            super(message);
        }
    }

    /**
     * The dataset for an image folder (one sub-folder per class), stored relative to {@code baseFolder} when
     * inside it; the split and seed of {@code previous} are kept.
     *
     * @throws ImportException when the folder cannot be read or has fewer than two class folders
     */
    public static DatasetSpec imageFolder(Path folder, Path baseFolder, DatasetSpec previous) throws ImportException {
        int classes;
        try (Stream<Path> dirs = Files.list(folder)) {
            classes = (int) dirs.filter(Files::isDirectory).count();
        } catch (IOException e) {
            throw new ImportException(Messages.get("import.images.unreadable", folder, e.getMessage()));
        }
        if (classes < 2) {
            throw new ImportException(Messages.get("import.images.noClasses", folder, classes));
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("path", CsvImportDialog.storedPath(folder, baseFolder));
        options.put("classes", classes);
        return new DatasetSpec(DatasetCatalog.IMAGES, options, previous == null ? Split.DEFAULT : previous.split(),
                previous == null ? 0 : previous.seed());
    }

    /**
     * {@code spec} with what only the loaded data knows (a CSV's width, an import's classes) in its options, so
     * that the validator can make the Input and Output follow it.
     */
    public static DatasetSpec fittedTo(DatasetSpec spec, PreparedData data) {
        Map<String, Object> options = new LinkedHashMap<>(spec.options());
        TensorShape first = data.shapes().get(0);
        if (spec.id().equals(DatasetCatalog.CSV) && first.kind() == TensorShape.Kind.VECTOR) {
            options.put("features", first.dim(0));
        }
        if (spec.id().equals(DatasetCatalog.CSV) || spec.id().equals(DatasetCatalog.IMAGES)) {
            options.put("classes", data.classNames().size());
        }
        return new DatasetSpec(spec.id(), options, spec.split(), spec.seed());
    }
}
