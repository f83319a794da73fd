package org.layercanvas.app.playground;

import java.util.function.Consumer;
import java.util.function.IntFunction;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layercanvas.app.Messages;
import org.layercanvas.runtime.train.Planes;

/**
 * Picks a test image of the run at random (or the next one) and says its true class and what the network says. Beside
 * a draw pad (grey images) the picture goes onto the pad, where the student can change it, and the pad's bars show the
 * class probabilities; on its own (colour images) it draws the picture large and the bars beside it. Renders
 * {@link PicturesViewModel}.
 */
final class TestPicker extends VBox {
    private static final double SIDE = 168;
    private static final double TEXT_WIDTH = 320;

    private final PicturesViewModel model;
    private final IntFunction<String> className;
    private final Consumer<float[]> toDrawPad;
    private final StackPane picture = new StackPane();
    private final ClassBars bars = new ClassBars("pick-bars");
    private final HBox buttons;
    private final Label truth = new Label();
    private final Label hint = new Label(Messages.get("playground.pick.hint"));
    private boolean padShown;

    /** @param toDrawPad takes a grey picture's intensities, row by row */
    TestPicker(PicturesViewModel model, IntFunction<String> className, Consumer<float[]> toDrawPad) {
        super(8);
        this.model = model;
        this.className = className;
        this.toDrawPad = toDrawPad;
        getStyleClass().add("test-picker");
        Button random = new Button(Messages.get("playground.pick.random"));
        random.setId("pick-random");
        random.setOnAction(e -> model.pickRandom());
        Button next = new Button(Messages.get("playground.pick.next"));
        next.setId("pick-next");
        next.setOnAction(e -> model.pickNext());
        random.disableProperty().bind(model.busyProperty());
        next.disableProperty().bind(model.busyProperty());
        random.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        next.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        buttons = new HBox(8, random, next);
        picture.setId("pick-image");
        picture.setMinSize(SIDE, SIDE);
        picture.setPrefSize(SIDE, SIDE);
        picture.setMaxSize(SIDE, SIDE);
        truth.setId("pick-truth");
        truth.setWrapText(true);
        truth.setMaxWidth(TEXT_WIDTH);
        truth.textProperty().bind(model.pickNoteProperty());
        // No gap before anything is picked.
        truth.visibleProperty().bind(truth.textProperty().isNotEmpty());
        truth.managedProperty().bind(truth.visibleProperty());
        hint.setWrapText(true);
        hint.setMaxWidth(TEXT_WIDTH);
        model.pickedProperty().addListener((o, a, i) -> show(i, true));
        padShown(false);
    }

    /** The Random and Next buttons, for a draw pad to show beside its own (see {@link #padShown}). */
    HBox buttons() {
        return buttons;
    }

    /**
     * Beside a draw pad (the picture goes onto it; the pad shows {@link #buttons()} and this, the sentence on the
     * picked image), or on its own (the picture, its bars and the buttons here).
     */
    void padShown(boolean shown) {
        padShown = shown;
        if (shown) {
            getChildren().setAll(truth);
        } else {
            HBox row = new HBox(16, picture, new VBox(8, buttons, hint, truth, bars));
            row.setAlignment(Pos.TOP_LEFT);
            getChildren().setAll(row);
        }
        show(model.pickedProperty().get(), false);
    }

    private void show(PicturesViewModel.Picture i, boolean fresh) {
        picture.getChildren().clear();
        Planes p = i == null ? null : i.image();
        if (p == null) {
            bars.show(null, className);
            return;
        }
        if (padShown && p.channels() == 1) {
            if (fresh) {
                toDrawPad.accept(p.planes()[0].clone());
            }
            return;
        }
        // The longer side fills the square; every pixel stays a sharp square.
        double scale = SIDE / Math.max(p.height(), p.width());
        Canvas c = PlanePictures.canvas(PlanePictures.input(p, 0), p.width() * scale, p.height() * scale);
        picture.getChildren().add(c);
        bars.show(i.probabilities(), className);
    }
}
