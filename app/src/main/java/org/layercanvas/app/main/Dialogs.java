package org.layercanvas.app.main;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.layercanvas.app.Messages;

/**
 * The app's message dialogs and questions, made one way (no other class builds an {@code Alert}): owned by the window they concern, the app's title, an id that tests
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

    /**
     * A question with the given answers: {@code title} names the question ("Unsaved changes"), {@code header} what
     * it is about, {@code detail} what each answer does. Returns the answer, {@code fallback} when the dialog is
     * closed without one.
     */
    public static ButtonType ask(Window owner, String id, String title, String header, String detail,
                                 ButtonType fallback, ButtonType... answers) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, id, owner, header, detail, answers);
        alert.setTitle(title);
        return alert.showAndWait().orElse(fallback);
    }

    private static void show(Alert.AlertType type, String id, Window owner, String header, String detail) {
        alert(type, id, owner, header, detail, ButtonType.OK).showAndWait();
    }

    private static Alert alert(Alert.AlertType type, String id, Window owner, String header, String detail,
                               ButtonType... buttons) {
        Alert alert = new Alert(type, detail, buttons);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(Messages.get("dialog.error.title"));
        alert.setHeaderText(header);
        alert.getDialogPane().setId(id);
        return alert;
    }
}
