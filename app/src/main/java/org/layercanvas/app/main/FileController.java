package org.layercanvas.app.main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.layercanvas.app.Messages;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.model.io.DocumentFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Save, Save As, and the unsaved-changes question for one window. Errors are shown, nothing is lost. */
final class FileController {
    private static final Logger LOG = LoggerFactory.getLogger(FileController.class);

    /** The answer to "save changes?". */
    enum SaveAnswer { SAVE, DISCARD, CANCEL }

    static final ButtonType SAVE = new ButtonType(Messages.get("dialog.unsaved.save"), ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType(Messages.get("dialog.unsaved.discard"), ButtonBar.ButtonData.NO);
    static final ButtonType CANCEL = new ButtonType(Messages.get("dialog.unsaved.cancel"),
            ButtonBar.ButtonData.CANCEL_CLOSE);

    private final AppContext app;
    private final DocumentSession session;
    private final java.util.function.Supplier<Window> window;

    FileController(AppContext app, DocumentSession session, java.util.function.Supplier<Window> window) {
        this.app = app;
        this.session = session;
        this.window = window;
    }

    /** Saves to the document's file, or asks for one. Returns whether the document is now saved. */
    boolean save() {
        Path file = session.file();
        return file == null ? saveAs() : saveTo(file);
    }

    boolean saveAs() {
        Path folder = session.file() != null ? session.file().getParent()
                : app.recentFiles().list().stream().findFirst().map(Path::getParent).orElse(null);
        Optional<Path> target = app.fileDialogs().chooseSave(window.get(), folder,
                session.displayNameBinding().get());
        return target.isPresent() && saveTo(target.get());
    }

    private boolean saveTo(Path file) {
        try {
            session.saveTo(file);
            app.recentFiles().add(file);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("saving {} failed", file, e);
            error(Messages.get("error.save.header", file), Messages.get("error.save.detail",
                    String.valueOf(e.getMessage())));
            return false;
        }
    }

    /**
     * Asks what to do with unsaved changes, when there are any. Returns true when the caller may go on (saved,
     * discarded, or nothing to save).
     */
    boolean confirmDiscardOrSave() {
        if (!session.commands().isDirty()) {
            return true;
        }
        ButtonType answer = Dialogs.ask(window.get(), "unsaved-dialog", Messages.get("dialog.unsaved.title"),
                Messages.get("dialog.unsaved.header", session.displayNameBinding().get()),
                Messages.get("dialog.unsaved.detail"), CANCEL, SAVE, DISCARD, CANCEL);
        if (answer == SAVE) {
            return save();
        }
        return answer == DISCARD;
    }

    static DocumentSession open(AppContext app, Path file, Window owner) {
        try {
            DocumentSession session = DocumentSession.open(app.catalog(), file);
            app.recentFiles().add(file);
            return session;
        } catch (DocumentFormatException e) {
            showError(owner, Messages.get("error.open.header", file.getFileName()), e.getMessage());
        } catch (IOException e) {
            app.recentFiles().remove(file);
            showError(owner, Messages.get("error.open.header", file.getFileName()),
                    Messages.get("error.open.io", String.valueOf(e.getMessage())));
        }
        return null;
    }

    private void error(String header, String detail) {
        showError(window.get(), header, detail);
    }

    static void showError(Window owner, String header, String detail) {
        Dialogs.error(owner, header, detail);
    }
}
