package org.layercanvas.runtime.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.layercanvas.runtime.data.Minibatch;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationHardSigmoid;
import org.nd4j.linalg.activations.impl.ActivationHardTanH;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Step mode's look inside the network: for one minibatch, what every layer outputs (mean, spread, units that are
 * always 0, a sigmoid or tanh stuck at its limits) and how large the loss's gradient is for its parameters, with
 * a verdict per layer ({@link HealthVerdict}). Measured on the DL4J graph, which holds the current parameters
 * whatever engine trains: one forward pass in inference mode for the activations and one forward-backward pass for
 * the gradients, without an optimizer step. Costs about two training steps, so only stepped minibatches pay it.
 */
public final class NetworkHealth {
    /** A gradient norm above this is exploding. */
    public static final double EXPLODING_NORM = 100;
    /** A layer whose gradient norm is this fraction of the largest layer's or less is vanishing. */
    public static final double VANISHING_RATIO = 1e-3;
    /** This share of dead units or more makes a layer dead. */
    public static final double DEAD_SHARE = 0.5;
    /** This share of saturated outputs or more makes a layer saturated. */
    public static final double SATURATED_SHARE = 0.5;
    /** Outputs within this distance of a sigmoid's 0 and 1 or a tanh's -1 and 1 are saturated. */
    static final double SATURATION_MARGIN = 0.02;
    /** Batch-normalisation statistics are parameters DL4J updates without a gradient: not counted. */
    private static final Set<String> NOT_TRAINED = Set.of("mean", "var", "log10stdev");

    private NetworkHealth() {
    }

    /**
     * Measures {@code graph} on {@code batch}.
     *
     * @param outputName the output layer (its softmax or sigmoid is meant to be sure: never called saturated)
     */
    public static TrainingEvent.Health measure(ComputationGraph graph, String outputName, Minibatch batch, int epoch,
                                               int iteration) {
        DataSet ds = batch.dataSet();
        Map<String, INDArray> activations = graph.feedForward(new INDArray[] {ds.getFeatures()}, false);
        graph.setInputs(ds.getFeatures());
        graph.setLabels(ds.getLabels());
        graph.computeGradientAndScore();
        double loss = graph.score();
        // DL4J's gradient is of the loss summed over the minibatch; its updater divides by the size before the
        // step. The mean's gradient is what the step follows.
        double scale = 1.0 / ((double) batch.size() * batch.size());
        Map<String, Double> gradients = squaredNorms(graph.gradient().gradientForVariable());
        gradients.replaceAll((k, v) -> v * scale);
        Map<String, Double> weights = squaredNorms(graph.paramTable());
        graph.clear();
        double largest = gradients.values().stream().mapToDouble(Math::sqrt).filter(Double::isFinite).max()
                .orElse(0);
        List<TrainingEvent.LayerHealth> layers = new ArrayList<>();
        for (int i : graph.topologicalSortOrder()) {
            GraphVertex v = graph.getVertices()[i];
            INDArray a = activations.get(v.getVertexName());
            if (v.isInputVertex() || a == null) {
                continue;
            }
            String name = v.getVertexName();
            Output out = Output.of(a, name.equals(outputName) ? Limits.NONE : limits(v));
            double gradient = gradients.containsKey(name) ? Math.sqrt(gradients.get(name)) : Double.NaN;
            double weight = weights.containsKey(name) ? Math.sqrt(weights.get(name)) : Double.NaN;
            layers.add(new TrainingEvent.LayerHealth(name, out.mean, out.std, out.dead, out.saturated, gradient,
                    weight, verdict(out, gradient, largest)));
        }
        return new TrainingEvent.Health(epoch, iteration, loss, layers);
    }

    /** The worst finding first: see {@link HealthVerdict}. */
    static HealthVerdict verdict(Output out, double gradient, double largestGradient) {
        if (!out.finite || (!Double.isNaN(gradient) && !Double.isFinite(gradient))) {
            return HealthVerdict.NOT_FINITE;
        }
        if (gradient > EXPLODING_NORM) {
            return HealthVerdict.EXPLODING;
        }
        if (out.dead >= DEAD_SHARE) {
            return HealthVerdict.DEAD;
        }
        if (out.saturated >= SATURATED_SHARE) {
            return HealthVerdict.SATURATED;
        }
        if (gradient <= VANISHING_RATIO * largestGradient) {
            return HealthVerdict.VANISHING;
        }
        return HealthVerdict.OK;
    }

    /** Sum of squares of the trained parameters (or their gradients) per layer, keys {@code layer_param}. */
    private static Map<String, Double> squaredNorms(Map<String, INDArray> arrays) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            int cut = e.getKey().lastIndexOf('_');
            if (cut <= 0 || NOT_TRAINED.contains(e.getKey().substring(cut + 1))) {
                continue;
            }
            double n = e.getValue().norm2Number().doubleValue();
            out.merge(e.getKey().substring(0, cut), n * n, Double::sum);
        }
        return out;
    }

    /** Where an output function saturates: nowhere, at 0 and 1 (sigmoid), at -1 and 1 (tanh). */
    enum Limits { NONE, SIGMOID, TANH }

    /** The limits of the function the vertex's layer ends in (also inside a wrapper such as TimeDistributed). */
    private static Limits limits(GraphVertex v) {
        if (!v.hasLayer()) {
            return Limits.NONE;
        }
        org.deeplearning4j.nn.conf.layers.Layer conf = v.getLayer().conf().getLayer();
        while (conf instanceof BaseWrapperLayer w) {
            conf = w.getUnderlying();
        }
        IActivation fn = conf instanceof BaseLayer b ? b.getActivationFn()
                : conf instanceof ActivationLayer a ? a.getActivationFn() : null;
        if (fn instanceof ActivationSigmoid || fn instanceof ActivationHardSigmoid) {
            return Limits.SIGMOID;
        }
        return fn instanceof ActivationTanH || fn instanceof ActivationHardTanH ? Limits.TANH : Limits.NONE;
    }

    /** Statistics of one layer's output. */
    record Output(double mean, double std, double dead, double saturated, boolean finite) {
        /**
         * @param a      the output, examples first, units on axis 1 (columns, channels or sequence features)
         * @param limits where its function saturates, if anywhere
         */
        static Output of(INDArray a, Limits limits) {
            float[] v = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
            long[] shape = a.shape();
            int units = shape.length >= 2 ? (int) shape[1] : 1;
            int inner = 1;
            for (int d = 2; d < shape.length; d++) {
                inner *= (int) shape[d];
            }
            boolean[] alive = new boolean[units];
            double sum = 0;
            boolean finite = true;
            for (int i = 0; i < v.length; i++) {
                float x = v[i];
                finite &= Float.isFinite(x);
                sum += x;
                if (x != 0) {
                    alive[(i / inner) % units] = true;
                }
            }
            int n = Math.max(1, v.length);
            double mean = sum / n;
            double squares = 0;
            int saturated = 0;
            for (float x : v) {
                squares += (x - mean) * (x - mean);
                if (limits == Limits.TANH ? Math.abs(x) >= 1 - SATURATION_MARGIN
                        : limits == Limits.SIGMOID && (x <= SATURATION_MARGIN || x >= 1 - SATURATION_MARGIN)) {
                    saturated++;
                }
            }
            int dead = 0;
            for (boolean u : alive) {
                dead += u ? 0 : 1;
            }
            return new Output(mean, Math.sqrt(squares / n), (double) dead / units, (double) saturated / n, finite);
        }
    }
}
