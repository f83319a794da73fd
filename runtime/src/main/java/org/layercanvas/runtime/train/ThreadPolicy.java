package org.layercanvas.runtime.train;

import java.util.Map;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.TensorShape;

/**
 * How many native threads a run uses when the user does not say: the one rule for the command line, the worker
 * and the app. Each kernel of a small network finishes in microseconds, and waking a second thread for it costs
 * more than it saves (measured: 2 threads train the digits MLP 2-3x slower than 1 on 2 cores), so a network gets
 * more than one thread only when one minibatch is a lot of arithmetic, and never more threads than cores. One
 * setting covers OpenMP, the BLAS pool and libnd4j's own (see {@link Threads#set}); the data prefetch thread is
 * mostly idle and left out of the count.
 */
public final class ThreadPolicy {
    /**
     * Multiply-adds per minibatch (forward pass) from which more threads pay off. Measured on a 2-core machine with
     * the compiled plan (docs/performance.md): every workload up to the CIFAR-10 sample's CNN (392 million per
     * minibatch of 64) trained as fast or faster on one thread, while a 2048x2048 sgemm did scale (150 -> 210-236
     * GFLOPS); small kernels lose more to waking and joining threads than they gain.
     */
    static final double PARALLEL_WORK = 1e9;

    private ThreadPolicy() {
    }

    /** Threads for a document (analysed without errors) on this machine. */
    public static int choose(NetworkDocument doc, Analysis analysis) {
        return choose(multiplyAdds(doc, analysis), Runtime.getRuntime().availableProcessors());
    }

    /** Threads for {@code work} multiply-adds per minibatch on {@code cores} cores. */
    static int choose(double work, int cores) {
        if (cores <= 1 || work < PARALLEL_WORK) {
            return 1;
        }
        return cores;
    }

    /** Multiply-adds of one minibatch's forward pass: dense, convolution and recurrent layers (the rest is small). */
    public static double multiplyAdds(NetworkDocument doc, Analysis analysis) {
        LayerCatalog catalog = LayerCatalog.standard();
        double perExample = 0;
        for (Node node : doc.nodes()) {
            if (doc.edgesInto(node.id()).isEmpty()) {
                continue;
            }
            TensorShape in = analysis.outputShape(doc.edgesInto(node.id()).get(0).from().nodeId()).orElse(null);
            TensorShape out = analysis.outputShape(node.id()).orElse(null);
            if (in == null || out == null) {
                continue;
            }
            Map<String, Object> p = catalog.resolve(node);
            perExample += switch (node.type()) {
                // On a sequence a Dense layer runs once per step: in.channels() inputs per output value.
                case DENSE, OUTPUT -> (double) in.channels() * out.size();
                case CONV2D -> {
                    int k = ((Number) p.get("kernel")).intValue();
                    yield (double) out.size() * k * k * in.channels();
                }
                case LSTM -> 4.0 * in.dim(0) * (in.dim(1) + out.channels()) * out.channels();
                case SIMPLE_RNN -> (double) in.dim(0) * (in.dim(1) + out.channels()) * out.channels();
                default -> 0;
            };
        }
        return perExample * doc.training().batchSize();
    }
}
