package org.layercanvas.app.playground;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layercanvas.app.Messages;
import org.layercanvas.i18n.Numbers;
import org.layercanvas.runtime.train.Planes;
import org.layercanvas.runtime.worker.WorkerProtocol.Inspection;

/**
 * The playground's pictures for a network on images: a test image picked at random (or the next one) from the run's
 * test split with its true class and the network's class probabilities, and what the network's Conv2D layers make of
 * the input shown last (the picked image, or the student's drawing): the first layer's filters and each layer's
 * feature maps. No JavaFX nodes: unit-tested without a stage.
 */
public final class PicturesViewModel {
    /** Asks the run's worker about one input (see {@code WorkerClient.inspect}). */
    @FunctionalInterface
    public interface Inspector {
        CompletableFuture<Inspection> inspect(int testIndex, double[] intensities, boolean maps);
    }

    /**
     * An input as the playground shows it: the picture (values 0 to 1), one probability per class, where it is in the
     * test split and its true class (-1 for a drawing), and with a Conv2D network the first layer's filters (else
     * null) and each layer's feature maps (empty: no Conv2D layer; null: not asked).
     */
    public record Picture(Planes image, double[] probabilities, int testIndex, int testSize, int label,
                          Planes filters, List<Planes> maps) {
        static Picture of(Inspection i) {
            return new Picture(i.picture(), PicturesViewModel.probabilities(i.outputs()), i.testIndex(),
                    i.testSize(), i.label(), i.filters(), i.maps());
        }
    }

    /** Where the input whose feature maps are shown came from. */
    public enum Source { PICKED, DRAWN }

    private final Executor ui;
    private final Inspector inspector;
    private final IntFunction<String> className;
    private final BooleanSupplier runOver;
    private final Random random;
    private final ReadOnlyObjectWrapper<Picture> picked = new ReadOnlyObjectWrapper<>(this, "picked");
    private final ReadOnlyObjectWrapper<Picture> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyStringWrapper pickNote = new ReadOnlyStringWrapper(this, "pickNote", "");
    private final ReadOnlyStringWrapper mapsNote = new ReadOnlyStringWrapper(this, "mapsNote", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private int lastIndex = -1;

    /**
     * @param ui        runs property changes on the FX thread (answers arrive on any thread)
     * @param className the name of class k, from the run's evaluation
     * @param runOver   whether the last run has ended (a refused question then is not "still training")
     * @param random    chooses the random test images
     */
    public PicturesViewModel(Executor ui, Inspector inspector, IntFunction<String> className, BooleanSupplier runOver,
                             Random random) {
        this.ui = ui;
        this.inspector = inspector;
        this.className = className;
        this.runOver = runOver;
        this.random = random;
    }

    /** A new run: nothing picked, nothing shown. On the FX thread. */
    public void reset() {
        picked.set(null);
        shown.set(null);
        source.set(null);
        pickNote.set("");
        mapsNote.set("");
        lastIndex = -1;
    }

    /** Shows a test image chosen at random. Ignored while the last pick is unanswered. */
    public void pickRandom() {
        pick(random.nextInt(Integer.MAX_VALUE));
    }

    /** Shows the test image after the last one picked (the first one if none was). */
    public void pickNext() {
        pick(lastIndex + 1);
    }

    private void pick(int index) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        inspector.inspect(index, null, true).whenComplete((answer, error) -> ui.execute(() -> {
            busy.set(false);
            if (error != null) {
                pickNote.set(runOver.getAsBoolean() ? Messages.get("playground.pick.none", PlaygroundViewModel
                        .reason(error)) : Messages.get("playground.pick.training"));
                return;
            }
            Picture p = Picture.of(answer);
            lastIndex = p.testIndex();
            picked.set(p);
            pickNote.set(truth(p));
            show(p, Source.PICKED);
        }));
    }

    /** The feature maps of the student's drawing arrived (the draw pad asks for them with its predictions). */
    void showDrawn(Inspection answer) {
        // A picked test image put on the pad and not changed yet is still that test image.
        Picture p = picked.get();
        boolean unchanged = p != null && java.util.Arrays.equals(p.image().planes()[0],
                answer.picture().planes()[0]);
        show(Picture.of(answer), unchanged ? Source.PICKED : Source.DRAWN);
    }

    private void show(Picture answer, Source from) {
        shown.set(answer);
        source.set(from);
        List<Planes> maps = answer.maps();
        mapsNote.set(maps == null ? "" : maps.isEmpty() ? Messages.get("playground.maps.none")
                : Messages.get(from == Source.PICKED ? "playground.maps.picked" : "playground.maps.drawn"));
    }

    /** "Test image 12 of 360: true class 3; the network says 3 (97 % sure): right." */
    private String truth(Picture a) {
        double[] p = a.probabilities();
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        String key = a.label() < 0 ? "playground.pick.noLabel" : best == a.label() ? "playground.pick.right"
                : "playground.pick.wrong";
        return Messages.get(key, a.testIndex() + 1, a.testSize(), a.label() < 0 ? "" : className.apply(a.label()),
                className.apply(best), Numbers.percent(p[best]));
    }

    /** One probability per class: a sigmoid unit's output is the second of two. */
    static double[] probabilities(double[] out) {
        return out.length == 1 ? new double[] {1 - out[0], out[0]} : out.clone();
    }

    /** The test image picked last (null: none yet). */
    public ReadOnlyObjectProperty<Picture> pickedProperty() {
        return picked.getReadOnlyProperty();
    }

    /** The input whose filters and feature maps are shown: the picked image or the drawing, whichever came last. */
    public ReadOnlyObjectProperty<Picture> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Source> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The picked image's true class and what the network says, or why no image could be picked. */
    public ReadOnlyStringProperty pickNoteProperty() {
        return pickNote.getReadOnlyProperty();
    }

    /** What the feature maps show, or why there are none (a network without Conv2D layers). */
    public ReadOnlyStringProperty mapsNoteProperty() {
        return mapsNote.getReadOnlyProperty();
    }

    /** A pick is on its way (the buttons wait). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The per-layer caption of feature maps: "stem: 16 of 32 feature maps, 8x8". */
    public static String mapsCaption(Planes maps) {
        return Messages.get("playground.maps.layer", maps.layer(), maps.planes().length, maps.total(), maps.height(),
                maps.width());
    }

    /** The caption of the first Conv2D layer's filters: "stem: its 16 learned filters, 3x3, grey". */
    public static String filtersCaption(Planes filters) {
        return Messages.get(filters.channels() == 3 ? "playground.filters.rgb" : "playground.filters", filters.layer(),
                filters.total(), filters.height(), filters.width(), filters.channels());
    }
}
