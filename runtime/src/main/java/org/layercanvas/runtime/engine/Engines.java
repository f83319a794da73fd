package org.layercanvas.runtime.engine;

import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.runtime.compile.CompiledGraph;
import org.layercanvas.runtime.engine.plan.PlanGap;
import org.layercanvas.runtime.engine.plan.TrainingPlan;

/** Chooses the engine for a run: the compiled plan where it covers the network, DL4J otherwise. */
public final class Engines {
    private Engines() {
    }

    /** The engine a run uses and why, in words for the user. */
    public record Choice(TrainingEngine engine, String reason) {
    }

    /**
     * @param graph the initialised DL4J graph of {@code compiled}; every engine trains its parameters
     */
    public static Choice choose(EnginePreference preference, CompiledGraph compiled, NetworkDocument document,
                                ComputationGraph graph) {
        return choose(preference, compiled, document, graph, false);
    }

    /**
     * @param gpu whether the run is on a GPU: the compiled plan runs on the CPU only (oneDNN and libnd4j CPU
     *            kernels), so a GPU run trains with DL4J's CUDA backend
     */
    public static Choice choose(EnginePreference preference, CompiledGraph compiled, NetworkDocument document,
                                ComputationGraph graph, boolean gpu) {
        if (preference == EnginePreference.DL4J) {
            return new Choice(new Dl4jEngine(graph), EngineMessages.format("reason.dl4jRequested"));
        }
        if (gpu) {
            return new Choice(new Dl4jEngine(graph), EngineMessages.format("reason.dl4jGpu"));
        }
        Optional<PlanGap> gap = TrainingPlan.unsupported(compiled, document, graph);
        if (gap.isPresent()) {
            return new Choice(new Dl4jEngine(graph), EngineMessages.format("reason.dl4jGap", gap.get().message()));
        }
        try {
            TrainingPlan plan = TrainingPlan.compile(compiled, document, graph);
            return new Choice(plan, EngineMessages.format(
                    preference == EnginePreference.PLAN ? "reason.planRequested" : "reason.plan"));
        } catch (RuntimeException e) {
            // A kernel the build refused (an op missing from this libnd4j, a shape it rejects): train with DL4J.
            return new Choice(new Dl4jEngine(graph), EngineMessages.format("reason.dl4jPlanFailed", e.getMessage()));
        }
    }
}
