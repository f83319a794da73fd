package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.app.playground.PlaygroundViewModel;
import org.layercanvas.app.training.TrainingViewModel.State;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.runtime.data.download.DatasetCache;
import org.layercanvas.runtime.train.StandInDatasets;
import org.layercanvas.samples.Samples;
import org.testfx.framework.junit5.Start;

/**
 * Every sample in the window with a real worker: it opens valid, trains one epoch (downloaded datasets replaced by
 * small stand-in files of the real format in the app's cache), is evaluated, and the playground answers it in the
 * way its input allows (a point of the plane, a drawing, a sentence) or says why it cannot.
 */
class EverySampleRunsTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, TestDocs.sample("xor-2d"));
    }

    @Test
    void everySampleTrainsAnEpochAndThePlaygroundAnswersIt() throws Exception {
        DatasetCache cache = new DatasetCache(home.resolve("cache"));
        app.setDatasetCache(cache);
        for (String id : new String[] {DatasetCatalog.MNIST, DatasetCatalog.FASHION_MNIST, DatasetCatalog.CIFAR10}) {
            StandInDatasets.write(id, cache, 600, 120, 5);
        }
        assertThat(Samples.names()).hasSizeGreaterThanOrEqualTo(13);
        for (String name : Samples.names()) {
            MainWindow w = fx(() -> MainWindow.openSample(app, name, new Stage()));
            try {
                trainOneEpochAndAsk(name, w);
            } finally {
                interact(() -> w.stage().close());
            }
        }
    }

    private void trainOneEpochAndAsk(String name, MainWindow w) {
        assertThat(fx(() -> w.session().analysis().hasErrors())).as("%s opens valid", name).isFalse();
        interact(() -> w.session().execute(DocumentCommands.setTraining(w.session().document().training()
                .withEpochs(1))));
        interact(w::run);
        waitSeconds(120, () -> w.training().stateProperty().get() == State.FINISHED
                || w.training().stateProperty().get() == State.FAILED);
        assertThat(w.training().stateProperty().get()).as("%s: %s", name, w.training().messageProperty().get())
                .isEqualTo(State.FINISHED);
        waitSeconds(30, () -> w.training().evaluationProperty().get() != null);
        assertThat(w.training().evaluationProperty().get().testAccuracy()).as("%s evaluated", name).isBetween(0.0, 1.0);

        PlaygroundViewModel playground = w.playground();
        waitSeconds(10, () -> playground.modeProperty().get() != PlaygroundViewModel.Mode.WAITING);
        PlaygroundViewModel.Mode mode = fx(() -> playground.modeProperty().get());
        switch (mode) {
            case PLANE -> {
                interact(() -> playground.ask(0.3, -0.2));
                waitFor(name, playground, () -> !playground.answerProperty().get().isEmpty());
            }
            case DRAW -> {
                float[] stroke = new float[playground.drawSide() * playground.drawSide()];
                Arrays.fill(stroke, stroke.length / 3, stroke.length / 2, 1f);
                interact(() -> playground.draw(stroke));
                waitFor(name, playground, () -> playground.probabilitiesProperty().get() != null);
            }
            case TEXT -> {
                interact(() -> playground.type("a wonderful film, I loved it"));
                waitFor(name, playground, () -> playground.probabilitiesProperty().get() != null);
            }
            default -> assertThat(fx(() -> playground.statusProperty().get())).as("%s: why no playground", name)
                    .isNotBlank();
        }
        if (mode == PlaygroundViewModel.Mode.DRAW || mode == PlaygroundViewModel.Mode.IMAGE) {
            // a network on images also shows a test image of its run with the network's answer
            interact(() -> playground.pictures().pickRandom());
            waitFor(name, playground, () -> playground.pictures().pickedProperty().get() != null);
            double[] p = fx(() -> playground.pictures().pickedProperty().get().probabilities());
            assertThat(Arrays.stream(p).sum()).as("%s: probabilities of a test image", name).isBetween(0.999, 1.001);
        }
        if (mode == PlaygroundViewModel.Mode.DRAW || mode == PlaygroundViewModel.Mode.TEXT) {
            double[] p = fx(() -> playground.probabilitiesProperty().get());
            double sum = Arrays.stream(p).sum();
            assertThat(p.length == 1 ? p[0] : sum).as("%s: probabilities", name)
                    .isBetween(p.length == 1 ? 0.0 : 0.999, 1.001);
        }
        System.out.printf("%s: one epoch trained, playground %s%n", name, mode);
    }

    /** Waits for the playground's answer; the failure says what the playground said instead. */
    private static void waitFor(String name, PlaygroundViewModel playground,
                                java.util.concurrent.Callable<Boolean> answered) {
        try {
            waitSeconds(20, answered);
        } catch (AssertionError e) {
            throw new AssertionError(name + ": no answer; the playground says '"
                    + fx(() -> playground.statusProperty().get()) + "'", e);
        }
    }
}
