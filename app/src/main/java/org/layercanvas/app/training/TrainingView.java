package org.layercanvas.app.training;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.layercanvas.app.Messages;

/**
 * The training dashboard: Run, Pause/Resume and Stop, progress with epoch, iteration, elapsed time, ETA and
 * throughput, the device, any message (failure, early stop), and the live loss, accuracy and learning-rate
 * charts with smoothing, log scale and iterations/epochs controls.
 */
public final class TrainingView extends VBox {
    private final Button run = new Button(Messages.get("training.run"), new FontIcon("mdi2p-play"));
    private final Button pause = new Button(Messages.get("training.pause"), new FontIcon("mdi2p-pause"));
    private final Button resume = new Button(Messages.get("training.resume"), new FontIcon("mdi2p-play-pause"));
    private final Button stop = new Button(Messages.get("training.stop"), new FontIcon("mdi2s-stop"));
    private final Button step = new Button(Messages.get("training.step"), new FontIcon("mdi2s-step-forward"));

    /**
     * @param health step mode's findings: their summary line shows under the device line
     */
    public TrainingView(TrainingViewModel model, HealthViewModel health, TrainingCharts charts, Runnable onRun) {
        setId("training");
        setSpacing(6);
        setPadding(new Insets(8));
        bindButtons(model, onRun);
        GridPane grid = chartGrid(model, charts);
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(controls(model), deviceLine(model), messageLine(model), healthLine(health),
                chartControls(model, charts), grid);
    }

    /** Step mode's summary of the last step (which layers need a look), hidden while empty. */
    private static Label healthLine(HealthViewModel health) {
        Label line = new Label();
        line.setId("health-summary");
        line.getStyleClass().add("health-summary");
        line.setWrapText(true);
        line.textProperty().bind(health.summaryProperty());
        line.visibleProperty().bind(health.summaryProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        line.setMinHeight(Region.USE_PREF_SIZE);
        return line;
    }

    /** Run, Pause/Resume (one at a time) and Stop, enabled by the run's state. */
    private void bindButtons(TrainingViewModel model, Runnable onRun) {
        run.setId("run");
        pause.setId("pause");
        resume.setId("resume");
        stop.setId("stop");
        run.getStyleClass().add("accent");
        run.setTooltip(new Tooltip(Messages.get("training.run.long")));
        stop.setTooltip(new Tooltip(Messages.get("training.stop.long")));
        run.setOnAction(e -> onRun.run());
        pause.setOnAction(e -> model.pause());
        resume.setOnAction(e -> model.resume());
        stop.setOnAction(e -> model.stop());
        step.setId("step");
        step.setTooltip(new Tooltip(Messages.get("training.step.long")));
        step.setOnAction(e -> {
            boolean idle = !model.busyProperty().get();
            model.step();
            if (idle) {
                onRun.run(); // the run starts paused before its first minibatch
            }
        });
        step.disableProperty().bind(model.stateProperty().isEqualTo(TrainingViewModel.State.STARTING)
                .or(model.stateProperty().isEqualTo(TrainingViewModel.State.STOPPING)));
        run.disableProperty().bind(model.busyProperty());
        pause.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingViewModel.State.RUNNING));
        resume.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingViewModel.State.PAUSED));
        pause.visibleProperty().bind(resume.disabledProperty());
        pause.managedProperty().bind(pause.visibleProperty());
        resume.visibleProperty().bind(pause.visibleProperty().not());
        resume.managedProperty().bind(resume.visibleProperty());
        stop.disableProperty().bind(model.busyProperty().not());
    }

    /** The buttons, the progress bar and the progress line. */
    private HBox controls(TrainingViewModel model) {
        ProgressBar bar = new ProgressBar();
        bar.setId("training-progress");
        bar.progressProperty().bind(Bindings.when(model.stateProperty().isEqualTo(TrainingViewModel.State.STARTING))
                .then(-1.0).otherwise(model.progressProperty()));
        bar.setPrefWidth(120);
        Label progress = new Label();
        progress.setId("training-progress-text");
        progress.textProperty().bind(model.progressTextProperty());
        // On a narrow window the line may be cut: the whole of it stays one hover away.
        javafx.scene.control.Tooltip progressTip = new javafx.scene.control.Tooltip();
        progressTip.textProperty().bind(model.progressTextProperty());
        progress.setTooltip(progressTip);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.setMaxWidth(Double.MAX_VALUE);
        for (Button b : new Button[] {run, pause, resume, step, stop}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setMinWidth(80);
        bar.setMaxWidth(200);
        HBox controls = new HBox(8, run, pause, resume, step, stop, bar, progress);
        controls.setAlignment(Pos.CENTER_LEFT);
        progress.setMinWidth(0);
        return controls;
    }

    /** Device, backend, threads and the engine with its reason: may take two lines, never cut. */
    private static Label deviceLine(TrainingViewModel model) {
        Label device = new Label();
        device.setId("training-device");
        device.getStyleClass().add("training-device");
        device.textProperty().bind(model.deviceTextProperty());
        device.setWrapText(true);
        javafx.scene.control.Tooltip deviceTip = new javafx.scene.control.Tooltip();
        deviceTip.textProperty().bind(model.deviceDetailsProperty());
        device.setTooltip(deviceTip);
        device.setMinWidth(0);
        device.setMinHeight(Region.USE_PREF_SIZE); // the charts give up the room when the pane is short
        return device;
    }

    /** What the run says (finished, failed in red, ...), hidden while empty. */
    private static Label messageLine(TrainingViewModel model) {
        Label message = new Label();
        message.setId("training-message");
        message.getStyleClass().add("training-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.pseudoClassStateChanged(FAILED, false);
        model.stateProperty().addListener((o, a, s) ->
                message.pseudoClassStateChanged(FAILED, s == TrainingViewModel.State.FAILED));

        return message;
    }

    /** Smoothing, log scale, epochs on the x axis and the note about a missing validation part. */
    private static HBox chartControls(TrainingViewModel model, TrainingCharts charts) {
        Slider smoothing = new Slider(0, 0.99, 0.6);
        smoothing.setId("smoothing");
        smoothing.setPrefWidth(140);
        charts.lossChart().smoothingProperty().bind(smoothing.valueProperty());
        CheckBox log = new CheckBox(Messages.get("chart.logScale"));
        log.setId("log-scale");
        charts.lossChart().logScaleProperty().bind(log.selectedProperty());
        ToggleButton epochs = new ToggleButton(Messages.get("chart.xEpochs"));
        epochs.setId("x-epochs");
        epochs.selectedProperty().addListener((o, a, b) -> charts.setXInEpochs(b));
        Label validationNote = new Label();
        validationNote.setId("validation-note");
        validationNote.getStyleClass().add("training-device");
        validationNote.setWrapText(true);
        validationNote.setMinWidth(0);
        validationNote.textProperty().bind(model.validationNoteProperty());
        HBox.setHgrow(validationNote, Priority.ALWAYS);
        HBox chartControls = new HBox(10, new Label(Messages.get("chart.smoothing")), smoothing, log, epochs,
                validationNote);
        chartControls.setAlignment(Pos.CENTER_LEFT);

        return chartControls;
    }

    /** Loss, accuracy and learning rate side by side (the rate only when a schedule changes it). */
    private static GridPane chartGrid(TrainingViewModel model, TrainingCharts charts) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.add(charts.lossChart(), 0, 0);
        grid.add(charts.accuracyChart(), 1, 0);
        grid.add(charts.rateChart(), 2, 0);
        for (int i = 0; i < 3; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(i == 2 ? 24 : 38);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        // A fixed learning rate is a flat line: loss and accuracy get its room; a schedule shows it.
        model.trainedDocumentProperty().addListener((o, a, doc) -> showRate(grid, charts,
                doc == null || doc.training().schedule().type() != org.layercanvas.model.LrSchedule.Type.FIXED));
        javafx.scene.layout.RowConstraints row = new javafx.scene.layout.RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().add(row);
        for (var c : new Region[] {charts.lossChart(), charts.accuracyChart(), charts.rateChart()}) {
            c.setMinSize(120, 120);
            c.setPrefSize(300, 220);
            c.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        }
        return grid;
    }

    private static void showRate(GridPane grid, TrainingCharts charts, boolean show) {
        charts.rateChart().setVisible(show);
        charts.rateChart().setManaged(show);
        grid.getColumnConstraints().get(0).setPercentWidth(show ? 38 : 50);
        grid.getColumnConstraints().get(1).setPercentWidth(show ? 38 : 50);
        grid.getColumnConstraints().get(2).setPercentWidth(show ? 24 : 0);
    }

    private static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");
}
