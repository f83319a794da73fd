package org.layercanvas.runtime.engine.plan;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.compile.CompiledGraph;
import org.layercanvas.runtime.engine.EngineKind;
import org.layercanvas.runtime.engine.EngineMessages;
import org.layercanvas.runtime.engine.StepTimes;
import org.layercanvas.runtime.engine.TrainingEngine;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.layercanvas.runtime.data.Minibatch;

/**
 * The compiled training plan: a document turned into a fixed sequence of libnd4j kernels on buffers allocated once
 * per minibatch size, with the parameters, gradients and optimizer state of a DL4J {@link ComputationGraph}
 * (views into its flat arrays). It computes what {@code ComputationGraph.fit} computes, with the same kernels in
 * the same order where it matters, without DL4J's per-minibatch overhead (workspaces, Java-side shape checks, a
 * fresh op context and output arrays per kernel, listeners). Between two minibatches the graph holds exactly the
 * state DL4J would hold, so evaluation, prediction and saving go through DL4J unchanged.
 *
 * <p>{@link #unsupported} tells which documents the plan covers; the rest train with DL4J.
 */
public final class TrainingPlan implements TrainingEngine {
    private final ComputationGraph graph;
    private final CompiledGraph compiled;
    private final NetworkDocument document;
    private final Map<String, Map<String, INDArray>> gradientViews;
    private final Map<Integer, Program> programs = new HashMap<>();
    private final PlanOptimizer optimizer;
    private final StepTimes times = new StepTimes(true);
    private Dnnl dnnl;
    /** Time every step of every minibatch (for {@code layercanvas bench --kernels}); costs a little itself. */
    private final boolean profile = Boolean.getBoolean("layercanvas.plan.profile");
    private long lossNanos;
    private long lossCalls;

    private TrainingPlan(CompiledGraph compiled, NetworkDocument document, ComputationGraph graph) {
        this.graph = graph;
        this.compiled = compiled;
        this.document = document;
        if (graph.getGradientsViewArray() == null) {
            graph.initGradientsView();
        }
        this.gradientViews = gradientViews(graph);
        // Parameters that no step writes a gradient for (a dead-end branch) keep a zero gradient.
        graph.getGradientsViewArray().assign(0);
        // the plan's own oneDNN engine and stream, where oneDNN is available (else the optimizer uses libnd4j only)
        this.optimizer = new PlanOptimizer(graph, () -> Dnnl.available() ? dnnl() : null);
    }

    /**
     * Compiles a plan for a document whose graph DL4J has initialised; the program for the document's batch size
     * is built at once.
     *
     * @throws IllegalArgumentException when {@link #unsupported} names a reason
     */
    public static TrainingPlan compile(CompiledGraph compiled, NetworkDocument document, ComputationGraph graph) {
        Optional<PlanGap> why = unsupported(compiled, document, graph);
        if (why.isPresent()) {
            throw new IllegalArgumentException(why.get().message());
        }
        TrainingPlan plan = new TrainingPlan(compiled, document, graph);
        plan.program(document.training().batchSize());
        return plan;
    }

    /** The first layer or setting of this network the plan does not cover, or empty when it covers it all. */
    public static Optional<PlanGap> unsupported(CompiledGraph compiled, NetworkDocument document,
                                                ComputationGraph graph) {
        if (graph.params().dataType() != DataType.FLOAT) {
            return Optional.of(PlanGap.of("dataType", graph.params().dataType().toString()));
        }
        LayerCatalog catalog = LayerCatalog.standard();
        for (String id : compiled.analysis().order()) {
            Node node = document.node(id).orElseThrow();
            PlanGap why = Layers.unsupported(node, catalog.resolve(node), compiled.analysis(), document);
            if (why != null) {
                return Optional.of(why);
            }
        }
        return Optional.ofNullable(PlanOptimizer.unsupported(graph));
    }

    private static Map<String, Map<String, INDArray>> gradientViews(ComputationGraph graph) {
        Map<String, Map<String, INDArray>> views = new HashMap<>();
        for (Layer l : graph.getLayers()) {
            if (l.numParams() == 0) {
                continue;
            }
            views.put(l.conf().getLayer().getLayerName(), l.conf().getLayer().initializer()
                    .getGradientsFromFlattened(l.conf(), l.getGradientsViewArray()));
        }
        return views;
    }

    private Program program(int batch) {
        Program p = programs.get(batch);
        if (p == null) {
            p = build(batch);
            programs.put(batch, p);
        }
        return p;
    }

    private Program build(int batch) {
        PlanBuilder b = new PlanBuilder(batch, graph, gradientViews, this::dnnl);
        LayerCatalog catalog = LayerCatalog.standard();
        Analysis analysis = compiled.analysis();
        List<PlanLayer> layers = new ArrayList<>();
        InputLayer input = null;
        OutputLayer output = null;
        for (String id : analysis.order()) {
            Node node = document.node(id).orElseThrow();
            PlanLayer layer = Layers.create(node, catalog.resolve(node), analysis, document);
            if (layer instanceof InputLayer in) {
                input = in;
            } else if (layer instanceof OutputLayer out) {
                output = out;
            }
            layers.add(layer);
        }
        if (input == null || output == null) {
            throw new IllegalStateException("a compiled document without Input or Output");
        }
        for (PlanLayer l : layers) {
            b.node = l.id;
            b.current = l;
            b.layers.add(l);
            l.forward(b);
        }
        // b.layers now also holds the layout conversions, each right after the layer whose output it converts
        for (int i = b.layers.size() - 1; i >= 0; i--) {
            PlanLayer l = b.layers.get(i);
            b.node = l.id;
            l.backward(b);
        }
        return new Program(b, input, output, profile);
    }

    /** oneDNN descriptions of the programs built so far that got only oneDNN's slow reference kernel. */
    List<String> referenceKernels() {
        return dnnl == null ? List.of() : dnnl.referenceKernels();
    }

    private Dnnl dnnl() {
        if (dnnl == null) {
            dnnl = Dnnl.create();
        }
        return dnnl;
    }

    @Override
    public EngineKind kind() {
        return EngineKind.PLAN;
    }

    @Override
    public boolean wantsDataSets() {
        return false;
    }

    @Override
    public double fit(Minibatch batch) {
        long start = System.nanoTime();
        int n = batch.size();
        Program p = program(n);
        float[] labels;
        if (batch.needsDataSet()) {
            // a preprocessor changed the DataSet form: use that
            p.input.load(batch.dataSet().getFeatures());
            labels = readLabels(batch.dataSet().getLabels(), n * p.output.units());
        } else {
            p.input.load(batch.features());
            labels = batch.labels();
            if (labels.length != n * p.output.units()) {
                throw new PlanException(EngineMessages.format("plan.labelCount", labels.length,
                        n * p.output.units()));
            }
        }
        int iteration = graph.getIterationCount();
        int epoch = graph.getEpochCount();
        long loaded = System.nanoTime();
        p.forward();
        long lossStart = profile ? System.nanoTime() : 0;
        double loss = p.output.lossAndGradient(labels) + optimizer.regularizationScore(iteration, epoch);
        if (profile) {
            lossNanos += System.nanoTime() - lossStart;
            lossCalls++;
        }
        long forwarded = System.nanoTime();
        p.backward();
        long backwarded = System.nanoTime();
        if (profile) {
            optimizer.timedStep(iteration, epoch);
        } else {
            optimizer.step(iteration, epoch);
        }
        graph.getConfiguration().setIterationCount(iteration + 1);
        long updated = System.nanoTime();
        times.add(loaded - start, forwarded - loaded, backwarded - forwarded, updated - backwarded);
        return loss;
    }

    /**
     * The loss of one minibatch and the gradient of every parameter (the graph's flat gradient array, mean over the
     * minibatch), without an optimizer step: what {@code ComputationGraph.computeGradientAndScore()} computes,
     * divided by the minibatch size as DL4J's updater divides it. For tests.
     */
    double gradients(Minibatch batch) {
        int n = batch.size();
        Program p = program(n);
        p.input.load(batch.features());
        p.forward();
        double loss = p.output.lossAndGradient(batch.labels())
                + optimizer.regularizationScore(graph.getIterationCount(), graph.getEpochCount());
        p.backward();
        return loss;
    }

    private static float[] readLabels(INDArray batchLabels, int count) {
        if (batchLabels.length() != count) {
            throw new PlanException(EngineMessages.format("plan.labelCount", batchLabels.length(), count));
        }
        float[] labels = new float[count];
        FloatBuffer source = InputLayer.contiguous(batchLabels).data().asNioFloat();
        source.get(labels);
        return labels;
    }

    @Override
    public void epochEnded() {
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
    public List<org.layercanvas.runtime.engine.KernelTime> kernelProfile() {
        if (!profile) {
            return List.of();
        }
        List<org.layercanvas.runtime.engine.KernelTime> out = new ArrayList<>(
                program(document.training().batchSize()).profile());
        out.add(new org.layercanvas.runtime.engine.KernelTime("loss and its gradient (Java)", "forward", lossCalls,
                lossNanos));
        out.addAll(optimizer.profile());
        return out;
    }

    /** Steps of the program for the document's batch size (for reports). */
    public int steps() {
        return program(document.training().batchSize()).size();
    }

    @Override
    public void close() {
        for (Program p : programs.values()) {
            p.close();
        }
        programs.clear();
        optimizer.close();
        if (dnnl != null) {
            dnnl.close();
            dnnl = null;
        }
    }
}
