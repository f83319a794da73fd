package org.layercanvas.app.main;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.layercanvas.app.Messages;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.runtime.interop.imports.ImportException;
import org.layercanvas.runtime.interop.imports.ImportProblem;
import org.layercanvas.runtime.interop.imports.ImportResult;
import org.layercanvas.runtime.interop.imports.Importers;

/**
 * File > Import Network: a Keras model ({@code .h5}, {@code .hdf5}, {@code model.to_json()}), a DL4J model zip or
 * Mermaid flowchart text becomes a new, unsaved window (replacing an untouched one). The file is read on the
 * window's executor; what the import changed is listed afterwards, and a file that cannot be imported says which
 * layers and why, with nothing opened. The trained weights a file holds come along: the window's runs start from
 * them while they fit the network, and saving keeps them beside the document ({@link WeightsWithDocument}).
 */
final class NetworkImport {
    private final MainWindow window;

    NetworkImport(MainWindow window) {
        this.window = window;
    }

    void choose() {
        Path folder = window.session().file() != null ? window.session().file().getParent() : null;
        window.app().fileDialogs().chooseImport(window.stage(), folder).ifPresent(this::importFile);
    }

    /** Reads {@code file} off the FX thread, then opens the network or says why it cannot. */
    void importFile(Path file) {
        window.tasks().execute(() -> {
            try {
                ImportResult result = Importers.read(file);
                Platform.runLater(() -> opened(file, result));
            } catch (ImportException e) {
                Platform.runLater(() -> Dialogs.error(window.stage(),
                        Messages.get("importNetwork.failed", file.getFileName()), lines(e.problems())));
            } catch (RuntimeException e) {
                Platform.runLater(() -> Dialogs.error(window.stage(),
                        Messages.get("importNetwork.failed", file.getFileName()), String.valueOf(e.getMessage())));
            }
        });
    }

    private void opened(Path file, ImportResult result) {
        DocumentSession session = new DocumentSession(window.app().catalog(), result.document(), null);
        MainWindow[] opened = new MainWindow[1];
        window.replaceIfPristine(() -> opened[0] = MainWindow.open(window.app(), session, new Stage()));
        List<ImportProblem> notes = result.warnings();
        if (result.weights() != null) {
            opened[0].training().startingWeights().use(result.weights());
        }
        String weights = result.weights() == null ? "" : Messages.get("importNetwork.weightsUsed",
                String.format(java.util.Locale.getDefault(), "%,d", result.weights().total()));
        if (!notes.isEmpty() || !weights.isEmpty()) {
            String detail = lines(notes) + (notes.isEmpty() || weights.isEmpty() ? "" : "\n\n") + weights;
            Dialogs.info(opened[0].stage(), Messages.get("importNetwork.notes", file.getFileName()), detail);
        }
    }

    private static String lines(List<ImportProblem> problems) {
        return problems.stream().map(ImportProblem::toString).collect(Collectors.joining("\n"));
    }
}
