package org.layercanvas.app.playground;

import java.util.function.Consumer;
import java.util.function.IntFunction;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.layercanvas.app.Messages;

/**
 * A sentence field for a network on word tokens (the sentiment samples): every change of the text goes to a
 * listener; the probability per class it gets back shows as bars under the field.
 */
final class TextProbe extends VBox {
    private final TextField field = new TextField();
    private final ClassBars bars = new ClassBars("text-probe-bars");

    TextProbe(Consumer<String> typed) {
        super(8);
        getStyleClass().add("text-probe");
        field.setId("text-probe");
        field.setPromptText(Messages.get("playground.text.prompt"));
        field.setPrefColumnCount(40);
        field.textProperty().addListener((o, a, text) -> typed.accept(text));
        Label hint = new Label(Messages.get("playground.text.hint"));
        hint.setWrapText(true);
        getChildren().addAll(field, hint, bars);
    }

    void reset() {
        field.clear();
        bars.show(null, k -> "");
    }

    void showProbabilities(double[] p, IntFunction<String> className) {
        bars.show(p, className);
    }
}
