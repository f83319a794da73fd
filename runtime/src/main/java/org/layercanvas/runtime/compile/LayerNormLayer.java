package org.layercanvas.runtime.compile;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer normalisation (Ba et al., 2016) over the feature axis, with a learned gain and bias per feature. DL4J
 * 1.0.0-M2.1 has no stand-alone layer-norm layer for a ComputationGraph, so this one is defined in SameDiff;
 * it works on feed-forward input {@code [mb, f]} and on sequences {@code [mb, f, t]} (normalising each step).
 * Its gradient is corrected for a DL4J defect, see {@link SameDiffGradients}.
 */
public class LayerNormLayer extends SameDiffLayer {
    private static final String GAIN = "gain";
    private static final String BIAS = "bias";

    private long nIn;
    private double epsilon = 1e-5;
    private boolean sequence;

    /** For DL4J's JSON deserialisation. */
    protected LayerNormLayer() {
    }

    public LayerNormLayer(double epsilon) {
        this.epsilon = epsilon;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable mean = input.mean(true, 1);
        SDVariable centred = input.sub(mean);
        SDVariable variance = centred.mul(centred).mean(true, 1);
        SDVariable normed = centred.div(sd.math.sqrt(variance.add(epsilon)));
        SDVariable gain = params.get(GAIN);
        SDVariable bias = params.get(BIAS);
        if (sequence) {
            gain = gain.reshape(1, nIn, 1);
            bias = bias.reshape(1, nIn, 1);
        }
        return SameDiffGradients.halved(sd, normed.mul(gain).add(bias));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(GAIN, 1, nIn);
        params.addBiasParam(BIAS, 1, nIn);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(GAIN).assign(1.0);
        params.get(BIAS).assign(0.0);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (nIn <= 0 || override) {
            if (inputType instanceof InputType.InputTypeRecurrent r) {
                nIn = r.getSize();
                sequence = true;
            } else if (inputType instanceof InputType.InputTypeFeedForward f) {
                nIn = f.getSize();
                sequence = false;
            } else {
                throw new IllegalArgumentException("LayerNorm works on vectors or sequences, not on " + inputType);
            }
        }
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }

    public boolean isSequence() {
        return sequence;
    }

    public void setSequence(boolean sequence) {
        this.sequence = sequence;
    }
}
