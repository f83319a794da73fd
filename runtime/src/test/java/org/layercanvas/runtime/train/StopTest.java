package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layercanvas.model.NetworkDocument;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link TrainingSession#requestStop()} ends a run between two minibatches with reason {@code stopped}. */
class StopTest {

    @Test
    void stopFromTheListenerTakesEffectBeforeTheNextMinibatch() throws Exception {
        NetworkDocument base = SampleTrainingTest.sample("digits-mlp");
        NetworkDocument doc = base.withTraining(base.training().withEpochs(50));
        List<TrainingEvent> events = new ArrayList<>();
        int[] stopIndex = {-1};
        TrainingSession[] session = new TrainingSession[1];
        session[0] = new TrainingSession(doc, new TrainingSession.Options("cpu", 0), e -> {
            events.add(e);
            // stop in the middle of epoch 2, at its third minibatch
            if (stopIndex[0] < 0 && e instanceof TrainingEvent.Iteration it && it.epoch() == 2
                    && SampleTrainingTest.iterations(events).stream().filter(x -> x.epoch() == 2).count() == 3) {
                stopIndex[0] = events.size() - 1;
                session[0].requestStop();
            }
        });
        TrainingSession.Result result = session[0].run();

        assertThat(stopIndex[0]).as("the stop was requested").isPositive();
        List<TrainingEvent> after = events.subList(stopIndex[0] + 1, events.size());
        assertThat(after.stream().filter(TrainingEvent.Iteration.class::isInstance).count())
                .as("minibatches learned after the stop request").isLessThanOrEqualTo(1);
        assertThat(after.stream().filter(TrainingEvent.Iteration.class::isInstance).count())
                .as("the session checks the stop flag before every minibatch").isZero();

        assertThat(result.succeeded()).isTrue();
        TrainingEvent.Finished f = result.finished();
        assertThat(events.get(events.size() - 1)).isEqualTo(f);
        assertThat(events.stream().filter(TrainingEvent.Finished.class::isInstance)).hasSize(1);
        assertThat(events.stream().filter(TrainingEvent.Failed.class::isInstance)).isEmpty();
        assertThat(f.endReason()).isEqualTo(EndReason.STOPPED);
        int perEpoch = (1078 + 31) / 32;
        assertThat(f.iterations()).isEqualTo(perEpoch + 3);
        assertThat(f.epochsCompleted()).isLessThanOrEqualTo(2);
        assertThat(f.testAccuracy()).isBetween(0.0, 1.0);
        assertThat(f.testLoss()).isFinite();

        // the model trained so far is usable
        assertThat(result.model()).isNotNull();
        INDArray out = result.model().outputSingle(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 64));
        assertThat(out.shape()).containsExactly(4, 10);
        assertThat(out.sumNumber().doubleValue()).isCloseTo(4.0, org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void stopRequestedDuringTheFirstEpochReportsNoCompleteEpoch() throws Exception {
        NetworkDocument base = SampleTrainingTest.sample("digits-mlp");
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession[] session = new TrainingSession[1];
        session[0] = new TrainingSession(base, new TrainingSession.Options("cpu", 0), e -> {
            events.add(e);
            if (e instanceof TrainingEvent.Iteration it && it.iteration() == 5) {
                session[0].requestStop();
            }
        });
        TrainingSession.Result result = session[0].run();
        assertThat(result.finished().endReason()).isEqualTo(EndReason.STOPPED);
        assertThat(result.finished().iterations()).isEqualTo(5);
        // The CLI prints "stopped by request after {epochsCompleted} complete epoch(s)": no epoch was complete.
        assertThat(result.finished().epochsCompleted())
                .as("epochsCompleted after a stop in the middle of epoch 1").isZero();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stopFromAnotherThreadEndsAStartedRunQuickly() throws Exception {
        NetworkDocument base = SampleTrainingTest.sample("digits-mlp");
        // far more epochs than could run in the time allowed: only the stop can end this run in time
        NetworkDocument doc = base.withTraining(base.training().withEpochs(100_000));
        CountDownLatch firstIteration = new CountDownLatch(1);
        List<TrainingEvent> events = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger iterationsAfterStop = new AtomicInteger();
        boolean[] stopSent = {false};
        TrainingSession session = new TrainingSession(doc, new TrainingSession.Options("cpu", 0), e -> {
            events.add(e);
            if (e instanceof TrainingEvent.Iteration) {
                synchronized (stopSent) {
                    if (stopSent[0]) {
                        iterationsAfterStop.incrementAndGet();
                    }
                }
                firstIteration.countDown();
            }
        });
        CompletableFuture<TrainingSession.Result> future = session.start();
        assertThat(firstIteration.await(30, TimeUnit.SECONDS)).as("training began").isTrue();
        assertThat(session.model()).isNotNull();
        assertThat(future).isNotDone();

        synchronized (stopSent) {
            session.requestStop();
            stopSent[0] = true;
        }
        TrainingSession.Result result = future.get(5, TimeUnit.SECONDS);

        assertThat(result.finished().endReason()).isEqualTo(EndReason.STOPPED);
        // the minibatch running when the stop arrived may still report; no other one may
        assertThat(iterationsAfterStop.get()).isLessThanOrEqualTo(1);
        assertThat(result.finished().testAccuracy()).isBetween(0.0, 1.0);
        assertThat(events.get(events.size() - 1)).isEqualTo(result.finished());
    }
}
