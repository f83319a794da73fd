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
    final List<AutoCloseable> resources = new ArrayList<>();
    final Map<String, Tensor> tensors = new HashMap<>();
    private final Map<String, Map<String, INDArray>> gradientViews;
    private final DataType type;

    PlanBuilder(int batch, ComputationGraph graph, Map<String, Map<String, INDArray>> gradientViews) {
        this.batch = batch;
        this.graph = graph;
        this.gradientViews = gradientViews;
        this.type = graph.params().dataType();
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
        return t;
    }

    /** Registers a node whose output is another tensor seen differently (same memory, e.g. a flatten). */
    Tensor alias(String nodeId, Tensor.Layout layout, Tensor base, INDArray value, INDArray grad) {
        Tensor t = new Tensor(layout, value, grad, base);
        tensors.put(nodeId, t);
        return t;
    }
}
