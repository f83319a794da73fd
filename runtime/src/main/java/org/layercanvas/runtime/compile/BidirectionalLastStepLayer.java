package org.layercanvas.runtime.compile;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The working layer of {@link BidirectionalLastStep}. The wrapped bidirectional layer answers {@code [mb, 2n, t]}
 * (forward features first, both in time order); this layer keeps the forward half at the last step and the backward
 * half at the first step, {@code [mb, 2n]}, and hands the gradient back to exactly those two places. Masks are not
 * supported: LayerCanvas feeds fixed-length sequences.
 */
public class BidirectionalLastStepLayer extends BaseWrapperLayer {
    private long[] sequenceShape;

    public BidirectionalLastStepLayer(Layer underlying) {
        super(underlying);
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return ends(underlying.activate(training, workspaceMgr), workspaceMgr);
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        return ends(underlying.activate(input, training, workspaceMgr), workspaceMgr);
    }

    private INDArray ends(INDArray sequence, LayerWorkspaceMgr workspaceMgr) {
        if (sequence.rank() != 3) {
            throw new IllegalArgumentException("expected [minibatch, features, time], got rank " + sequence.rank());
        }
        if (underlying.getMaskArray() != null) {
            throw new IllegalStateException("a bidirectional last step does not support masked sequences");
        }
        sequenceShape = sequence.shape();
        long half = sequenceShape[1] / 2;
        long last = sequenceShape[2] - 1;
        INDArray out = workspaceMgr.create(ArrayType.ACTIVATIONS, sequence.dataType(),
                new long[] {sequenceShape[0], 2 * half}, 'f');
        out.get(all(), interval(0, half)).assign(sequence.get(all(), interval(0, half), point(last)));
        out.get(all(), interval(half, 2 * half)).assign(sequence.get(all(), interval(half, 2 * half), point(0)));
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        long half = sequenceShape[1] / 2;
        long last = sequenceShape[2] - 1;
        INDArray full = Nd4j.create(epsilon.dataType(), sequenceShape, 'f');
        full.get(all(), interval(0, half), point(last)).assign(epsilon.get(all(), interval(0, half)));
        full.get(all(), interval(half, 2 * half), point(0)).assign(epsilon.get(all(), interval(half, 2 * half)));
        return underlying.backpropGradient(full, workspaceMgr);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                          int minibatchSize) {
        underlying.feedForwardMaskArray(maskArray, currentMaskState, minibatchSize);
        setMaskArray(maskArray);
        return new Pair<>(null, currentMaskState);
    }
}
