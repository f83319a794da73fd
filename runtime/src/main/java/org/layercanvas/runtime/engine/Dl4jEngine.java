package org.layercanvas.runtime.engine;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.runtime.data.Minibatch;

/** DL4J's own training: {@code ComputationGraph.fit(DataSet)} per minibatch. */
public final class Dl4jEngine implements TrainingEngine {
    private final ComputationGraph graph;
    private final StepTimes times = new StepTimes(false);

    public Dl4jEngine(ComputationGraph graph) {
        this.graph = graph;
    }

    @Override
    public EngineKind kind() {
        return EngineKind.DL4J;
    }

    @Override
    public boolean wantsDataSets() {
        return true;
    }

    @Override
    public double fit(Minibatch batch) {
        long start = System.nanoTime();
        graph.fit(batch.dataSet());
        times.add(0, System.nanoTime() - start, 0, 0);
        return graph.score();
    }

    @Override
    public void epochEnded() {
        // The learning-rate schedule is per epoch (see GraphCompiler); fit(DataSet) does not count epochs.
        graph.incrementEpochCount();
    }

    @Override
    public ComputationGraph graph() {
        return graph;
    }

    @Override
    public StepTimes times() {
        return times;
    }

    @Override
    public void close() {
        // nothing native of its own
    }
}
