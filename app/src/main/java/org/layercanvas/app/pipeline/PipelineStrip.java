package org.layercanvas.app.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.layercanvas.app.Messages;
import org.layercanvas.app.pipeline.PipelineViewModel.Stage;
import org.layercanvas.app.pipeline.PipelineViewModel.Status;
import org.layercanvas.app.pipeline.PipelineViewModel.Step;

/**
 * The pipeline strip at the top of the window: data -> preprocessing -> model design -> training -> evaluation ->
 * deployment, each step a button that shows its state (done, next, running, later) and goes where that step is
 * done; its tooltip says why it is in that state.
 */
public final class PipelineStrip extends HBox {
    private static final Map<Status, PseudoClass> STATES = new EnumMap<>(Status.class);

    static {
        for (Status s : Status.values()) {
            STATES.put(s, PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT)));
        }
    }

    private final Map<Stage, Button> buttons = new EnumMap<>(Stage.class);
    /** Held here: the properties it listens to hold their bindings weakly, so an unheld one stops updating. */
    private final PipelineViewModel model;

    /** @param actions what each step's button does */
    public PipelineStrip(PipelineViewModel model, Map<Stage, Runnable> actions) {
        this.model = model;
        setId("pipeline");
        getStyleClass().add("pipeline-strip");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(2);
        setPadding(new Insets(3, 8, 3, 8));
        for (Stage stage : Stage.values()) {
            if (stage != Stage.DATA) {
                Label arrow = new Label("\u203a");
                arrow.getStyleClass().add("pipeline-arrow");
                getChildren().add(arrow);
            }
            Button b = new Button(Messages.get("pipeline." + stage.name().toLowerCase(Locale.ROOT)));
            b.setId("pipeline-" + stage.name().toLowerCase(Locale.ROOT));
            b.getStyleClass().addAll("flat", "pipeline-step");
            b.setTooltip(new Tooltip());
            b.setFocusTraversable(false);
            Runnable action = actions.get(stage);
            b.setOnAction(e -> {
                if (action != null) {
                    action.run();
                }
            });
            buttons.put(stage, b);
            getChildren().add(b);
        }
        model.stepsProperty().addListener((o, a, steps) -> show(steps));
        show(model.stepsProperty().get());
    }

    private void show(List<Step> steps) {
        for (Step s : steps) {
            Button b = buttons.get(s.stage());
            STATES.forEach((status, pc) -> b.pseudoClassStateChanged(pc, status == s.status()));
            b.setGraphic(new FontIcon(switch (s.status()) {
                case DONE -> "mdi2c-check-circle";
                case NEXT -> "mdi2a-arrow-right-circle";
                case RUNNING -> "mdi2p-progress-clock";
                case LATER -> "mdi2c-circle-outline";
            }));
            b.getTooltip().setText(s.detail());
        }
    }

    /** The step's button, for tests. */
    public Button button(Stage stage) {
        return buttons.get(stage);
    }
}
