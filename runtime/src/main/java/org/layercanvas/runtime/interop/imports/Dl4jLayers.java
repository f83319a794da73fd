package org.layercanvas.runtime.interop.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.layercanvas.runtime.compile.BidirectionalLastStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.runtime.compile.LayerNormLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationHardSigmoid;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Maps one DL4J layer configuration to a catalog layer: the inverse of the runtime's {@code GraphCompiler} for
 * what it writes, and the same layers written by other DL4J programs. Anything else is a reason, not a guess.
 */
final class Dl4jLayers {
    private Dl4jLayers() {
    }

    /** @return the mapping, or null after adding why there is none to {@code reasons} */
    static KerasLayers.Mapped map(Layer layer, List<String> reasons) {
        Map<String, Object> p = new LinkedHashMap<>();
        Layer inner = layer instanceof LastTimeStep last ? last.getUnderlying()
                : layer instanceof BidirectionalLastStep both ? both.getBidirectional() : layer;
        boolean lastStep = inner != layer;
        if (inner instanceof OutputLayer out) {
            return output(out, p, reasons);
        }
        if (inner instanceof DenseLayer d && inner.getClass() == DenseLayer.class) {
            p.put("units", (int) d.getNOut());
            p.put("activation", activation(d.getActivationFn(), reasons));
            p.put("useBias", d.hasBias());
            return mapped(LayerType.DENSE, p, reasons);
        }
        if (inner instanceof ActivationLayer a) {
            p.put("function", activation(a.getActivationFn(), reasons));
            if (a.getActivationFn() instanceof ActivationLReLU l) {
                p.put("alpha", l.getAlpha());
            }
            return mapped(LayerType.ACTIVATION, p, reasons);
        }
        if (inner instanceof DropoutLayer d) {
            if (d.getIDropout() instanceof Dropout drop) {
                p.put("rate", java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(drop.getP())).doubleValue());
                return mapped(LayerType.DROPOUT, p, reasons);
            }
            reasons.add(ImportMessages.format("zip.layer", d.getIDropout() == null ? "?" : d.getIDropout().getClass()
                    .getSimpleName()));
            return null;
        }
        if (inner instanceof BatchNormalization b) {
            p.put("momentum", b.getDecay());
            p.put("epsilon", b.getEps());
            return mapped(LayerType.BATCH_NORM, p, reasons);
        }
        if (inner instanceof LayerNormLayer n) {
            p.put("epsilon", n.getEpsilon());
            return mapped(LayerType.LAYER_NORM, p, reasons);
        }
        return image(inner, p, reasons, lastStep);
    }

    private static KerasLayers.Mapped image(Layer inner, Map<String, Object> p, List<String> reasons,
                                            boolean lastStep) {
        if (inner instanceof ConvolutionLayer c && (inner.getClass() == ConvolutionLayer.class
                || inner.getClass().getSimpleName().equals("Convolution2D"))) {
            p.put("filters", (int) c.getNOut());
            p.put("kernel", square(c.getKernelSize(), "kernel", reasons));
            p.put("stride", square(c.getStride(), "stride", reasons));
            p.put("padding", padding(c.getConvolutionMode(), c.getPadding(), reasons));
            p.put("dilation", square(c.getDilation(), "dilation", reasons));
            p.put("activation", activation(c.getActivationFn(), reasons));
            if (!c.hasBias()) {
                reasons.add(ImportMessages.format("option.unsupported", "hasBias", "false"));
            }
            return mapped(LayerType.CONV2D, p, reasons);
        }
        if (inner instanceof SubsamplingLayer s && inner.getClass() == SubsamplingLayer.class) {
            boolean max = s.getPoolingType() == PoolingType.MAX;
            if (!max && s.getPoolingType() != PoolingType.AVG) {
                reasons.add(ImportMessages.format("option.unsupported", "poolingType", s.getPoolingType()));
            }
            p.put("size", square(s.getKernelSize(), "kernelSize", reasons));
            p.put("stride", square(s.getStride(), "stride", reasons));
            p.put("padding", padding(s.getConvolutionMode(), s.getPadding(), reasons));
            return mapped(max ? LayerType.MAX_POOL2D : LayerType.AVG_POOL2D, p, reasons);
        }
        if (inner instanceof GlobalPoolingLayer g) {
            if (g.getPoolingType() != PoolingType.AVG) {
                reasons.add(ImportMessages.format("option.unsupported", "poolingType", g.getPoolingType()));
            }
            return mapped(LayerType.GLOBAL_AVG_POOL, p, reasons);
        }
        return sequence(inner, p, reasons, lastStep);
    }

    private static KerasLayers.Mapped sequence(Layer inner, Map<String, Object> p, List<String> reasons,
                                               boolean lastStep) {
        if (inner instanceof EmbeddingSequenceLayer e) {
            p.put("dim", (int) e.getNOut());
            if (e.hasBias()) {
                reasons.add(ImportMessages.format("option.unsupported", "hasBias", "true"));
            }
            return reasons.isEmpty() ? new KerasLayers.Mapped(LayerType.EMBEDDING, p, (int) e.getNIn(),
                    e.getInputLength()) : null;
        }
        Layer rnn = inner instanceof Bidirectional b ? b.getFwd() : inner;
        boolean bidirectional = rnn != inner;
        if (rnn instanceof LastTimeStep inside) {
            rnn = inside.getUnderlying();
            lastStep = true;
        }
        if (bidirectional && ((Bidirectional) inner).getMode() != Bidirectional.Mode.CONCAT) {
            reasons.add(ImportMessages.format("option.unsupported", "mode", ((Bidirectional) inner).getMode()));
        }
        if (rnn instanceof LSTM l && rnn.getClass() == LSTM.class) {
            p.put("units", (int) l.getNOut());
            p.put("returnSequences", !lastStep);
            p.put("bidirectional", bidirectional);
            p.put("gateActivation", gates(l.getGateActivationFn(), reasons));
            if (!(l.getActivationFn() instanceof ActivationTanH)) {
                reasons.add(ImportMessages.format("option.unsupported", "activation", l.getActivationFn()));
            }
            return mapped(LayerType.LSTM, p, reasons);
        }
        if (rnn instanceof SimpleRnn s && !bidirectional) {
            p.put("units", (int) s.getNOut());
            p.put("returnSequences", !lastStep);
            p.put("activation", activation(s.getActivationFn(), reasons));
            return mapped(LayerType.SIMPLE_RNN, p, reasons);
        }
        if (inner instanceof SelfAttentionLayer a) {
            p.put("heads", a.getNHeads());
            p.put("headSize", (int) a.getHeadSize());
            return mapped(LayerType.SELF_ATTENTION, p, reasons);
        }
        reasons.add(ImportMessages.format("zip.layer", (rnn instanceof BaseRecurrentLayer ? rnn : inner).getClass()
                .getSimpleName()));
        return null;
    }

    private static KerasLayers.Mapped output(OutputLayer out, Map<String, Object> p, List<String> reasons) {
        p.put("units", (int) out.getNOut());
        ILossFunction loss = out.getLossFn();
        IActivation act = out.getActivationFn();
        String name = null;
        if (loss instanceof LossMCXENT && act instanceof ActivationSoftmax) {
            name = "softmax_ce";
        } else if (loss instanceof LossBinaryXENT && act instanceof ActivationSigmoid) {
            name = "sigmoid_bce";
        } else if (loss instanceof LossMSE && act instanceof ActivationIdentity) {
            name = "mse";
        } else if ((loss instanceof LossMAE || loss instanceof LossL1) && act instanceof ActivationIdentity) {
            name = "mae";
        }
        if (name == null) {
            reasons.add(ImportMessages.format("zip.outputLoss", loss == null ? "?" : loss.getClass().getSimpleName(),
                    act == null ? "?" : act.getClass().getSimpleName()));
            return null;
        }
        if (!out.hasBias()) {
            reasons.add(ImportMessages.format("keras.outputNoBias"));
        }
        p.put("loss", name);
        return mapped(LayerType.OUTPUT, p, reasons);
    }

    private static KerasLayers.Mapped mapped(LayerType type, Map<String, Object> p, List<String> reasons) {
        return reasons.isEmpty() ? new KerasLayers.Mapped(type, p, null, null) : null;
    }

    private static String gates(IActivation a, List<String> reasons) {
        if (a instanceof ActivationSigmoid) {
            return "sigmoid";
        }
        if (a instanceof ActivationHardSigmoid) {
            return "hard_sigmoid";
        }
        reasons.add(ImportMessages.format("option.unsupported", "gateActivationFn", a));
        return null;
    }

    private static String activation(IActivation a, List<String> reasons) {
        if (a instanceof ActivationReLU) {
            return "relu";
        } else if (a instanceof ActivationLReLU) {
            return "leakyrelu";
        } else if (a instanceof ActivationELU) {
            return "elu";
        } else if (a instanceof ActivationGELU) {
            return "gelu";
        } else if (a instanceof ActivationSigmoid) {
            return "sigmoid";
        } else if (a instanceof ActivationTanH) {
            return "tanh";
        } else if (a instanceof ActivationSoftmax) {
            return "softmax";
        } else if (a == null || a instanceof ActivationIdentity) {
            return "identity";
        }
        reasons.add(ImportMessages.format("option.activation", a.toString(), "activation"));
        return null;
    }

    private static int square(int[] size, String name, List<String> reasons) {
        if (size == null || size.length == 0) {
            return 1;
        }
        for (int s : size) {
            if (s != size[0]) {
                reasons.add(ImportMessages.format("option.notSquare", name, java.util.Arrays.toString(size)));
            }
        }
        return size[0];
    }

    private static String padding(ConvolutionMode mode, int[] padding, List<String> reasons) {
        if (mode == ConvolutionMode.Same) {
            return "same";
        }
        if (padding != null && java.util.Arrays.stream(padding).anyMatch(x -> x != 0)) {
            reasons.add(ImportMessages.format("option.unsupported", "padding", java.util.Arrays.toString(padding)));
        }
        return "valid";
    }
}
