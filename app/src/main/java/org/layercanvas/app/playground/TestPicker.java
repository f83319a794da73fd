package org.layercanvas.app.playground;

import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layercanvas.app.Messages;
import org.layercanvas.runtime.worker.Planes;
import org.layercanvas.runtime.worker.WorkerProtocol.Inspection;

/**
 * A test image of the run picked at random (or the next one), drawn large; its true class and the network's class
 * probabilities beside it. For grey images a button hands the picture to the draw pad, where the student can change
 * it. Renders {@link PicturesViewModel}.
 */
final class TestPicker extends HBox {
    private static final double SIDE = 168;

    private final PicturesViewModel model;
    private final StackPane picture = new StackPane();
    private final ClassBars bars = new ClassBars("pick-bars");
    private final Button toPad = new Button(Messages.get("playground.pick.toPad"));
    private final java.util.function.IntFunction<String> className;
    private boolean padShown;

    /** @param toDrawPad takes a grey picture's intensities (null: there is no draw pad) */
    TestPicker(PicturesViewModel model, java.util.function.IntFunction<String> className,
               java.util.function.Consumer<float[]> toDrawPad) {
        super(16);
        this.model = model;
        this.className = className;
        getStyleClass().add("test-picker");
        Button random = new Button(Messages.get("playground.pick.random"));
        random.setId("pick-random");
        random.setOnAction(e -> model.pickRandom());
        Button next = new Button(Messages.get("playground.pick.next"));
        next.setId("pick-next");
        next.setOnAction(e -> model.pickNext());
        random.disableProperty().bind(model.busyProperty());
        next.disableProperty().bind(model.busyProperty());
        toPad.setId("pick-to-pad");
        toPad.setOnAction(e -> {
            Inspection i = model.pickedProperty().get();
            if (i != null && toDrawPad != null) {
                toDrawPad.accept(i.picture().planes()[0].clone());
            }
        });
        picture.setId("pick-image");
        picture.setMinSize(SIDE, SIDE);
        picture.setPrefSize(SIDE, SIDE);
        picture.setMaxSize(SIDE, SIDE);
        picture.getStyleClass().add("pick-image");
        Label truth = new Label();
        truth.setId("pick-truth");
        truth.setWrapText(true);
        truth.setMaxWidth(300);
        truth.textProperty().bind(model.pickNoteProperty());
        Label hint = new Label(Messages.get("playground.pick.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(300);
        HBox buttons = new HBox(8, random, next, toPad);
        VBox right = new VBox(8, buttons, hint, truth, bars);
        getChildren().addAll(picture, right);
        setAlignment(Pos.TOP_LEFT);
        model.pickedProperty().addListener((o, a, i) -> show(i));
        show(null);
    }

    /** Whether the draw pad is shown beside the picker (then a grey picture can be handed to it). */
    void padShown(boolean shown) {
        padShown = shown;
        show(model.pickedProperty().get());
    }

    private void show(Inspection i) {
        picture.getChildren().clear();
        Planes p = i == null ? null : i.picture();
        toPad.setVisible(padShown && p != null && p.channels() == 1);
        toPad.setManaged(padShown);
        if (p == null) {
            bars.show(null, className);
            return;
        }
        // The longer side fills the square; every pixel stays a sharp square.
        double scale = SIDE / Math.max(p.height(), p.width());
        Canvas c = PlanePictures.canvas(PlanePictures.input(p, 0), p.width() * scale, p.height() * scale);
        picture.getChildren().add(c);
        bars.show(PicturesViewModel.probabilities(i.outputs()), className);
    }
}
