package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The prefetch thread on its own: order, how far ahead it runs, failures, stopping. */
class PrefetcherTest {
    @Test
    void itemsArriveInOrderFromFirstToEnd() {
        Prefetcher<String> p = new Prefetcher<>("test-prefetch-order", 2, 3, 8, k -> "item " + k);
        List<String> got = new ArrayList<>();
        for (int k = 3; k < 8; k++) {
            got.add(p.take());
        }
        p.awaitEnd();
        assertThat(got).containsExactly("item 3", "item 4", "item 5", "item 6", "item 7");
        assertThat(p.isAlive()).isFalse();
    }

    @Test
    void itRunsAtMostCapacityAhead() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch blocked = new CountDownLatch(1);
        Prefetcher<Integer> p = new Prefetcher<>("test-prefetch-ahead", 2, 0, 100, k -> {
            if (made.incrementAndGet() == 3) {
                blocked.countDown(); // the third item is made; putting it must wait for a take
            }
            return k;
        });
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThat(made.get()).isEqualTo(3);
        assertThat(p.take()).isZero();
        p.stop();
        assertThat(p.isAlive()).isFalse();
    }

    @Test
    void aFailureComesOutInPlaceOfItsItem() {
        Prefetcher<Integer> p = new Prefetcher<>("test-prefetch-fail", 4, 0, 10, k -> {
            if (k == 2) {
                throw new IllegalArgumentException("bad item " + k);
            }
            return k;
        });
        assertThat(p.take()).isZero();
        assertThat(p.take()).isEqualTo(1);
        assertThatThrownBy(p::take).isInstanceOf(IllegalArgumentException.class).hasMessage("bad item 2");
        p.stop();
    }

    @Test
    void errorsAreRethrownAsThemselves() {
        Prefetcher<Integer> p = new Prefetcher<>("test-prefetch-error", 1, 0, 1, k -> {
            throw new OutOfMemoryError("pretend");
        });
        assertThatThrownBy(p::take).isInstanceOf(OutOfMemoryError.class).hasMessage("pretend");
        p.stop();
    }

    @Test
    void takingPastTheEndFailsInsteadOfWaitingForever() {
        Prefetcher<Integer> p = new Prefetcher<>("test-prefetch-end", 1, 0, 1, k -> k);
        assertThat(p.take()).isZero();
        p.awaitEnd();
        assertThatThrownBy(p::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("ended");
    }

    @Test
    void stopEndsAThreadThatWaitsToHandOver() {
        Prefetcher<UncheckedIOException> p = new Prefetcher<>("test-prefetch-stop", 1, 0, 1000,
                k -> new UncheckedIOException(new IOException("not thrown, only made: " + k)));
        assertThat(p.take().getMessage()).contains("made: 0");
        p.stop();
        assertThat(p.isAlive()).isFalse();
    }
}
