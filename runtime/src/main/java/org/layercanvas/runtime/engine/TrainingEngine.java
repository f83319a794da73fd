package org.layercanvas.runtime.engine;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.runtime.data.Minibatch;

/**
 * What trains a compiled network one minibatch at a time. Two engines exist: DL4J's {@link ComputationGraph}
 * itself (the reference; it covers every layer) and the compiled training plan (a fixed sequence of libnd4j
 * kernels on preallocated buffers, much faster for the layers it covers). The training session does not care
 * which one runs.
 *
 * <p>Either way the parameters live in {@link #graph()}: between two calls of {@link #fit} that graph holds the
 * current weights, so evaluation, prediction, histograms and saving use DL4J whatever engine trains.
 */
public interface TrainingEngine extends AutoCloseable {
    /** Which engine this is. */
    EngineKind kind();

    /** Whether {@link #fit} reads the minibatch's DL4J DataSet form (else only its arrays). */
    boolean wantsDataSets();

    /**
     * Learns from one minibatch: forward pass, gradients, one optimizer step. Returns the minibatch's loss as DL4J
     * scores it (mean over the examples, plus the L2 penalty), computed before the step.
     */
    double fit(Minibatch batch);

    /** An epoch ended: the per-epoch learning-rate schedule moves on. */
    void epochEnded();

    /** The DL4J graph that holds the current parameters (and the optimizer's state). */
    ComputationGraph graph();

    /** Where the time of {@link #fit} went, summed since the engine was made. */
    StepTimes times();

    /** Time per step of a minibatch, when profiling was asked for; empty otherwise or for DL4J. */
    default java.util.List<KernelTime> kernelProfile() {
        return java.util.List.of();
    }

    /** Frees native resources; the graph stays usable. */
    @Override
    void close();
}
