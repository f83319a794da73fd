package org.layercanvas.runtime.compile;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Learned positions: adds one learned vector per time step to a sequence {@code [mb, f, t]}. DL4J 1.0.0-M2.1 has no
 * position embedding, and self-attention without one cannot tell where a token stands. The compiler puts it after
 * the token embedding of an Embedding node with {@code positions}. Defined in SameDiff; its gradient is corrected
 * for a DL4J defect, see {@link SameDiffGradients}.
 */
public class PositionLayer extends SameDiffLayer {
    private static final String POSITIONS = "positions";

    private long features;
    private long length;

    /** For DL4J's JSON deserialisation and for the compiler (sizes come from the input type). */
    public PositionLayer() {
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable positions = params.get(POSITIONS).reshape(1, features, length);
        return SameDiffGradients.halved(sd, input.add(positions));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(POSITIONS, features, length);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // As DL4J initialises the token vectors next to it: Xavier over (positions, features).
        initWeights((int) length, (int) features, weightInit == null ? WeightInit.XAVIER_UNIFORM : weightInit,
                params.get(POSITIONS));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeRecurrent r) || r.getTimeSeriesLength() <= 0) {
            throw new IllegalArgumentException("positions need a sequence of known length, not " + inputType);
        }
        if (features <= 0 || override) {
            features = r.getSize();
            length = r.getTimeSeriesLength();
        }
    }

    public long getFeatures() {
        return features;
    }

    public void setFeatures(long features) {
        this.features = features;
    }

    public long getLength() {
        return length;
    }

    public void setLength(long length) {
        this.length = length;
    }
}
