package org.layercanvas.app.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.layercanvas.runtime.train.Planes;
import org.layercanvas.runtime.worker.WorkerProtocol;

/** The test image picker and the Conv2D pictures, without a stage. */
@org.junit.jupiter.api.extension.ExtendWith(org.layercanvas.app.testutil.EnglishLocale.class)
class PicturesViewModelTest {
    private final List<Integer> asked = new ArrayList<>();
    private final List<Boolean> withMaps = new ArrayList<>();
    private CompletableFuture<WorkerProtocol.Inspection> reply = new CompletableFuture<>();
    private boolean runOver = true;
    private final PicturesViewModel model = new PicturesViewModel(Runnable::run, (index, intensities, maps) -> {
        asked.add(index);
        withMaps.add(maps);
        return reply;
    }, k -> List.of("zero", "one", "two", "three").get(k), () -> runOver, new Random(7));


    /** A 2x2 grey test image with its answer; {@code maps} null when not asked. */
    static WorkerProtocol.Inspection answer(int index, int label, double[] outputs, List<Planes> maps) {
        return new WorkerProtocol.Inspection(1, index, index < 0 ? -1 : 100, label,
                new Planes("", 2, 2, 1, 1, new float[][] {{0, 0.5f, 1, 0.25f}}), outputs,
                maps == null || maps.isEmpty() ? null : new Planes("stem", 3, 3, 1, 8, new float[8][9]), maps);
    }

    private static final double[] SAYS_THREE = {0.02, 0.03, 0.05, 0.9};

    @Test
    void aRandomPickShowsTheTrueClassAndWhatTheNetworkSaysAndNextGoesOn() {
        model.pickRandom();
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).isNotNegative();
        assertThat(withMaps).containsExactly(true);
        assertThat(model.busyProperty().get()).isTrue();
        model.pickRandom(); // ignored while the first one is out
        model.pickNext();
        assertThat(asked).hasSize(1);

        Planes maps = new Planes("stem", 8, 8, 1, 32, new float[16][64]);
        reply.complete(answer(11, 3, SAYS_THREE, List.of(maps)));
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.pickNoteProperty().get())
                .isEqualTo("Test image 12 of 100: true class three. The network says three (90.0 % sure): right.");
        assertThat(model.pickedProperty().get().testIndex()).isEqualTo(11);
        assertThat(model.shownProperty().get()).isSameAs(model.pickedProperty().get());
        assertThat(model.sourceProperty().get()).isEqualTo(PicturesViewModel.Source.PICKED);
        assertThat(model.mapsNoteProperty().get()).startsWith("The test image through the Conv2D layers");
        assertThat(PicturesViewModel.mapsCaption(maps)).isEqualTo("stem: 16 of 32 maps, 8x8");
        assertThat(PicturesViewModel.filtersCaption(model.shownProperty().get().filters()))
                .isEqualTo("stem: 8 filters, 3x3");

        reply = new CompletableFuture<>();
        model.pickNext();
        assertThat(asked.get(1)).isEqualTo(12);
        reply.complete(answer(12, 1, SAYS_THREE, List.of(maps)));
        assertThat(model.pickNoteProperty().get()).contains("true class one").endsWith("wrong.");
    }

    @Test
    void aNetworkWithoutConvLayersSaysWhyThereAreNoMaps() {
        model.pickNext();
        assertThat(asked).containsExactly(0);
        reply.complete(answer(0, 3, SAYS_THREE, List.of()));
        assertThat(model.mapsNoteProperty().get()).contains("no Conv2D layer");
        assertThat(model.shownProperty().get().filters()).isNull();
    }

    @Test
    void aFailedPickSaysWhyAndKeepsTheLastPicture() {
        model.pickNext();
        reply.complete(answer(0, 3, SAYS_THREE, List.of()));
        reply = new CompletableFuture<>();
        model.pickNext();
        reply.completeExceptionally(new IllegalStateException("there is no trained network yet: run one first"));
        assertThat(model.pickNoteProperty().get())
                .isEqualTo("No test image: there is no trained network yet: run one first");
        assertThat(model.pickedProperty().get()).isNotNull();

        runOver = false;
        reply = new CompletableFuture<>();
        model.pickNext();
        reply.completeExceptionally(new IllegalStateException("inspect: the network is training"));
        assertThat(model.pickNoteProperty().get()).startsWith("The network is still training: pause the run");
    }

    @Test
    void aSigmoidOutputReadsAsTwoClasses() {
        model.pickNext();
        reply.complete(answer(4, 0, new double[] {0.2}, null));
        assertThat(model.pickNoteProperty().get()).contains("true class zero").contains("80.0 %").endsWith("right.");
        assertThat(model.mapsNoteProperty().get()).isEmpty();
    }

    @Test
    void withoutARunThePredictorSaysSo() throws Exception {
        CompletableFuture<WorkerProtocol.Inspection> f = RunPredictor.of(() -> null).inspect(0, null, true);
        assertThat(f).isCompletedExceptionally();
        assertThat(f.handle((a, e) -> e.getMessage()).get()).contains("no trained network");
    }
}
