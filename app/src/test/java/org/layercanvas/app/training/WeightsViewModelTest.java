package org.layercanvas.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.layercanvas.runtime.train.TrainingEvent;

/** The Weights tab's history of epochs and its epoch slider, without a stage. */
class WeightsViewModelTest {
    private final SimpleObjectProperty<TrainingEvent.Histograms> latest = new SimpleObjectProperty<>();
    private final WeightsViewModel model = new WeightsViewModel(latest);

    private static TrainingEvent.Histograms epoch(int n) {
        return new TrainingEvent.Histograms(n, List.of(TrainingEvent.Histogram.of("hidden", "W",
                new float[] {n, -n, 0.5f * n}, TrainingEvent.Histograms.BINS)));
    }

    @Test
    void followsTheNewestEpochUntilTheStudentLooksBack() {
        assertThat(model.shownProperty().get()).isNull();
        assertThat(model.positionProperty().get()).isZero();
        for (int e = 1; e <= 3; e++) {
            latest.set(epoch(e));
        }
        assertThat(model.countProperty().get()).isEqualTo(3);
        assertThat(model.shownProperty().get().epoch()).isEqualTo(3);

        model.select(1);
        latest.set(epoch(4));
        assertThat(model.shownProperty().get().epoch()).as("looking back stays put").isEqualTo(1);
        assertThat(model.countProperty().get()).isEqualTo(4);
        assertThat(model.shownProperty().get().parameters().get(0).max()).isEqualTo(1.0);

        model.select(99); // clamped to the end: follows again
        assertThat(model.positionProperty().get()).isEqualTo(4);
        latest.set(epoch(5));
        assertThat(model.shownProperty().get().epoch()).isEqualTo(5);
    }

    @Test
    void aNewRunStartsANewHistory() {
        latest.set(epoch(1));
        latest.set(epoch(2));
        model.select(1);
        latest.set(null); // the next run starts
        assertThat(model.countProperty().get()).isZero();
        assertThat(model.shownProperty().get()).isNull();
        latest.set(epoch(1));
        assertThat(model.countProperty().get()).isEqualTo(1);
        assertThat(model.shownProperty().get().epoch()).isEqualTo(1);
        // a run whose first histograms come without a clear in between
        latest.set(epoch(2));
        latest.set(epoch(1));
        assertThat(model.countProperty().get()).isEqualTo(1);
    }
}
