package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pause handshake between a training thread and the others, without any training. */
class PauseControlTest {
    private final PauseControl control = new PauseControl();
    private final List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch paused = new CountDownLatch(1);

    private final TrainingListener listener = e -> {
        events.add(e);
        if (e instanceof TrainingEvent.Paused) {
            paused.countDown();
        }
    };

    /** What the training thread does between two minibatches, on a thread of its own. */
    private CompletableFuture<Long> trainingThreadReachesABatchBoundary() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return control.pauseIfRequested(12, 2, listener);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void withoutARequestNothingHappens() throws Exception {
        assertThat(control.pauseIfRequested(1, 1, listener)).isZero();
        assertThat(events).isEmpty();
        assertThat(control.whilePaused("model", m -> { })).isFalse();
    }

    @Test
    void aPausedThreadWaitsLendsTheModelAndReportsItsResume() throws Exception {
        control.requestPause();
        CompletableFuture<Long> boundary = trainingThreadReachesABatchBoundary();
        assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();
        String[] seen = {null};
        assertThat(control.whilePaused("model", m -> seen[0] = m)).isTrue();
        assertThat(seen[0]).isEqualTo("model");
        assertThat(boundary).isNotDone();

        control.resume();
        assertThat(boundary.get(10, TimeUnit.SECONDS)).isNotNegative();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new TrainingEvent.Paused(12, 2));
        assertThat(events.get(1)).isInstanceOfSatisfying(TrainingEvent.Resumed.class, r -> {
            assertThat(r.iteration()).isEqualTo(12);
            assertThat(r.epoch()).isEqualTo(2);
        });
        assertThat(control.isPauseRequested()).isFalse();
        assertThat(control.whilePaused("model", m -> { })).isFalse();
    }

    @Test
    void aStopEndsThePauseWithoutResumed() throws Exception {
        control.requestPause();
        CompletableFuture<Long> boundary = trainingThreadReachesABatchBoundary();
        assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();
        control.requestStop();
        boundary.get(10, TimeUnit.SECONDS);
        assertThat(events).containsExactly(new TrainingEvent.Paused(12, 2));
        assertThat(control.stopRequested()).isTrue();
    }

    @Test
    void aPauseAfterAStopIsNotTaken() throws Exception {
        control.requestStop();
        control.requestPause();
        assertThat(control.pauseIfRequested(3, 1, listener)).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void aResumeBeforeTheBoundaryCancelsThePause() throws Exception {
        control.requestPause();
        control.resume();
        assertThat(control.pauseIfRequested(3, 1, listener)).isZero();
        assertThat(events).isEmpty();
    }
}
