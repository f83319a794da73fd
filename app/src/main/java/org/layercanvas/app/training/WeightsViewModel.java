package org.layercanvas.app.training;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.layercanvas.runtime.train.TrainingEvent;

/**
 * The parameter histograms of every epoch of the current run, and which epoch the Weights tab shows: the newest
 * while the student does not look back, the chosen one when they do (the epoch slider), the newest again once they
 * move the slider to its end. A new run (its histograms cleared, or an epoch that is not after the last one) starts
 * a new history. Used on the FX thread only; no JavaFX nodes.
 */
public final class WeightsViewModel {
    private final List<TrainingEvent.Histograms> epochs = new ArrayList<>();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position");
    private final ReadOnlyObjectWrapper<TrainingEvent.Histograms> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private boolean following = true;

    /** Follows {@code source}: the latest epoch's histograms of the current run (null when a run starts). */
    public WeightsViewModel(ObservableValue<TrainingEvent.Histograms> source) {
        source.addListener((o, a, h) -> add(h));
        add(source.getValue());
    }

    void add(TrainingEvent.Histograms h) {
        if (h == null || (!epochs.isEmpty() && h.epoch() <= epochs.get(epochs.size() - 1).epoch())) {
            epochs.clear();
            following = true;
        }
        if (h != null) {
            epochs.add(h);
        }
        count.set(epochs.size());
        if (following || epochs.isEmpty()) {
            select(epochs.size());
        }
    }

    /** Shows the {@code n}-th epoch of the history (1-based, clamped); the last one makes the view follow again. */
    public void select(int n) {
        int p = Math.max(epochs.isEmpty() ? 0 : 1, Math.min(n, epochs.size()));
        following = p == epochs.size();
        position.set(p);
        shown.set(p == 0 ? null : epochs.get(p - 1));
    }

    /** Epochs in the history. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** The shown epoch's place in the history, 1-based (0: nothing yet). */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The histograms to draw (null: none yet). */
    public ReadOnlyObjectProperty<TrainingEvent.Histograms> shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
