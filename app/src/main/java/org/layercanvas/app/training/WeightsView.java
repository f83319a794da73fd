package org.layercanvas.app.training;

import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.control.Slider;
import javafx.geometry.Pos;
import javafx.beans.binding.Bindings;
import javafx.scene.paint.Color;
import org.layercanvas.app.Messages;
import org.layercanvas.runtime.train.TrainingEvent;

/**
 * Small histograms of every parameter array after an epoch: how a layer's weights and biases are spread, redrawn
 * once per epoch (not per frame). An epoch slider looks back at earlier epochs of the run ({@link WeightsViewModel}).
 */
public final class WeightsView extends BorderPane {
    static final double WIDTH = 190;
    static final double HEIGHT = 70;

    private final Label heading = new Label(Messages.get("weights.none"));
    private final FlowPane cells = new FlowPane(14, 12);

    /**
     * @param showing whether the view is on screen (its tab selected): histograms are drawn only then
     */
    public WeightsView(WeightsViewModel model, javafx.beans.value.ObservableBooleanValue showing) {
        setId("weights");
        heading.setWrapText(true);
        heading.setPadding(new Insets(8, 10, 4, 10));
        ObservableValue<TrainingEvent.Histograms> source = model.shownProperty();
        cells.setId("weights-cells");
        cells.setPadding(new Insets(6, 10, 10, 10));
        ScrollPane scroll = new ScrollPane(cells);
        scroll.setFitToWidth(true);
        setTop(new VBox(heading, epochSlider(model)));
        setCenter(scroll);
        // Drawn only while the tab is shown: a short-epoch run sends many histograms a second.
        source.addListener((o, a, h) -> {
            pending = h;
            if (showing.get()) {
                show(h);
            }
        });
        showing.addListener((o, a, visible) -> {
            if (visible && pending != shownHistograms) {
                show(pending);
            }
        });
        pending = source.getValue();
        show(pending);
    }

    /** Looks back over the run's epochs; hidden until there are two. */
    private static HBox epochSlider(WeightsViewModel model) {
        Slider slider = new Slider(1, 1, 1);
        slider.setId("weights-epoch");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(1);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(480);
        Label where = new Label();
        where.setId("weights-epoch-label");
        where.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("weights.slider",
                model.shownProperty().get() == null ? 0 : model.shownProperty().get().epoch(),
                model.countProperty().get()), model.shownProperty(), model.countProperty()));
        slider.maxProperty().bind(model.countProperty());
        model.positionProperty().addListener((o, a, p) -> slider.setValue(p.intValue()));
        slider.valueProperty().addListener((o, a, v) -> {
            if ((int) Math.round(v.doubleValue()) != model.positionProperty().get()) {
                model.select((int) Math.round(v.doubleValue()));
            }
        });
        slider.setValue(Math.max(1, model.positionProperty().get()));
        HBox row = new HBox(10, new Label(Messages.get("weights.sliderTitle")), slider, where);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(0, 10, 4, 10));
        row.visibleProperty().bind(model.countProperty().greaterThan(1));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private TrainingEvent.Histograms pending;
    private TrainingEvent.Histograms shownHistograms;

    void show(TrainingEvent.Histograms h) {
        shownHistograms = h;
        cells.getChildren().clear();
        if (h == null) {
            heading.setText(Messages.get("weights.none"));
            return;
        }
        heading.setText(Messages.get("weights.epoch", h.epoch()));
        for (TrainingEvent.Histogram p : h.parameters()) {
            cells.getChildren().add(cell(p));
        }
    }

    private static VBox cell(TrainingEvent.Histogram p) {
        Label title = new Label(Messages.get("weights.title", p.layer(), p.parameter()));
        title.getStyleClass().add("weights-title");
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        draw(canvas.getGraphicsContext2D(), p);
        Label range = new Label(Messages.get("weights.range", num(p.min()), num(p.max())));
        Label stats = new Label(Messages.get("weights.stats", p.size(), num(p.mean()), num(p.std())));
        range.getStyleClass().add("weights-stats");
        stats.getStyleClass().add("weights-stats");
        VBox box = new VBox(2, title, canvas, range, stats);
        box.getStyleClass().add("weights-cell");
        return box;
    }

    private static void draw(GraphicsContext g, TrainingEvent.Histogram p) {
        long[] counts = p.counts();
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        g.setFill(Color.gray(0.5, 0.12));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double w = WIDTH / Math.max(1, counts.length);
        g.setFill(Color.web("#3b82c4"));
        for (int k = 0; k < counts.length; k++) {
            double h = counts[k] == 0 ? 0 : Math.max(1, (HEIGHT - 2) * counts[k] / max);
            g.fillRect(k * w + 0.5, HEIGHT - h, Math.max(1, w - 1), h);
        }
        if (p.min() < 0 && p.max() > 0) {
            double zero = WIDTH * (0 - p.min()) / (p.max() - p.min());
            g.setStroke(Color.gray(0.3, 0.8));
            g.strokeLine(zero, 0, zero, HEIGHT);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "\u2014" : String.format(Locale.getDefault(), "%.3g", v);
    }

    public FlowPane cells() {
        return cells;
    }
}
