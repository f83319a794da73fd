package org.layercanvas.runtime.engine.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Collects what one {@link Program} consists of while the layers of a document are translated: buffers, the
 * forward steps (in topological order) and the backward steps (in reverse order), and the native resources to
 * free afterwards. Parameters and their gradients are views into the DL4J graph's flat arrays, shared by every
 * program of a plan.
 */
final class PlanBuilder {
    final int batch;
    final ComputationGraph graph;
    final List<Step> forward = new ArrayList<>();
    final List<Step> backward = new ArrayList<>();
    final List<String> forwardLabels = new ArrayList<>();
    final List<String> backwardLabels = new ArrayList<>();
    /** The node whose steps are being added (labels the steps in profiles). */
    String node = "";
    /** The layers in the order their forward steps were added, with the layout conversions {@link #convert} adds. */
    final List<PlanLayer> layers = new ArrayList<>();
    /** The layer whose forward steps are being added. */
    PlanLayer current;
    private final Map<Tensor, PlanLayer> producers = new HashMap<>();
    private final Map<Tensor, List<Tensor>> conversions = new HashMap<>();
    private final java.util.function.Supplier<Dnnl> dnnl;
    final List<AutoCloseable> resources = new ArrayList<>();
    final Map<String, Tensor> tensors = new HashMap<>();
    private final Map<String, Map<String, INDArray>> gradientViews;
    private final DataType type;

    PlanBuilder(int batch, ComputationGraph graph, Map<String, Map<String, INDArray>> gradientViews,
                java.util.function.Supplier<Dnnl> dnnl) {
        this.batch = batch;
        this.graph = graph;
        this.gradientViews = gradientViews;
        this.type = graph.params().dataType();
        this.dnnl = dnnl;
    }

    /** oneDNN, shared by the programs of a plan (made on first use). */
    Dnnl dnnl() {
        return dnnl.get();
    }

    DataType dataType() {
        return type;
    }

    /** A zero-filled buffer of the network's data type, in 'c' order. */
    INDArray buffer(long... shape) {
        return Nd4j.create(type, shape, 'c');
    }

    /** A prepared native operation that is freed with the program. */
    NativeOp op(NativeOp.Builder b) {
        NativeOp op = b.build();
        resources.add(op);
        return op;
    }

    void forward(Step step) {
        forward(step.toString(), step);
    }

    void backward(Step step) {
        backward(step.toString(), step);
    }

    /** A forward step named for profiles (a native op is named by its operation). */
    void forward(String what, Step step) {
        forward.add(step);
        forwardLabels.add(node + " " + what);
    }

    void backward(String what, Step step) {
        backward.add(step);
        backwardLabels.add(node + " " + what);
    }

    /** Parameter {@code name} ({@code W}, {@code b}, ...) of the node's DL4J layer: a view into the flat parameters. */
    INDArray param(String nodeId, String name) {
        INDArray p = graph.getParam(nodeId + "_" + name);
        if (p == null) {
            throw new IllegalStateException("DL4J layer " + nodeId + " has no parameter " + name);
        }
        return p;
    }

    /** The gradient view of a parameter, exactly the array DL4J's updater reads. */
    INDArray paramGrad(String nodeId, String name) {
        Map<String, INDArray> views = gradientViews.get(nodeId);
        INDArray g = views == null ? null : views.get(name);
        if (g == null) {
            throw new IllegalStateException("DL4J layer " + nodeId + " has no gradient view for " + name);
        }
        return g;
    }

    Layer layer(String nodeId) {
        return graph.getLayer(nodeId);
    }

    /** Registers a node's output. */
    Tensor output(String nodeId, Tensor.Layout layout, INDArray value, boolean needsGrad) {
        Tensor t = new Tensor(layout, value, needsGrad ? Nd4j.create(value.dataType(), value.shape(), 'c') : null);
        tensors.put(nodeId, t);
        producers.put(t, current);
        return t;
    }

    /** Registers a node's output whose value and gradient buffers the layer made itself. */
    Tensor output(String nodeId, Tensor.Layout layout, INDArray value, INDArray grad) {
        Tensor t = new Tensor(layout, value, grad);
        tensors.put(nodeId, t);
        producers.put(t, current);
        return t;
    }

    /**
     * Registers a node's image output held in oneDNN layout {@code format}: a plain layout becomes an ordinary
     * {@code [b, c, h, w]} array, anything else a 1-D buffer of the layout's size.
     */
    Tensor image(String nodeId, long[] dims, org.bytedeco.dnnl.dnnl_memory_desc_t format, boolean needsGrad) {
        Tensor t;
        if (Dnnl.same(format, Dnnl.md(org.bytedeco.dnnl.global.dnnl.dnnl_nchw, dims))) {
            INDArray v = buffer(dims);
            t = new Tensor(Tensor.Layout.IMAGE, v, needsGrad ? buffer(dims) : null);
        } else {
            t = new Tensor(Tensor.Layout.IMAGE, dims, format, Dnnl.allocate(format),
                    needsGrad ? Dnnl.allocate(format) : null, null);
        }
        if (nodeId != null) {
            tensors.put(nodeId, t);
        }
        producers.put(t, current);
        return t;
    }

    /** oneDNN's description of an image tensor's memory layout. */
    static org.bytedeco.dnnl.dnnl_memory_desc_t format(Tensor t) {
        return t.format != null ? t.format : Dnnl.md(org.bytedeco.dnnl.global.dnnl.dnnl_nchw, t.dims);
    }

    /** The image in plain {@code [b, c, h, w]} layout (itself, or a converted copy). */
    Tensor plain(Tensor t) {
        if (t.layout != Tensor.Layout.IMAGE || t.plain()) {
            return t;
        }
        return convert(t, Dnnl.md(org.bytedeco.dnnl.global.dnnl.dnnl_nchw, t.dims));
    }

    /**
     * The image in layout {@code target}: itself when it already is, else a copy reordered before each use (made
     * once per program and shared by every layer that asks). Its gradient is reordered back into {@code t}'s after
     * all its consumers wrote it.
     */
    Tensor convert(Tensor t, org.bytedeco.dnnl.dnnl_memory_desc_t target) {
        org.bytedeco.dnnl.dnnl_memory_desc_t from = format(t);
        if (Dnnl.same(from, target)) {
            return t;
        }
        for (Tensor c : conversions.getOrDefault(t, List.of())) {
            if (Dnnl.same(format(c), target)) {
                return c;
            }
        }
        PlanLayer requester = current;
        String requesterNode = node;
        ConvertLayer conversion = new ConvertLayer(t, target);
        current = conversion;
        conversion.forward(this);
        current = requester;
        node = requesterNode;
        // its backward must run after every consumer's: right after the producer in the layer order
        PlanLayer producer = producers.get(t);
        int at = producer == null ? 0 : layers.indexOf(producer) + 1;
        layers.add(at, conversion);
        conversions.computeIfAbsent(t, k -> new ArrayList<>()).add(conversion.out);
        return conversion.out;
    }

    /** Adds {@code source} (a buffer in the same layout) into tensor {@code target}'s gradient, or copies it. */
    void accumulateSameLayout(Tensor target, INDArray source) {
        INDArray to = Views.flat(target.grad);
        INDArray from = Views.flat(source);
        backward(target.claimFirstGradWrite() ? op(NativeOp.of("assign").in(to, from).out(to))
                : op(NativeOp.of("add").in(to, from).out(to)));
    }

    /** Registers a node whose output is another tensor seen differently (same memory, e.g. a flatten). */
    Tensor alias(String nodeId, Tensor.Layout layout, Tensor base, INDArray value, INDArray grad) {
        Tensor t = new Tensor(layout, value, grad, base);
        tensors.put(nodeId, t);
        producers.put(t, producers.get(base));
        return t;
    }
}
