package org.layercanvas.runtime.compile;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** DL4J's multi-head self-attention with its gradient corrected (see {@link SameDiffGradients}). */
public class AttentionLayer extends SelfAttentionLayer {

    /** For DL4J's JSON deserialisation. */
    protected AttentionLayer() {
        super(new SelfAttentionLayer.Builder().nHeads(1));
    }

    public AttentionLayer(SelfAttentionLayer.Builder builder) {
        super(builder);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        return SameDiffGradients.halved(sd, super.defineLayer(sd, input, params, mask));
    }
}
