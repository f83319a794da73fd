package org.layercanvas.runtime.engine.plan;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SCALE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SHIFT;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_MEAN;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCALE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SHIFT;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_VARIANCE;
import static org.bytedeco.dnnl.global.dnnl.dnnl_backward;
import static org.bytedeco.dnnl.global.dnnl.dnnl_batch_normalization_backward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_batch_normalization_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_use_scale;
import static org.bytedeco.dnnl.global.dnnl.dnnl_use_shift;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import java.nio.FloatBuffer;
import org.bytedeco.dnnl.dnnl_batch_normalization_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * BatchNorm over the channels of an image or the features of a vector, with oneDNN's training-mode kernels: the
 * minibatch's mean and (biased) variance normalise it, then {@code gamma x + beta}, exactly as DL4J's layer. DL4J
 * also keeps running estimates for inference as parameters that its updater moves by a "gradient" it computes in
 * the backward pass ({@code (1 - decay)(mean - batchMean)} for the mean; for the stored log10 of the standard
 * deviation, {@code log10} of the ratio of old to new deviation), not divided by the minibatch size and without an
 * optimizer; the plan writes the same values into the same gradient views, from the same batch statistics.
 */
final class BatchNormLayer extends PlanLayer {
    private static final double ONE_ON_2LOGE_10 = 1.0 / (2 * Math.log(10.0));

    private final String inputId;
    private final double decay;
    private final double epsilon;
    private Tensor in;
    private Tensor out;
    private dnnl_primitive_desc forwardPd;
    private dnnl_memory_desc_t md;
    private dnnl_memory_desc_t channelsMd;
    private INDArray mean;
    private INDArray variance;

    BatchNormLayer(String id, String inputId, double decay, double epsilon) {
        super(id);
        this.inputId = inputId;
        this.decay = decay;
        this.epsilon = epsilon;
    }

    @Override
    void forward(PlanBuilder b) {
        Dnnl dnnl = b.dnnl();
        in = b.tensors.get(inputId);
        boolean image = in.layout == Tensor.Layout.IMAGE;
        long channels = in.dims[1];
        md = image ? PlanBuilder.format(in) : Dnnl.md(dnnl_nc, in.dims);
        channelsMd = Dnnl.md(dnnl_x, channels);
        dnnl_batch_normalization_desc_t desc = new dnnl_batch_normalization_desc_t();
        Dnnl.check(dnnl_batch_normalization_forward_desc_init(desc, dnnl_forward_training, md, (float) epsilon,
                dnnl_use_scale | dnnl_use_shift), "describe the batch normalisation of " + id);
        forwardPd = dnnl.describe(desc, null, null, "plan the batch normalisation of " + id);
        mean = b.buffer(channels);
        variance = b.buffer(channels);
        INDArray value;
        if (image) {
            out = b.image(id, in.dims, md, true);
            value = out.value;
        } else {
            value = b.buffer(in.dims);
            out = b.output(id, Tensor.Layout.VECTOR, value, true);
        }
        b.forward("batch normalisation", dnnl.step(forwardPd, "batch normalisation",
                DNNL_ARG_SRC, dnnl.memory(md, in.value), DNNL_ARG_SCALE, dnnl.memory(channelsMd, b.param(id, "gamma")),
                DNNL_ARG_SHIFT, dnnl.memory(channelsMd, b.param(id, "beta")), DNNL_ARG_DST, dnnl.memory(md, value),
                DNNL_ARG_MEAN, dnnl.memory(channelsMd, mean), DNNL_ARG_VARIANCE, dnnl.memory(channelsMd, variance)));
        b.forward("running statistics (Java)", runningStatistics(b));
    }

    /** DL4J's updates of its running mean and log10 standard deviation, as "gradients" for its NoOp updater. */
    private Step runningStatistics(PlanBuilder b) {
        boolean logStd = ((BatchNormalization) b.layer(id).conf().getLayer()).isUseLogStd();
        String spread = logStd ? "log10stdev" : "var";
        FloatBuffer batchMean = EmbeddingLayer.floats(mean);
        FloatBuffer batchVar = EmbeddingLayer.floats(variance);
        FloatBuffer globalMean = EmbeddingLayer.floats(b.param(id, "mean"));
        FloatBuffer globalSpread = EmbeddingLayer.floats(b.param(id, spread));
        FloatBuffer dMean = EmbeddingLayer.floats(b.paramGrad(id, "mean"));
        FloatBuffer dSpread = EmbeddingLayer.floats(b.paramGrad(id, spread));
        int channels = (int) mean.length();
        float keep = (float) decay;
        return () -> {
            for (int c = 0; c < channels; c++) {
                float m = batchMean.get(c);
                float v = batchVar.get(c);
                dMean.put(c, (globalMean.get(c) - m) * (1 - keep));
                if (logStd) {
                    double deviation = Math.pow(10.0, globalSpread.get(c));
                    double old = deviation * deviation;
                    double updated = old * keep + v * (1 - keep);
                    dSpread.put(c, (float) (Math.log(old / updated) * ONE_ON_2LOGE_10));
                } else {
                    dSpread.put(c, (globalSpread.get(c) - v) * (1 - keep));
                }
            }
        };
    }

    @Override
    void backward(PlanBuilder b) {
        if (!out.gradWritten()) {
            return;
        }
        Dnnl dnnl = b.dnnl();
        dnnl_batch_normalization_desc_t desc = new dnnl_batch_normalization_desc_t();
        Dnnl.check(dnnl_batch_normalization_backward_desc_init(desc, dnnl_backward, md, md, (float) epsilon,
                dnnl_use_scale | dnnl_use_shift), "describe the batch normalisation gradient of " + id);
        dnnl_primitive_desc pd = dnnl.describe(desc, null, forwardPd, "plan the batch normalisation gradient of "
                + id);
        boolean direct = in.needsGrad() && !in.gradWritten();
        INDArray diffSrc = direct ? in.grad : Dnnl.allocate(md);
        if (direct) {
            in.claimFirstGradWrite();
        }
        b.backward("batch normalisation backward", dnnl.step(pd, "batch normalisation backward",
                DNNL_ARG_SRC, dnnl.memory(md, in.value), DNNL_ARG_MEAN, dnnl.memory(channelsMd, mean),
                DNNL_ARG_VARIANCE, dnnl.memory(channelsMd, variance),
                DNNL_ARG_DIFF_DST, dnnl.memory(md, out.grad),
                DNNL_ARG_SCALE, dnnl.memory(channelsMd, b.param(id, "gamma")),
                DNNL_ARG_SHIFT, dnnl.memory(channelsMd, b.param(id, "beta")),
                DNNL_ARG_DIFF_SRC, dnnl.memory(md, diffSrc),
                DNNL_ARG_DIFF_SCALE, dnnl.memory(channelsMd, b.paramGrad(id, "gamma")),
                DNNL_ARG_DIFF_SHIFT, dnnl.memory(channelsMd, b.paramGrad(id, "beta"))));
        if (in.needsGrad() && !direct) {
            b.accumulateSameLayout(in, diffSrc);
        }
    }
}
