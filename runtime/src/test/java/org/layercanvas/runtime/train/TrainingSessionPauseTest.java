package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layercanvas.model.NetworkDocument;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link TrainingSession#requestPause()} / {@link TrainingSession#resume()}: the loop waits between minibatches. */
class TrainingSessionPauseTest {

    private static NetworkDocument longXor() throws Exception {
        NetworkDocument base = SampleTrainingTest.sample("xor-2d");
        return base.withTraining(base.training().withEpochs(100_000));
    }

    private static long count(List<TrainingEvent> events, Class<?> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).count();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pauseHoldsTheLoopResumeContinuesAndStopWhilePausedEndsTheRun() throws Exception {
        List<TrainingEvent> events = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstIterations = new CountDownLatch(10);
        CountDownLatch[] paused = {new CountDownLatch(1), new CountDownLatch(1)};
        CountDownLatch resumedAndGoing = new CountDownLatch(5);
        TrainingSession[] session = new TrainingSession[1];
        session[0] = new TrainingSession(longXor(), new TrainingSession.Options("cpu", 0), e -> {
            events.add(e);
            if (e instanceof TrainingEvent.Iteration) {
                firstIterations.countDown();
                if (count(events, TrainingEvent.Resumed.class) == 1) {
                    resumedAndGoing.countDown();
                }
            } else if (e instanceof TrainingEvent.Paused) {
                paused[(int) count(events, TrainingEvent.Paused.class) - 1].countDown();
            }
        });
        CompletableFuture<TrainingSession.Result> future = session[0].start();
        assertThat(firstIterations.await(30, TimeUnit.SECONDS)).isTrue();

        session[0].requestPause();
        assertThat(paused[0].await(10, TimeUnit.SECONDS)).as("paused").isTrue();
        assertThat(session[0].isPauseRequested()).isTrue();
        long iterationsAtPause = count(events, TrainingEvent.Iteration.class);
        TrainingEvent.Paused p = (TrainingEvent.Paused) events.get(events.size() - 1);
        assertThat(p.iteration()).isEqualTo(iterationsAtPause);
        assertThat(p.epoch()).isPositive();
        // a second pause request while paused changes nothing
        session[0].requestPause();
        Thread.sleep(300);
        assertThat(count(events, TrainingEvent.Iteration.class)).as("no minibatch while paused")
                .isEqualTo(iterationsAtPause);
        assertThat(future).isNotDone();

        // a paused model can be used from another thread
        INDArray[] out = new INDArray[1];
        assertThat(session[0].whilePaused(g -> out[0] = g.outputSingle(Nd4j.rand(DataType.FLOAT, 3, 2)))).isTrue();
        assertThat(out[0].shape()).containsExactly(3, 1);

        session[0].resume();
        assertThat(resumedAndGoing.await(10, TimeUnit.SECONDS)).as("training went on").isTrue();
        TrainingEvent.Resumed r;
        synchronized (events) {
            r = (TrainingEvent.Resumed) events.stream().filter(TrainingEvent.Resumed.class::isInstance).findFirst()
                    .orElseThrow();
            int at = events.indexOf(r);
            assertThat(events.get(at - 1)).isEqualTo(p);
            TrainingEvent.Iteration next = (TrainingEvent.Iteration) events.get(at + 1);
            assertThat(next.iteration()).as("iterations count on after the pause").isEqualTo(p.iteration() + 1);
        }
        assertThat(r.iteration()).isEqualTo(p.iteration());
        assertThat(r.pausedSeconds()).isGreaterThanOrEqualTo(0.25);
        assertThat(session[0].whilePaused(g -> { })).as("not paused any more").isFalse();

        // pause again, then stop while paused
        session[0].requestPause();
        assertThat(paused[1].await(10, TimeUnit.SECONDS)).isTrue();
        session[0].requestStop();
        TrainingSession.Result result = future.get(10, TimeUnit.SECONDS);
        assertThat(result.finished().endReason()).isEqualTo(EndReason.STOPPED);
        assertThat(count(events, TrainingEvent.Resumed.class)).as("a stop while paused does not resume").isEqualTo(1);
        assertThat(events.get(events.size() - 1)).isEqualTo(result.finished());
        synchronized (events) {
            int secondPause = events.lastIndexOf(events.stream().filter(TrainingEvent.Paused.class::isInstance)
                    .reduce((a, b) -> b).orElseThrow());
            assertThat(events.subList(secondPause + 1, events.size()))
                    .noneMatch(TrainingEvent.Iteration.class::isInstance);
        }
    }

    @Test
    void resumeBeforeThePauseTakesEffectCancelsIt() throws Exception {
        NetworkDocument base = SampleTrainingTest.sample("xor-2d");
        NetworkDocument doc = base.withTraining(base.training().withEpochs(2));
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession[] session = new TrainingSession[1];
        session[0] = new TrainingSession(doc, new TrainingSession.Options("cpu", 0), e -> {
            events.add(e);
            if (e instanceof TrainingEvent.Iteration it && it.iteration() == 3) {
                session[0].requestPause();
                session[0].resume();
            }
        });
        TrainingSession.Result result = session[0].run();
        assertThat(result.finished().endReason()).isEqualTo(EndReason.COMPLETED);
        assertThat(events).noneMatch(e -> e instanceof TrainingEvent.Paused || e instanceof TrainingEvent.Resumed);
    }

    @Test
    void pauseAndResumeFromTheListenerKeepTheEventOrder() throws Exception {
        NetworkDocument base = SampleTrainingTest.sample("xor-2d");
        NetworkDocument doc = base.withTraining(base.training().withEpochs(1));
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession[] session = new TrainingSession[1];
        session[0] = new TrainingSession(doc, new TrainingSession.Options("cpu", 0), e -> {
            events.add(e);
            if (e instanceof TrainingEvent.Iteration it && it.iteration() == 4) {
                session[0].requestPause();
            } else if (e instanceof TrainingEvent.Paused) {
                // resuming from the listener itself (the training thread) must not deadlock
                session[0].resume();
            }
        });
        TrainingSession.Result result = session[0].run();
        assertThat(result.finished().endReason()).isEqualTo(EndReason.COMPLETED);
        int pausedAt = events.indexOf(new TrainingEvent.Paused(4, 1));
        assertThat(pausedAt).isPositive();
        assertThat(events.get(pausedAt - 1)).isInstanceOf(TrainingEvent.Iteration.class);
        assertThat(events.get(pausedAt + 1)).isInstanceOf(TrainingEvent.Resumed.class);
        assertThat(((TrainingEvent.Iteration) events.get(pausedAt + 2)).iteration()).isEqualTo(5);
        // 350 training examples in minibatches of 16: every minibatch still ran
        assertThat(result.finished().iterations()).isEqualTo(22);
    }
}
