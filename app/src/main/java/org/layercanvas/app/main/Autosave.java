package org.layercanvas.app.main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.files.RecoveryStore;
import org.layercanvas.model.NetworkDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every five seconds, a window's unsaved changes go to its recovery slot (on the app's background thread), so a
 * crash loses at most five seconds of work; saving or closing the window empties the slot.
 */
final class Autosave {
    private static final Logger LOG = LoggerFactory.getLogger(Autosave.class);

    private final AppContext app;
    private final DocumentSession session;
    private final RecoveryStore.Slot slot;
    private final Timeline timer;
    private long savedRevision = -1;

    Autosave(AppContext app, DocumentSession session) {
        this.app = app;
        this.session = session;
        this.slot = app.recovery().newSlot();
        this.timer = new Timeline(new KeyFrame(Duration.seconds(5), e -> saveIfChanged()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    void start() {
        timer.play();
    }

    void stop() {
        timer.stop();
    }

    private void saveIfChanged() {
        long revision = session.commands().revisionProperty().get();
        if (!session.commands().isDirty() || revision == savedRevision) {
            return;
        }
        NetworkDocument doc = session.document();
        Optional<Path> origin = Optional.ofNullable(session.file());
        savedRevision = revision;
        app.background().execute(() -> {
            try {
                slot.write(doc, origin);
            } catch (IOException | RuntimeException e) {
                LOG.warn("autosave to {} failed: {}", slot.file(), e.getMessage(), e);
            }
        });
    }

    /** Empties the slot: the document was saved, or the window closed without keeping its changes. */
    void clear() {
        app.background().execute(() -> {
            try {
                slot.clear();
            } catch (IOException e) {
                LOG.warn("cannot remove {}: {}", slot.file(), e.getMessage(), e);
            }
        });
    }
}
