package org.layercanvas.app.main;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import org.layercanvas.app.editor.CanvasController;
import org.layercanvas.app.editor.GraphPresenter;
import org.layercanvas.app.training.HealthViewModel;
import org.layercanvas.app.training.TrainingViewModel;
import org.layercanvas.grapheditor.NodeStatus;

/** Step mode on the canvas: each layer of the network shows its health line at its foot, coloured by verdict. */
final class HealthOnCanvas {
    private HealthOnCanvas() {
    }

    /** A health view model fed by {@code training}'s events whose findings show on {@code canvas}'s nodes. */
    static HealthViewModel wire(TrainingViewModel training, CanvasController canvas) {
        HealthViewModel health = new HealthViewModel(Platform::runLater);
        training.addEventListener(health);
        health.layersProperty().addListener((o, a, layers) -> canvas.setNodeStatuses(statuses(layers)));
        return health;
    }

    static Map<String, GraphPresenter.Status> statuses(List<HealthViewModel.LayerReport> layers) {
        Map<String, GraphPresenter.Status> out = new LinkedHashMap<>();
        for (HealthViewModel.LayerReport r : layers) {
            NodeStatus.Level level = switch (r.level()) {
                case GOOD -> NodeStatus.Level.GOOD;
                case WARNING -> NodeStatus.Level.WARNING;
                case BAD -> NodeStatus.Level.BAD;
            };
            out.put(r.nodeId(), new GraphPresenter.Status(new NodeStatus(r.line(), level), r.explanation()));
        }
        return out;
    }
}
