package org.layercanvas.app.main;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.layercanvas.app.Messages;
import org.layercanvas.model.io.DocumentJson;

/**
 * The file choosers, behind an interface: native choosers cannot be driven by UI tests, which plug in their own.
 */
public interface FileDialogs {
    Optional<Path> chooseOpen(Window owner, Path folder);

    Optional<Path> chooseSave(Window owner, Path folder, String suggestedName);

    /**
     * Where to write an export: {@code fileName} suggested, the chooser filtered to {@code pattern} (e.g.
     * {@code *.onnx}) described as {@code description}; by default the same chooser as {@link #chooseSave}.
     */
    default Optional<Path> chooseExport(Window owner, Path folder, String fileName, String description,
                                        String pattern) {
        return chooseSave(owner, folder, fileName);
    }

    /** A network file to import (Keras, DL4J zip, Mermaid); by default the same chooser as {@link #chooseOpen}. */
    default Optional<Path> chooseImport(Window owner, Path folder) {
        return chooseOpen(owner, folder);
    }

    /** The operating system's choosers, filtered to {@code *.lcnet}. */
    FileDialogs NATIVE = new FileDialogs() {
        @Override
        public Optional<Path> chooseOpen(Window owner, Path folder) {
            FileChooser chooser = chooser(folder);
            chooser.setTitle(Messages.get("dialog.open.title"));
            File f = chooser.showOpenDialog(owner);
            return Optional.ofNullable(f).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseImport(Window owner, Path folder) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("importNetwork.choose"));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(Messages.get("importNetwork.filter.all"), "*.h5", "*.hdf5",
                            "*.keras", "*.json", "*.zip", "*.mmd", "*.mermaid", "*.md", "*.txt"),
                    new FileChooser.ExtensionFilter(Messages.get("importNetwork.filter.keras"), "*.h5", "*.hdf5",
                            "*.keras", "*.json"),
                    new FileChooser.ExtensionFilter(Messages.get("importNetwork.filter.dl4j"), "*.zip"),
                    new FileChooser.ExtensionFilter(Messages.get("importNetwork.filter.mermaid"), "*.mmd",
                            "*.mermaid", "*.md", "*.txt"),
                    new FileChooser.ExtensionFilter(Messages.get("import.all"), "*.*"));
            if (folder != null && folder.toFile().isDirectory()) {
                chooser.setInitialDirectory(folder.toFile());
            }
            File f = chooser.showOpenDialog(owner);
            return Optional.ofNullable(f).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseExport(Window owner, Path folder, String fileName, String description,
                                           String pattern) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("export.choose"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
            chooser.setInitialFileName(fileName);
            if (folder != null && folder.toFile().isDirectory()) {
                chooser.setInitialDirectory(folder.toFile());
            }
            File f = chooser.showSaveDialog(owner);
            return Optional.ofNullable(f).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseSave(Window owner, Path folder, String suggestedName) {
            FileChooser chooser = chooser(folder);
            chooser.setTitle(Messages.get("dialog.save.title"));
            chooser.setInitialFileName(suggestedName + DocumentJson.FILE_EXTENSION);
            File f = chooser.showSaveDialog(owner);
            if (f == null) {
                return Optional.empty();
            }
            Path p = f.toPath();
            String name = p.getFileName().toString();
            return Optional.of(name.contains(".") ? p : p.resolveSibling(name + DocumentJson.FILE_EXTENSION));
        }

        private FileChooser chooser(Path folder) {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("dialog.filter"),
                    "*" + DocumentJson.FILE_EXTENSION));
            if (folder != null && folder.toFile().isDirectory()) {
                chooser.setInitialDirectory(folder.toFile());
            }
            return chooser;
        }
    };
}
