package org.layercanvas.app.pipeline;

import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;
import org.layercanvas.app.Messages;
import org.layercanvas.app.training.TrainingViewModel;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.runtime.train.TrainingEvent;

/**
 * The pipeline every project goes through, as course material draws it: data, preprocessing, model design,
 * training, evaluation, deployment. For each step: done, the next one to do, in progress, or still to come, and a
 * line saying why. Computed from the document, its analysis and the last run; tested without a stage.
 */
public final class PipelineViewModel {
    public enum Stage { DATA, PREPROCESSING, MODEL, TRAINING, EVALUATION, DEPLOYMENT }

    public enum Status { DONE, NEXT, RUNNING, LATER }

    /** One step as the strip shows it. */
    public record Step(Stage stage, Status status, String detail) {
    }

    private final ObjectBinding<List<Step>> steps;

    public PipelineViewModel(ObservableValue<NetworkDocument> document, ObservableValue<Analysis> analysis,
                             TrainingViewModel training) {
        steps = Bindings.createObjectBinding(() -> steps(document.getValue(), analysis.getValue(),
                        training.busyProperty().get(), training.trainedDocumentProperty().get(),
                        training.evaluationProperty().get()), document, analysis, training.busyProperty(),
                training.trainedDocumentProperty(), training.evaluationProperty());
    }

    public ObjectBinding<List<Step>> stepsProperty() {
        return steps;
    }

    /**
     * The steps for a document and its last run.
     *
     * @param trained    the network the last run trained (null: none yet)
     * @param evaluation the last run's evaluation (null: none yet)
     */
    public static List<Step> steps(NetworkDocument doc, Analysis analysis, boolean training,
                                   NetworkDocument trained, TrainingEvent.Evaluation evaluation) {
        boolean hasData = doc.dataset() != null;
        boolean valid = !analysis.hasErrors();
        boolean current = trained != null && sameNetwork(trained, doc);
        Status data = hasData ? Status.DONE : Status.NEXT;
        Status preprocessing = hasData ? Status.DONE : Status.LATER;
        Status model = !hasData ? Status.LATER : valid ? Status.DONE : Status.NEXT;
        Status train = training ? Status.RUNNING : !hasData || !valid ? Status.LATER
                : current ? Status.DONE : Status.NEXT;
        Status evaluate = current && evaluation != null ? Status.DONE : Status.LATER;
        Status deploy = evaluate == Status.DONE ? Status.NEXT : Status.LATER;
        return List.of(
                new Step(Stage.DATA, data, hasData ? Messages.get("pipeline.data.done", doc.dataset().id())
                        : Messages.get("pipeline.data.missing")),
                new Step(Stage.PREPROCESSING, preprocessing, hasData ? preprocessingText(doc)
                        : Messages.get("pipeline.preprocessing.later")),
                new Step(Stage.MODEL, model, valid ? Messages.get("pipeline.model.done", analysis.totalParams())
                        : Messages.get("pipeline.model.errors", analysis.errors().size())),
                new Step(Stage.TRAINING, train, Messages.get(switch (train) {
                    case RUNNING -> "pipeline.training.running";
                    case DONE -> "pipeline.training.done";
                    default -> trained != null ? "pipeline.training.changed" : "pipeline.training.missing";
                })),
                new Step(Stage.EVALUATION, evaluate, evaluate == Status.DONE
                        ? Messages.get("pipeline.evaluation.done",
                        org.layercanvas.i18n.Numbers.percent(evaluation.testAccuracy()))
                        : Messages.get("pipeline.evaluation.missing")),
                new Step(Stage.DEPLOYMENT, deploy, Messages.get("pipeline.deployment.detail")));
    }

    private static String preprocessingText(NetworkDocument doc) {
        String id = doc.dataset().id();
        if (DatasetCatalog.isTabular(id)) {
            Object n = doc.dataset().options().getOrDefault("normalize", "none");
            return Messages.get("pipeline.preprocessing.tabular", n);
        }
        if (DatasetCatalog.IMAGE_SETS.contains(id)) {
            return Messages.get("pipeline.preprocessing.images");
        }
        if (DatasetCatalog.TEXT_SETS.contains(id)) {
            return Messages.get("pipeline.preprocessing.text");
        }
        return Messages.get("pipeline.preprocessing.generated");
    }

    /**
     * Whether the last run trained this network: same layers, parameters, wires, dataset and settings (moving a
     * layer on the canvas does not make a run stale).
     */
    static boolean sameNetwork(NetworkDocument a, NetworkDocument b) {
        return layers(a).equals(layers(b)) && a.edges().equals(b.edges()) && a.training().equals(b.training())
                && Objects.equals(a.dataset() == null ? null : a.dataset().id(),
                b.dataset() == null ? null : b.dataset().id())
                && Objects.equals(a.dataset() == null ? null : a.dataset().split(),
                b.dataset() == null ? null : b.dataset().split());
    }

    private static List<List<Object>> layers(NetworkDocument d) {
        return d.nodes().stream().map((Node n) -> List.<Object>of(n.id(), n.type(), n.params())).toList();
    }
}
