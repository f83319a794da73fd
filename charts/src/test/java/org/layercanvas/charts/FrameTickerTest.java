package org.layercanvas.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The frame rate limit is what the clock keeps to: fewer frames a second when asked for fewer. */
@ExtendWith(ApplicationExtension.class)
class FrameTickerTest extends FxRobot {
    @Start
    void start(Stage stage) {
        // the FX toolkit is all these tests need
    }

    private static int framesInOneSecond(int framesPerSecond) throws InterruptedException {
        AtomicInteger frames = new AtomicInteger();
        FrameTicker ticker = new FrameTicker(() -> {
            frames.incrementAndGet();
            return true;
        });
        ticker.start();
        ticker.setFramesPerSecond(framesPerSecond); // while running: restarts at the new rate
        int before = frames.get();
        Thread.sleep(1000);
        ticker.stop();
        assertThat(ticker.isRunning()).isFalse();
        return frames.get() - before;
    }

    @Test
    void aLowerRateDrawsFewerFrames() throws InterruptedException {
        int slow = framesInOneSecond(4);
        int fast = framesInOneSecond(30);
        assertThat(slow).as("frames at 4 per second").isBetween(1, 6);
        assertThat(fast).as("frames at 30 per second").isGreaterThan(slow);
    }

    @Test
    void theRateIsClamped() {
        FrameTicker ticker = new FrameTicker(() -> false);
        ticker.setFramesPerSecond(0);
        assertThat(ticker.getFramesPerSecond()).isEqualTo(1);
        ticker.setFramesPerSecond(500);
        assertThat(ticker.getFramesPerSecond()).isEqualTo(60);
    }
}
