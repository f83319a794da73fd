package org.layercanvas.app.main;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.layercanvas.app.Messages;

/**
 * The app's message dialogs, made one way: owned by the window they concern, the app's title, an id that tests
 * find them by, and the header saying where the problem is and the text saying what it is.
 */
public final class Dialogs {
    private Dialogs() {
    }

    /** An error: {@code header} says where (a file, a folder), {@code detail} what went wrong. Waits for OK. */
    public static void error(Window owner, String header, String detail) {
        show(Alert.AlertType.ERROR, "error-dialog", owner, header, detail);
    }

    /** A notice that needs no decision. Waits for OK. */
    public static void info(Window owner, String header, String detail) {
        show(Alert.AlertType.INFORMATION, "info-dialog", owner, header, detail);
    }

    private static void show(Alert.AlertType type, String id, Window owner, String header, String detail) {
        Alert alert = new Alert(type, detail, ButtonType.OK);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(Messages.get("dialog.error.title"));
        alert.setHeaderText(header);
        alert.getDialogPane().setId(id);
        alert.showAndWait();
    }
}
