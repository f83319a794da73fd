package org.layercanvas.app;

import java.io.IOException;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.files.RecoveryStore;
import org.layercanvas.app.main.AppContext;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.model.NetworkDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application: opens the file it was given, or offers to recover work left by a crash and then opens
 * the digits sample.
 */
public final class LayerCanvasApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(LayerCanvasApp.class);
    static final String FIRST_SAMPLE = "digits-mlp";
    /** System property: close the window a second after it is shown (used by the installer build). */
    static final String EXIT_WHEN_SHOWN = "layercanvas.exitWhenShown";

    @Override
    public void start(Stage stage) {
        AppContext app = AppContext.standard();
        app.applyTheme();
        List<String> files = getParameters().getUnnamed();
        if (!files.isEmpty()) {
            // Opened from the desktop with a network file (the installers register .lcnet).
            MainWindow.openFileOrSample(app, java.nio.file.Path.of(files.get(0)), FIRST_SAMPLE, stage);
            offerRecovery(app, new Stage());
        } else if (!offerRecovery(app, stage)) {
            MainWindow first = MainWindow.openSample(app, FIRST_SAMPLE, stage);
            if (app.isFirstLaunch() && !Boolean.getBoolean(EXIT_WHEN_SHOWN)) {
                // A new student meets the samples first; the digits sample stays open behind the start screen.
                javafx.application.Platform.runLater(first::showStartScreen);
            }
        }
        if (Boolean.getBoolean(EXIT_WHEN_SHOWN)) {
            // The installer build records which classes the shown window needed (class-data sharing), then quits.
            javafx.animation.PauseTransition shown = new javafx.animation.PauseTransition(
                    javafx.util.Duration.seconds(1));
            shown.setOnFinished(e -> javafx.application.Platform.exit());
            shown.play();
        }
    }

    /** Opens every recovered document the user accepts; returns whether any window was opened. */
    static boolean offerRecovery(AppContext app, Stage firstStage) {
        List<RecoveryStore.Entry> leftovers;
        try {
            leftovers = app.recovery().leftovers();
        } catch (IOException e) {
            LOG.warn("cannot look for recovery files: {}", e.getMessage(), e);
            return false;
        }
        boolean opened = false;
        for (RecoveryStore.Entry entry : leftovers) {
            ButtonType recover = new ButtonType(Messages.get("dialog.recover.yes"), ButtonBar.ButtonData.YES);
            ButtonType discard = new ButtonType(Messages.get("dialog.recover.no"), ButtonBar.ButtonData.NO);
            String name = entry.origin() == null ? Messages.get("document.untitled")
                    : entry.origin().getFileName().toString();
            boolean yes = org.layercanvas.app.main.Dialogs.ask(null, "recover-dialog",
                    Messages.get("dialog.recover.title"), Messages.get("dialog.recover.header", name),
                    Messages.get("dialog.recover.detail", entry.written().toString()), discard, recover, discard)
                    == recover;
            try {
                if (yes) {
                    NetworkDocument doc = app.recovery().read(entry);
                    DocumentSession session = new DocumentSession(app.catalog(), doc, null);
                    session.fileProperty().set(entry.origin());
                    // Recovered work is unsaved work: keep it dirty so that closing asks.
                    session.commands().reset(doc, false);
                    MainWindow.open(app, session, opened ? new Stage() : firstStage);
                    opened = true;
                }
                app.recovery().discard(entry);
            } catch (IOException | org.layercanvas.model.io.DocumentFormatException e) {
                LOG.warn("cannot recover {}: {}", entry.file(), e.getMessage(), e);
            }
        }
        return opened;
    }
}
