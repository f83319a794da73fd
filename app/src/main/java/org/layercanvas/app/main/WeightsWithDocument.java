package org.layercanvas.app.main;

import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Window;
import org.layercanvas.app.Messages;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.training.StartingWeights;

/**
 * Keeps a window's starting weights with its document: an opened {@code NET.lcnet} starts from the
 * {@code NET.weights.h5} / {@code .zip} beside it, and saving (or saving as) copies the weights of an imported
 * network beside the file, on the window's executor. A copy that fails says so; the weights stay where they were.
 */
final class WeightsWithDocument {
    private WeightsWithDocument() {
    }

    static void wire(DocumentSession session, StartingWeights weights, TaskExecutor tasks, Window owner) {
        weights.findNextTo(session.file());
        session.fileProperty().addListener((o, a, file) -> {
            if (file != null && weights.get() != null) {
                tasks.execute(() -> keep(weights, file, owner));
            }
        });
    }

    private static void keep(StartingWeights weights, Path file, Window owner) {
        try {
            weights.keepNextTo(file);
        } catch (IOException | RuntimeException e) {
            Platform.runLater(() -> Dialogs.error(owner, Messages.get("weights.keepFailed", file.getFileName()),
                    String.valueOf(e.getMessage())));
        }
    }
}
