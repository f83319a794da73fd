package org.layercanvas.runtime.train;

import java.util.ArrayList;
import java.util.List;
import org.layercanvas.model.NetworkDocument;

/**
 * What the playground's decision boundary costs training: a sample trained with and without boundary events
 * (interleaved rounds, one thread), and the time of one measurement on the trained model. Prints numbers; not a
 * test. {@code scripts/bench runtime org.layercanvas.runtime.train.BoundaryBench [sample] [rounds]}.
 */
public final class BoundaryBench {
    private BoundaryBench() {
    }

    public static void main(String[] args) throws Exception {
        String sample = args.length > 0 ? args[0] : "spiral-2d";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        NetworkDocument doc = SampleTrainingTest.sample(sample);
        TrainingSession.Result last = null;
        for (int round = 1; round <= rounds; round++) {
            for (int millis : new int[] {0, 250}) {
                List<TrainingEvent> events = new ArrayList<>();
                long start = System.nanoTime();
                TrainingSession.Result r = new TrainingSession(doc,
                        new TrainingSession.Options("cpu", 1).withBoundaryMillis(millis), events::add).run();
                double seconds = (System.nanoTime() - start) / 1e9;
                long boundaries = events.stream().filter(TrainingEvent.Boundary.class::isInstance).count();
                System.out.printf("round %d  boundary every %3d ms: %7.0f samples/s  wall %6.2f s  boundary events %d"
                        + "  test accuracy %.3f%n", round, millis, r.finished().samplesPerSecond(), seconds,
                        boundaries, r.finished().testAccuracy());
                last = r;
            }
        }
        BoundaryProbe probe = BoundaryProbe.forRun(last.model(), last.compiled().outputName(),
                last.compiled().inputShape(), last.testSet(), 1);
        for (int i = 0; i < 50; i++) {
            probe.measure(1, i);
        }
        int n = 300;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            probe.measure(1, i);
        }
        double ms = (System.nanoTime() - start) / 1e6 / n;
        System.out.printf("one measurement (%d x %d grid, hidden-unit maps): %.3f ms; at 4 a second %.2f %% of a core%n",
                BoundaryProbe.GRID, BoundaryProbe.GRID, ms, ms * 4 / 10);
    }
}
