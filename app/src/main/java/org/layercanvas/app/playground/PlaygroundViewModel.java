package org.layercanvas.app.playground;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layercanvas.app.Messages;
import org.layercanvas.i18n.Numbers;
import org.layercanvas.runtime.train.TrainingEvent;

/**
 * The playground's state: the newest picture of what a 2-D classifier predicts over the plane (sent by the
 * training worker while it trains), the training points drawn over it, a sentence on what is shown (or why nothing
 * is), and the answer to "what does the network say here?" for a clicked point. Fed by the training view model's
 * events; asks the run's worker for predictions. No JavaFX nodes: unit-tested without a stage.
 */
public final class PlaygroundViewModel implements Consumer<TrainingEvent> {
    /** What the playground can show for the last run. */
    public enum Mode { WAITING, PLANE, NOT_PLANE }

    private final Executor ui;
    private final Function<double[][], CompletableFuture<double[][]>> predictor;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.WAITING);
    private final ReadOnlyObjectWrapper<TrainingEvent.Boundary> boundary = new ReadOnlyObjectWrapper<>(this, "boundary");
    private final ReadOnlyObjectWrapper<TrainingEvent.BoundaryPoints> points =
            new ReadOnlyObjectWrapper<>(this, "points");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            Messages.get("playground.waiting"));
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper(this, "answer", "");
    private volatile List<String> classNames = List.of();
    private volatile boolean sawBoundary;
    private volatile boolean runOver;
    private long asked;

    /**
     * @param ui        runs property changes on the FX thread
     * @param predictor the run's model: outputs for input rows (fails while the network trains)
     */
    public PlaygroundViewModel(Executor ui, Function<double[][], CompletableFuture<double[][]>> predictor) {
        this.ui = ui;
        this.predictor = predictor;
    }

    /** One training event, on any thread. */
    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started) {
            sawBoundary = false;
            runOver = false;
            ui.execute(() -> {
                mode.set(Mode.WAITING);
                boundary.set(null);
                points.set(null);
                answer.set("");
                status.set(Messages.get("playground.waiting"));
            });
        } else if (event instanceof TrainingEvent.Boundary b) {
            sawBoundary = true;
            ui.execute(() -> show(b));
        } else if (event instanceof TrainingEvent.Epoch && !sawBoundary) {
            // An epoch went by without a picture: this network does not classify two input features.
            ui.execute(() -> {
                mode.set(Mode.NOT_PLANE);
                status.set(Messages.get("playground.notPlane"));
            });
        } else if (event instanceof TrainingEvent.Evaluation ev) {
            classNames = ev.classNames();
        } else if (event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Failed) {
            runOver = true;
            ui.execute(() -> {
                TrainingEvent.Boundary b = boundary.get();
                if (b != null) {
                    show(b);
                }
            });
        }
    }

    private void show(TrainingEvent.Boundary b) {
        if (b.points() != null) {
            points.set(b.points());
        }
        boundary.set(b);
        mode.set(Mode.PLANE);
        status.set(Messages.get(runOver ? "playground.plane.done" : "playground.plane.training", b.epoch(),
                b.iteration()));
    }

    /**
     * Asks the network about the point {@code (x, y)} (in the plane's coordinates); the answer (or why there is
     * none) arrives in {@link #answerProperty()}. Only the newest question's answer is shown.
     */
    public void ask(double x, double y) {
        long id = ++asked;
        String where = Messages.get("playground.point", Numbers.significant(x, 3), Numbers.significant(y, 3));
        predictor.apply(new double[][] {{x, y}}).whenComplete((out, error) -> {
            String text = error != null ? Messages.get("playground.answer.none", where, reason(error))
                    : describe(where, out[0]);
            ui.execute(() -> {
                if (id == asked) {
                    answer.set(text);
                }
            });
        });
    }

    private String describe(String where, double[] out) {
        int best;
        double p;
        if (out.length == 1) {
            best = out[0] >= 0.5 ? 1 : 0;
            p = best == 1 ? out[0] : 1 - out[0];
        } else {
            best = 0;
            for (int k = 1; k < out.length; k++) {
                best = out[k] > out[best] ? k : best;
            }
            p = out[best];
        }
        return Messages.get("playground.answer", where, className(best), Numbers.percent(p));
    }

    /** The class's name from the run's evaluation, else its number. */
    public String className(int k) {
        List<String> names = classNames;
        return k < names.size() ? names.get(k) : Messages.get("playground.class", k);
    }

    private static String reason(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName().toLowerCase(Locale.ROOT) : m;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingEvent.Boundary> boundaryProperty() {
        return boundary.getReadOnlyProperty();
    }

    /** The training points of the run (sent with its first picture). */
    public ReadOnlyObjectProperty<TrainingEvent.BoundaryPoints> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }
}
