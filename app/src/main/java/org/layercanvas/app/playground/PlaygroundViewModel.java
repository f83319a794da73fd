package org.layercanvas.app.playground;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layercanvas.app.Messages;
import org.layercanvas.i18n.Numbers;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.worker.WorkerProtocol;

/**
 * The playground's state: for a 2-D classifier the newest picture of what it predicts over the plane (sent by the
 * training worker while it trains), the training points drawn over it and the answer for a clicked point; for a
 * network on small grey images (the 8x8 digits, 28x28 MNIST-like) the class probabilities of what the student
 * draws; and a sentence on what is shown (or why nothing is). Fed by the training view model's events; asks the
 * run's worker for predictions. No JavaFX nodes: unit-tested without a stage.
 */
public final class PlaygroundViewModel implements Consumer<TrainingEvent> {
    /** What the playground can show for the last run. */
    public enum Mode { WAITING, PLANE, DRAW, IMAGE, TEXT, NOT_PLANE }

    /** The run's model: outputs for input rows, as given or as drawn intensities (fails while it trains). */
    public interface Predictor {
        CompletableFuture<double[][]> predict(double[][] rows, boolean intensities);

        /** Outputs for sentences, encoded with the run's vocabulary by the worker. */
        CompletableFuture<double[][]> predictTexts(List<String> texts);

        /** A test image or a drawn input as a picture, with outputs and Conv2D pictures ({@link PicturesViewModel}). */
        default CompletableFuture<WorkerProtocol.Inspection> inspect(int testIndex, double[] intensities,
                                                                    boolean maps) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("inspect"));
        }
    }

    /** Drawn images larger than this many pixels a side are not offered (a pad of 28x28 cells is the largest). */
    static final int MAX_DRAW_SIDE = 28;

    private final Executor ui;
    private final Predictor predictor;
    private final Supplier<TensorShape> inputShape;
    private final Supplier<Boolean> readsWords;
    private final ReadOnlyObjectWrapper<double[]> probabilities = new ReadOnlyObjectWrapper<>(this, "probabilities");
    private volatile int drawSide;
    private volatile boolean tokens;
    private volatile boolean pictureInput;
    private final PicturesViewModel pictures;
    private float[] waitingDrawing;
    private String waitingText;
    private boolean questionOut;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.WAITING);
    private final ReadOnlyObjectWrapper<TrainingEvent.Boundary> boundary = new ReadOnlyObjectWrapper<>(this, "boundary");
    private final ReadOnlyObjectWrapper<TrainingEvent.BoundaryPoints> points =
            new ReadOnlyObjectWrapper<>(this, "points");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            Messages.get("playground.waiting"));
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper(this, "answer", "");
    private volatile List<String> classNames = List.of();
    private volatile boolean sawBoundary;
    /** No run is going: none has started yet, or the last one has ended. */
    private volatile boolean runOver = true;
    private long asked;

    /**
     * @param ui         runs property changes on the FX thread
     * @param predictor  the run's model
     * @param inputShape the Input of the network being trained (null when unknown)
     */
    public PlaygroundViewModel(Executor ui, Predictor predictor, Supplier<TensorShape> inputShape) {
        this(ui, predictor, inputShape, () -> true);
    }

    /**
     * @param readsWords whether the network's tokens are words a student can type (a text dataset), not tokens
     *                   made up for a task such as the transformer sample's sequences
     */
    public PlaygroundViewModel(Executor ui, Predictor predictor, Supplier<TensorShape> inputShape,
                               Supplier<Boolean> readsWords) {
        this.ui = ui;
        this.predictor = predictor;
        this.inputShape = inputShape;
        this.readsWords = readsWords;
        this.pictures = new PicturesViewModel(ui, predictor::inspect, this::className, () -> runOver,
                new java.util.Random());
    }

    /** Whether the network reads pictures whose test examples the playground can show: images, or the digits. */
    static boolean picturesOf(TensorShape s) {
        return s != null && (s.kind() == TensorShape.Kind.IMAGE || drawSideOf(s) > 0);
    }

    /** The side of the square grey image the network reads, when a student can draw one for it; else 0. */
    static int drawSideOf(TensorShape s) {
        if (s == null) {
            return 0;
        }
        int side = switch (s.kind()) {
            case IMAGE -> s.channels() == 1 && s.dim(0) == s.dim(1) ? s.dim(0) : 0;
            case VECTOR -> {
                int root = (int) Math.round(Math.sqrt(s.dim(0)));
                yield root * root == s.dim(0) && root >= 8 ? root : 0;
            }
            default -> 0;
        };
        return side <= MAX_DRAW_SIDE ? side : 0;
    }

    /** One training event, on any thread. */
    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started) {
            sawBoundary = false;
            runOver = false;
            TensorShape shape = inputShape.get();
            int side = drawSideOf(shape);
            boolean anyTokens = shape != null && shape.kind() == TensorShape.Kind.TOKENS;
            boolean text = anyTokens && Boolean.TRUE.equals(readsWords.get());
            boolean image = picturesOf(shape);
            drawSide = side;
            tokens = anyTokens;
            pictureInput = image;
            // Tokens made up for a task (not words): nothing a student could type means anything to the network.
            boolean madeUp = anyTokens && !text;
            ui.execute(() -> {
                mode.set(side > 0 ? Mode.DRAW : image ? Mode.IMAGE : text ? Mode.TEXT
                        : madeUp ? Mode.NOT_PLANE : Mode.WAITING);
                pictures.reset();
                boundary.set(null);
                points.set(null);
                probabilities.set(null);
                answer.set("");
                status.set(side > 0 ? Messages.get("playground.draw.training", side)
                        : image ? Messages.get("playground.image.training")
                        : text ? Messages.get("playground.text.training")
                        : madeUp ? Messages.get("playground.notWords") : Messages.get("playground.waiting"));
            });
        } else if (event instanceof TrainingEvent.Boundary b) {
            sawBoundary = true;
            ui.execute(() -> show(b));
        } else if (event instanceof TrainingEvent.Epoch && !sawBoundary && !pictureInput && !tokens) {
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
                } else if (mode.get() == Mode.DRAW) {
                    status.set(Messages.get("playground.draw.ready", drawSide));
                } else if (mode.get() == Mode.IMAGE) {
                    status.set(Messages.get("playground.image.ready"));
                } else if (mode.get() == Mode.TEXT) {
                    status.set(Messages.get("playground.text.ready"));
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
        predictor.predict(new double[][] {{x, y}}, false).whenComplete((out, error) -> {
            String text = error != null ? Messages.get("playground.answer.none", where, reason(error))
                    : describe(where, out[0]);
            ui.execute(() -> {
                if (id == asked) {
                    answer.set(text);
                }
            });
        });
    }

    /**
     * The student drew {@code intensities} (row by row, 0 background to 1 ink, {@link #drawSide()} a side):
     * asks the network; the class probabilities arrive in {@link #probabilitiesProperty()}. While a question is
     * out, only the newest drawing waits for the next one (drawing never queues up requests).
     */
    public void draw(float[] intensities) {
        if (questionOut) {
            waitingDrawing = intensities;
            return;
        }
        double[] row = new double[intensities.length];
        for (int k = 0; k < row.length; k++) {
            row[k] = intensities[k];
        }
        // One question for both: the class probabilities and what the Conv2D layers make of the drawing.
        ask(predictor.inspect(-1, row, true).thenApply(answer -> {
            ui.execute(() -> pictures.showDrawn(answer));
            return new double[][] {answer.outputs()};
        }));
    }

    /**
     * The student typed {@code text}: asks the network (a sentiment classifier reads it as its training texts were
     * read); the class probabilities arrive in {@link #probabilitiesProperty()}. Like drawings, only the newest text
     * waits while a question is out.
     */
    public void type(String text) {
        if (questionOut) {
            waitingText = text;
            return;
        }
        ask(predictor.predictTexts(List.of(text)));
    }

    private void ask(CompletableFuture<double[][]> question) {
        questionOut = true;
        question.whenComplete((out, error) -> ui.execute(() -> {
            questionOut = false;
            if (error != null) {
                answer.set(Messages.get("playground.draw.none", reason(error)));
            } else {
                probabilities.set(probabilities(out[0]));
                answer.set("");
            }
            float[] drawing = waitingDrawing;
            String text = waitingText;
            waitingDrawing = null;
            waitingText = null;
            if (drawing != null) {
                draw(drawing);
            } else if (text != null) {
                type(text);
            }
        }));
    }

    /** One probability per class: a sigmoid unit's output is the second of two. */
    private static double[] probabilities(double[] out) {
        return PicturesViewModel.probabilities(out);
    }

    /** The test image picker and the Conv2D pictures of a network on images. */
    public PicturesViewModel pictures() {
        return pictures;
    }

    /** The side of the image a student can draw for the last run's network; 0 when it takes no such image. */
    public int drawSide() {
        return drawSide;
    }

    /** What the network says about the last drawing: a probability per class; null before the first answer. */
    public ReadOnlyObjectProperty<double[]> probabilitiesProperty() {
        return probabilities.getReadOnlyProperty();
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

    static String reason(Throwable error) {
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
