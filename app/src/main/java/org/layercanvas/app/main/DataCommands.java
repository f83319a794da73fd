package org.layercanvas.app.main;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.layercanvas.app.Messages;
import org.layercanvas.app.data.CsvImportDialog;
import org.layercanvas.app.data.DataImports;
import org.layercanvas.app.data.DownloadDialog;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.runtime.data.CsvImporter;
import org.layercanvas.runtime.data.CsvTable;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.DatasetException;

/**
 * One window's Data menu: download a dataset, import a CSV file or an image folder. Shows the dialogs and runs
 * the resulting document command; what the commands decide is in {@link DataImports}.
 */
final class DataCommands {
    private final Stage stage;
    private final DocumentSession session;
    private final Supplier<DataContext> context;
    private final Supplier<Path> baseFolder;
    private final Runnable dataChanged;
    private final Runnable showData;

    /**
     * @param dataChanged told after a download (the Data tab loads again)
     * @param showData    brings the Data tab to the front after an import
     */
    DataCommands(Stage stage, DocumentSession session, Supplier<DataContext> context, Supplier<Path> baseFolder,
                 Runnable dataChanged, Runnable showData) {
        this.stage = stage;
        this.session = session;
        this.context = context;
        this.baseFolder = baseFolder;
        this.dataChanged = dataChanged;
        this.showData = showData;
    }

    void downloadDataset() {
        NetworkDocument doc = session.document();
        if (doc.dataset() == null || !DatasetCatalog.DOWNLOADED.contains(doc.dataset().id())) {
            Dialogs.info(stage, null, Messages.get("download.notNeeded", doc.dataset() == null ? "—"
                    : doc.dataset().id(), String.join(", ", DatasetCatalog.DOWNLOADED)));
            return;
        }
        download(doc.dataset().id(), () -> { });
    }

    /** Downloads dataset {@code id} with progress and Cancel, then runs {@code then}. */
    void download(String id, Runnable then) {
        new DownloadDialog(stage, id, context.get(), folder -> {
            dataChanged.run();
            then.run();
        }).start();
    }

    void importCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("import.csv.choose"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(Messages.get("import.csv.filter"),
                "*.csv", "*.tsv", "*.txt"), new FileChooser.ExtensionFilter(Messages.get("import.all"), "*.*"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            importCsv(f.toPath());
        }
    }

    /** Shows the CSV import dialog for {@code file}; an accepted choice becomes the dataset in one undo step. */
    void importCsv(Path file) {
        CsvTable table;
        try {
            table = CsvImporter.read(file);
        } catch (DatasetException e) {
            Dialogs.error(stage, file.getFileName().toString(), e.getMessage());
            return;
        }
        new CsvImportDialog(stage, table, CsvImportDialog.storedPath(file, baseFolder.get()),
                session.document().dataset()).showAndWait().ifPresent(this::useDataset);
    }

    void importImages() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("import.images.choose"));
        java.io.File f = chooser.showDialog(stage);
        if (f != null) {
            importImages(f.toPath());
        }
    }

    /**
     * Makes the image folder (one sub-folder per class) the dataset, resized to the Input's size; the Input becomes
     * an image Input if it is not one.
     */
    void importImages(Path folder) {
        try {
            useDataset(DataImports.imageFolder(folder, baseFolder.get(), session.document().dataset()));
        } catch (DataImports.ImportException e) {
            Dialogs.error(stage, folder.getFileName() == null ? folder.toString() : folder.getFileName().toString(),
                    e.getMessage());
        }
    }

    private void useDataset(DatasetSpec spec) {
        session.commands().execute(DocumentCommands.setDatasetAndFollow(spec, session.inference()));
        showData.run();
    }
}
