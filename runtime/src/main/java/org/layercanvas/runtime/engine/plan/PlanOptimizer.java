package org.layercanvas.runtime.engine.plan;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Trainable;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.NesterovsUpdater;
import org.nd4j.linalg.learning.NoOpUpdater;
import org.nd4j.linalg.learning.RmsPropUpdater;
import org.nd4j.linalg.learning.SgdUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * The optimizer step of a plan, in DL4J's order and with DL4J's kernels on DL4J's own arrays: per layer gradient
 * clipping ({@code ClipL2PerLayer}), then per updater block the L2 penalty, the updater kernel on the block's
 * gradient view and state (Adam's {@code M}/{@code V} etc., the very arrays {@code ComputationGraphUpdater}
 * keeps) and decoupled weight decay, then {@code params -= update} on the flat parameter array. The gradients are
 * already divided by the minibatch size (the plan's loss does that; DL4J's updater divides first).
 */
final class PlanOptimizer implements AutoCloseable {
    private final ComputationGraph graph;
    private final List<Clip> clips = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final List<Penalty> penalties = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final NativeOp step;
    private final java.util.function.Supplier<Dnnl> dnnl;

    /** Why the plan cannot apply this graph's updater or regularisation, or null when it can. */
    static PlanGap unsupported(ComputationGraph graph) {
        ComputationGraphUpdater updater = graph.getUpdater(true);
        for (UpdaterBlock block : updater.getUpdaterBlocks()) {
            IUpdater config = block.getLayersAndVariablesInBlock().get(0).getLayer().getConfig()
                    .getUpdaterByParam(block.getLayersAndVariablesInBlock().get(0).getParamName());
            GradientUpdater<?> u = block.getGradientUpdater();
            if (!(u instanceof AdamUpdater || u instanceof SgdUpdater || u instanceof NesterovsUpdater
                    || u instanceof RmsPropUpdater || u instanceof NoOpUpdater)) {
                return PlanGap.of("updater", config.getClass().getSimpleName());
            }
            for (UpdaterBlock.ParamState p : block.getLayersAndVariablesInBlock()) {
                List<Regularization> rs = p.getLayer().getConfig().getRegularizationByParam(p.getParamName());
                if (rs != null) {
                    for (Regularization r : rs) {
                        if (!(r instanceof L2Regularization || r instanceof WeightDecay)) {
                            return PlanGap.of("regularization", r.getClass().getSimpleName());
                        }
                    }
                }
            }
        }
        for (Layer l : graph.getLayers()) {
            GradientNormalization g = l.conf().getLayer().getGradientNormalization();
            if (g != null && g != GradientNormalization.None && g != GradientNormalization.ClipL2PerLayer) {
                return PlanGap.of("normalization", g.toString());
            }
        }
        return null;
    }

    /** {@code dnnl}: the plan's oneDNN objects, or null where oneDNN is not available; the plan closes them. */
    PlanOptimizer(ComputationGraph graph, java.util.function.Supplier<Dnnl> dnnl) {
        this.graph = graph;
        this.dnnl = dnnl;
        ComputationGraphUpdater updater = graph.getUpdater(true);
        for (Layer l : graph.getLayers()) {
            if (l.numParams() > 0
                    && l.conf().getLayer().getGradientNormalization() == GradientNormalization.ClipL2PerLayer) {
                clips.add(new Clip(Views.flat(l.getGradientsViewArray()),
                        l.conf().getLayer().getGradientNormalizationThreshold()));
            }
        }
        for (UpdaterBlock block : updater.getUpdaterBlocks()) {
            blocks.add(new Block(block));
        }
        INDArray params = Views.flat(graph.params());
        INDArray grads = Views.flat(graph.getGradientsViewArray());
        step = own(NativeOp.of("subtract").in(params, grads).out(params));
    }

    /** oneDNN for the updaters that have a faster form there (the plan's), or null where it is not available. */
    private Dnnl dnnl() {
        return dnnl.get();
    }

    private NativeOp own(NativeOp.Builder b) {
        NativeOp op = b.build();
        resources.add(op);
        return op;
    }

    /** The L2 / weight-decay part of the score, as DL4J adds it: {@code coeff / 2 * sum(w^2)} per parameter. */
    double regularizationScore(int iteration, int epoch) {
        double sum = 0;
        for (Penalty p : penalties) {
            sum += p.score(iteration, epoch);
        }
        return sum;
    }

    /** Applies one optimizer step to the gradients the backward pass left in the graph's gradient array. */
    void step(int iteration, int epoch) {
        for (Clip c : clips) {
            c.apply();
        }
        for (Block b : blocks) {
            b.apply(iteration, epoch);
        }
        step.run();
    }

    private long profiled;
    private long clipNanos;
    private long blockNanos;
    private long stepNanos;

    /** {@link #step}, timing its parts for {@link #profile()}. */
    void timedStep(int iteration, int epoch) {
        long a = System.nanoTime();
        for (Clip c : clips) {
            c.apply();
        }
        long b = System.nanoTime();
        for (Block bl : blocks) {
            bl.apply(iteration, epoch);
        }
        long c = System.nanoTime();
        step.run();
        long d = System.nanoTime();
        profiled++;
        clipNanos += b - a;
        blockNanos += c - b;
        stepNanos += d - c;
    }

    List<org.layercanvas.runtime.engine.KernelTime> profile() {
        String updaters = blocks.size() + " updater block(s)";
        return List.of(new org.layercanvas.runtime.engine.KernelTime("gradient clipping", "update", profiled,
                        clipNanos),
                new org.layercanvas.runtime.engine.KernelTime(updaters, "update", profiled, blockNanos),
                new org.layercanvas.runtime.engine.KernelTime("params -= update", "update", profiled, stepNanos));
    }

    @Override
    public void close() {
        Resources.closeAll(resources);
    }

    /** {@code ClipL2PerLayer}: scale a layer's gradient down to the threshold when its L2 norm exceeds it. */
    private final class Clip {
        private final double threshold;
        private final NativeOp norm;
        private final NativeOp scale;
        private final INDArray normValue;
        private final INDArray factor;

        Clip(INDArray layerGradient, double threshold) {
            this.threshold = threshold;
            this.normValue = Nd4j.scalar(layerGradient.dataType(), 0.0);
            this.factor = Nd4j.scalar(layerGradient.dataType(), 1.0);
            this.norm = own(NativeOp.of("reduce_norm2").in(layerGradient).out(normValue));
            this.scale = own(NativeOp.of("multiply").in(layerGradient, factor).out(layerGradient));
        }

        void apply() {
            norm.run();
            double l2 = normValue.getDouble(0);
            if (l2 > threshold) {
                factor.putScalar(0, threshold / l2);
                scale.run();
            }
        }
    }

    /** One DL4J updater block: contiguous parameters that share an updater configuration. */
    private final class Block {
        private final UpdaterBlock block;
        private final IUpdater config;
        private final NativeOp kernel;
        private DnnlAdam adam;
        private final List<Penalty> before = new ArrayList<>();
        private final List<Penalty> after = new ArrayList<>();

        Block(UpdaterBlock block) {
            this.block = block;
            UpdaterBlock.ParamState first = block.getLayersAndVariablesInBlock().get(0);
            Trainable layer = first.getLayer();
            this.config = layer.getConfig().getUpdaterByParam(first.getParamName());
            GradientUpdater<?> u = block.getGradientUpdater();
            // Rank-1 'c' views of the block's gradient and state: the updater kernels' fast loop (see Views).
            INDArray grad = Views.flat(block.getGradientView());
            if (u instanceof AdamUpdater a) {
                Adam c = (Adam) config;
                INDArray m = Views.flat(a.getState().get(AdamUpdater.M_STATE));
                INDArray v = Views.flat(a.getState().get(AdamUpdater.V_STATE));
                if (dnnl() != null && grad.dataType() == DataType.FLOAT) {
                    adam = new DnnlAdam(dnnl(), grad, m, v, c.getBeta1(), c.getBeta2(), c.getEpsilon());
                    kernel = null;
                } else {
                    kernel = own(NativeOp.of("adam_updater").in(grad, v, m).out(grad, v, m)
                            .reals(c.getLearningRate(), c.getBeta1(), c.getBeta2(), c.getEpsilon()).ints(0));
                }
            } else if (u instanceof SgdUpdater) {
                kernel = own(NativeOp.of("sgd_updater").in(grad).out(grad).reals(config.getLearningRate(0, 0)));
            } else if (u instanceof NesterovsUpdater n) {
                Nesterovs c = (Nesterovs) config;
                INDArray v = Views.flat(n.getState().get(NesterovsUpdater.V_STATE));
                kernel = own(NativeOp.of("nesterovs_updater").in(grad, v).out(grad, v)
                        .reals(config.getLearningRate(0, 0), c.currentMomentum(0, 0)));
            } else if (u instanceof RmsPropUpdater r) {
                RmsProp c = (RmsProp) config;
                INDArray s = Views.flat(r.getState().get(RmsPropUpdater.G_STATE));
                kernel = own(NativeOp.of("rms_prop_updater").in(grad, s).out(grad, s)
                        .reals(config.getLearningRate(0, 0), c.getRmsDecay(), c.getEpsilon()));
            } else {
                kernel = null; // NoOp: the "gradient" is applied as it is (e.g. batch norm's running statistics)
            }
            for (UpdaterBlock.ParamState p : block.getLayersAndVariablesInBlock()) {
                List<Regularization> rs = p.getLayer().getConfig().getRegularizationByParam(p.getParamName());
                if (rs == null) {
                    continue;
                }
                for (Regularization r : rs) {
                    Penalty penalty = new Penalty(Views.flat(p.getParamView()), Views.flat(p.getGradView()), r);
                    penalties.add(penalty);
                    (r.applyStep() == Regularization.ApplyStep.BEFORE_UPDATER ? before : after).add(penalty);
                }
            }
        }

        void apply(int iteration, int epoch) {
            if (block.getLayersAndVariablesInBlock().get(0).getLayer().numParams() == 0) {
                return;
            }
            double lr = config.hasLearningRate() ? config.getLearningRate(iteration, epoch) : 1.0;
            for (Penalty p : before) {
                p.apply(lr, iteration, epoch);
            }
            if (adam != null) {
                adam.apply(lr, iteration);
            } else if (kernel != null) {
                if (config.hasLearningRate()) {
                    kernel.setReal(0, lr);
                }
                if (config instanceof Adam) {
                    kernel.setInt(0, iteration);
                } else if (config instanceof Nesterovs n) {
                    kernel.setReal(1, n.currentMomentum(iteration, epoch));
                }
                kernel.run();
            }
            for (Penalty p : after) {
                p.apply(lr, iteration, epoch);
            }
        }
    }

    /** L2 ({@code grad += c * w} before the updater) or weight decay ({@code update += c * lr * w} after it). */
    private final class Penalty {
        private final Regularization regularization;
        private final NativeOp axpy;
        private final NativeOp norm;
        private final INDArray normValue;

        Penalty(INDArray param, INDArray grad, Regularization regularization) {
            this.regularization = regularization;
            // libnd4j's axpy custom op computes in0 + a * in1 (its second input is the scaled one)
            this.axpy = own(NativeOp.of("axpy").in(grad, param).out(grad).reals(0.0));
            this.normValue = Nd4j.scalar(param.dataType(), 0.0);
            this.norm = own(NativeOp.of("reduce_norm2").in(param).out(normValue));
        }

        void apply(double lr, int iteration, int epoch) {
            double coeff;
            if (regularization instanceof L2Regularization l2) {
                coeff = l2.getL2().valueAt(iteration, epoch);
            } else {
                WeightDecay wd = (WeightDecay) regularization;
                coeff = wd.getCoeff().valueAt(iteration, epoch) * (wd.isApplyLR() ? lr : 1.0);
            }
            axpy.setReal(0, coeff);
            axpy.run();
        }

        double score(int iteration, int epoch) {
            norm.run();
            double n = normValue.getDouble(0);
            double coeff = regularization instanceof L2Regularization l2 ? l2.getL2().valueAt(iteration, epoch)
                    : ((WeightDecay) regularization).getCoeff().valueAt(iteration, epoch);
            return coeff * 0.5 * n * n;
        }
    }
}
