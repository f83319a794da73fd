package org.layercanvas.app.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.train.EndReason;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.train.Planes;
import org.layercanvas.runtime.worker.WorkerProtocol;

/** The playground's state from training events, and its questions to the model, without a stage. */
@org.junit.jupiter.api.extension.ExtendWith(org.layercanvas.app.testutil.EnglishLocale.class)
class PlaygroundViewModelTest {
    private final List<double[][]> asked = new ArrayList<>();
    private final List<Boolean> drawn = new ArrayList<>();
    private CompletableFuture<double[][]> reply = new CompletableFuture<>();
    private TensorShape input = TensorShape.vector(2);
    private final List<List<String>> typed = new ArrayList<>();
    private final PlaygroundViewModel model = new PlaygroundViewModel(Runnable::run,
            new PlaygroundViewModel.Predictor() {
                @Override
                public CompletableFuture<double[][]> predict(double[][] rows, boolean intensities) {
                    asked.add(rows);
                    drawn.add(intensities);
                    return reply;
                }

                @Override
                public CompletableFuture<double[][]> predictTexts(List<String> texts) {
                    typed.add(texts);
                    return reply;
                }

                @Override
                public CompletableFuture<WorkerProtocol.Inspection> inspect(int testIndex, double[] intensities,
                                                                            boolean maps) {
                    if (intensities == null) {
                        picks.add(testIndex);
                        return pick;
                    }
                    // a drawing: asked like a prediction of one row of intensities
                    asked.add(new double[][] {intensities});
                    drawn.add(true);
                    return reply.thenApply(out -> PicturesViewModelTest.answer(-1, -1, out[0], drawnMaps));
                }
            }, () -> input);
    private final List<Integer> picks = new ArrayList<>();
    private CompletableFuture<WorkerProtocol.Inspection> pick = new CompletableFuture<>();
    private List<Planes> drawnMaps = List.of();


    private static TrainingEvent.Started started() {
        return new TrainingEvent.Started("CpuBackend", "cpu", "CPU requested", 1, "1.0.0-M2.1", "17", "Linux", 105,
                350, 50, 100, 3, 16, 42, "plan", "plan", List.of(), null);
    }

    private static TrainingEvent.Boundary boundary(int epoch, boolean withPoints) {
        return new TrainingEvent.Boundary(epoch, epoch * 22, -1, 1, -1, 1, 2, new int[] {0, 1, 1, 0},
                new float[] {0.6f, 0.9f, 0.8f, 0.7f}, List.of(),
                withPoints ? new TrainingEvent.BoundaryPoints(new float[] {0.5f}, new float[] {0.5f}, new int[] {0})
                        : null);
    }

    private static TrainingEvent.Epoch epoch(int n) {
        return new TrainingEvent.Epoch(n, 0.5, 0.8, 0.5, 0.8, 0.1, 0.1, 1000);
    }

    @Test
    void picturesOfA2dClassifierAreShownAndItsPointsKept() {
        model.accept(started());
        assertThat(model.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.WAITING);
        model.accept(boundary(0, true));
        model.accept(epoch(1));
        model.accept(boundary(1, false));

        assertThat(model.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.PLANE);
        assertThat(model.boundaryProperty().get().epoch()).isEqualTo(1);
        // the points came with the first picture only and stay
        assertThat(model.pointsProperty().get()).isNotNull();
        assertThat(model.statusProperty().get()).startsWith("Training, epoch 1, minibatch 22");

        model.accept(new TrainingEvent.Finished(EndReason.COMPLETED, 3, 66, 0.1, 0.97, 1000, 1, "cpu"));
        assertThat(model.statusProperty().get()).startsWith("Trained (epoch 1, minibatch 22)");
    }

    @Test
    void aNetworkWithoutTwoInputFeaturesSaysWhatThePlaygroundCannotShowYet() {
        model.accept(started());
        model.accept(epoch(1));
        assertThat(model.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.NOT_PLANE);
        assertThat(model.statusProperty().get()).contains("two input features").contains("Step button");
    }

    @Test
    void aNetworkOnWordsTakesTypedSentencesTheNewestWaiting() {
        input = TensorShape.tokens(50, 1000);
        model.accept(started());
        assertThat(model.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.TEXT);
        model.accept(epoch(1));
        assertThat(model.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.TEXT);
        model.type("a");
        model.type("a wo");
        model.type("a wonderful film");
        assertThat(typed).containsExactly(List.of("a"));
        CompletableFuture<double[][]> first = reply;
        reply = new CompletableFuture<>();
        first.complete(new double[][] {{0.3}});
        assertThat(model.probabilitiesProperty().get()).containsExactly(0.7, 0.3);
        assertThat(typed).containsExactly(List.of("a"), List.of("a wonderful film"));
    }

    @Test
    void tokensMadeUpForATaskAreNotOfferedForTyping() {
        PlaygroundViewModel.Predictor never = new PlaygroundViewModel.Predictor() {
            @Override
            public CompletableFuture<double[][]> predict(double[][] rows, boolean intensities) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletableFuture<double[][]> predictTexts(List<String> texts) {
                return new CompletableFuture<>();
            }
        };
        PlaygroundViewModel madeUp = new PlaygroundViewModel(Runnable::run, never,
                () -> TensorShape.tokens(10, 16), () -> false);
        madeUp.accept(started());
        assertThat(madeUp.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.NOT_PLANE);
        assertThat(madeUp.statusProperty().get()).contains("made up for its task");
        madeUp.accept(epoch(1));
        assertThat(madeUp.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.NOT_PLANE);
        assertThat(madeUp.statusProperty().get()).contains("made up for its task");
    }

    @Test
    void aNewRunClearsTheLastRunsPicture() {
        model.accept(started());
        model.accept(boundary(0, true));
        model.accept(started());
        assertThat(model.boundaryProperty().get()).isNull();
        assertThat(model.pointsProperty().get()).isNull();
        assertThat(model.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.WAITING);
    }

    @Test
    void askingAPointShowsTheClassAndHowSureTheNetworkIs() {
        model.accept(new TrainingEvent.Evaluation(0.1, 0.9, List.of("inside", "outside"), new long[2][2],
                new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1}, new long[] {1, 1}, new int[2][2][0]));
        model.ask(0.25, -0.5);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)[0]).containsExactly(0.25, -0.5);
        reply.complete(new double[][] {{0.1, 0.9}});
        assertThat(model.answerProperty().get()).isEqualTo("At (0.25, -0.5) the network says outside (90.0 % sure).");

        // one sigmoid unit: below 0.5 is class 0
        reply = new CompletableFuture<>();
        model.ask(0, 0);
        reply.complete(new double[][] {{0.2}});
        assertThat(model.answerProperty().get()).contains("inside").contains("80.0 %");
    }

    @Test
    void aRefusedQuestionSaysWhy() {
        model.ask(1, 1);
        reply.completeExceptionally(new IllegalStateException("predict: the network is training; pause it"));
        assertThat(model.answerProperty().get()).startsWith("No answer for (1, 1):").contains("pause it");
    }

    @Test
    void onlyTheNewestAnswerIsShown() {
        CompletableFuture<double[][]> first = reply;
        model.ask(1, 1);
        reply = new CompletableFuture<>();
        model.ask(2, 2);
        reply.complete(new double[][] {{0.9}});
        first.complete(new double[][] {{0.1}});
        assertThat(model.answerProperty().get()).startsWith("At (2, 2)");
    }

    @Test
    void smallGreyImagesCanBeDrawnOthersCannot() {
        assertThat(PlaygroundViewModel.drawSideOf(TensorShape.vector(64))).isEqualTo(8);
        assertThat(PlaygroundViewModel.drawSideOf(TensorShape.vector(784))).isEqualTo(28);
        assertThat(PlaygroundViewModel.drawSideOf(TensorShape.image(28, 28, 1))).isEqualTo(28);
        assertThat(PlaygroundViewModel.drawSideOf(TensorShape.image(32, 32, 3))).isZero();
        assertThat(PlaygroundViewModel.drawSideOf(TensorShape.vector(2))).isZero();
        assertThat(PlaygroundViewModel.drawSideOf(TensorShape.vector(3072))).isZero();
        assertThat(PlaygroundViewModel.drawSideOf(null)).isZero();
    }

    @Test
    void aDigitsNetworkOffersThePadAndItsAnswersAreClassProbabilities() {
        input = TensorShape.vector(64);
        model.accept(started());
        assertThat(model.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.DRAW);
        assertThat(model.drawSide()).isEqualTo(8);
        model.accept(epoch(1)); // no boundary, but the pad stays
        assertThat(model.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.DRAW);
        model.accept(new TrainingEvent.Finished(EndReason.COMPLETED, 3, 66, 0.1, 0.97, 1000, 1, "cpu"));
        assertThat(model.statusProperty().get()).contains("8x8");

        float[] pad = new float[64];
        pad[9] = 1f;
        model.draw(pad);
        // while the first question is out, later drawings wait: only the newest is sent next
        float[] second = pad.clone();
        second[10] = 0.5f;
        float[] third = pad.clone();
        third[11] = 0.25f;
        model.draw(second);
        model.draw(third);
        assertThat(asked).hasSize(1);
        assertThat(drawn).containsExactly(true);
        assertThat(asked.get(0)[0]).hasSize(64).contains(1.0);

        CompletableFuture<double[][]> first = reply;
        reply = new CompletableFuture<>();
        double[] p = new double[10];
        p[3] = 0.9;
        p[8] = 0.1;
        first.complete(new double[][] {p});
        assertThat(model.probabilitiesProperty().get()).containsExactly(p);
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1)[0][11]).isEqualTo(0.25);
    }

    @Test
    void aSigmoidOutputGivesTwoClassProbabilities() {
        model.draw(new float[64]);
        reply.complete(new double[][] {{0.75}});
        assertThat(model.probabilitiesProperty().get()).containsExactly(0.25, 0.75);
    }

    @Test
    void colourImagesGetThePickerWithoutAPadAndKeepItAfterAnEpoch() {
        input = TensorShape.image(32, 32, 3);
        model.accept(started());
        assertThat(model.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.IMAGE);
        assertThat(model.statusProperty().get()).contains("pick a test image");
        model.accept(epoch(1));
        assertThat(model.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.IMAGE);
        model.accept(new TrainingEvent.Finished(EndReason.COMPLETED, 3, 66, 0.1, 0.97, 1000, 1, "cpu"));
        assertThat(model.statusProperty().get()).startsWith("Pick a test image");
        assertThat(PlaygroundViewModel.picturesOf(TensorShape.image(28, 28, 1))).isTrue();
        assertThat(PlaygroundViewModel.picturesOf(TensorShape.vector(64))).isTrue();
        assertThat(PlaygroundViewModel.picturesOf(TensorShape.vector(2))).isFalse();
        assertThat(PlaygroundViewModel.picturesOf(TensorShape.tokens(50, 1000))).isFalse();
    }

    @Test
    void aPickWhileTrainingSaysSoAndAfterTheRunTheWorkersReason() {
        input = TensorShape.image(28, 28, 1);
        model.accept(started());
        model.pictures().pickRandom();
        pick.completeExceptionally(new IllegalStateException("inspect: the network is training"));
        assertThat(model.pictures().pickNoteProperty().get()).startsWith("The network is still training");
        model.accept(new TrainingEvent.Failed(org.layercanvas.runtime.train.FailureCode.INTERNAL, "crashed", 1, 0));
        pick = new CompletableFuture<>();
        model.pictures().pickNext();
        pick.completeExceptionally(new IllegalStateException("the training process is not running"));
        assertThat(model.pictures().pickNoteProperty().get())
                .isEqualTo("No test image: the training process is not running");
        assertThat(model.pictures().busyProperty().get()).isFalse();
    }

    @Test
    void aDrawingOfAConvNetworkShowsItsFeatureMapsAndANewRunClearsThem() {
        input = TensorShape.image(8, 8, 1);
        drawnMaps = List.of(new Planes("stem", 8, 8, 1, 32, new float[16][64]));
        model.accept(started());
        model.draw(new float[64]);
        reply.complete(new double[][] {{0.5, 0.5}});
        assertThat(model.pictures().sourceProperty().get()).isEqualTo(PicturesViewModel.Source.DRAWN);
        assertThat(model.pictures().shownProperty().get().maps()).hasSize(1);
        assertThat(model.pictures().mapsNoteProperty().get()).startsWith("Your drawing through the Conv2D layers");
        assertThat(model.probabilitiesProperty().get()).containsExactly(0.5, 0.5);
        model.accept(started());
        assertThat(model.pictures().shownProperty().get()).isNull();
        assertThat(model.pictures().mapsNoteProperty().get()).isEmpty();
    }
}
