package org.layercanvas.runtime.compile;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A bidirectional recurrent layer that answers with one vector per example, as Keras's
 * {@code Bidirectional(LSTM(n))} does: the forward direction's output after the whole sequence next to the backward
 * direction's output after the whole reversed sequence (its output at the first time step). DL4J's
 * {@code LastTimeStep(Bidirectional(...))} takes both halves at the last time step, where the backward direction has
 * seen a single element; that predicts differently with the same weights, and differently from every exported program.
 * The wrapped {@link Bidirectional} (mode CONCAT) keeps its parameters under its usual names.
 */
public class BidirectionalLastStep extends BaseWrapperLayer {

    /** For DL4J's JSON deserialisation. */
    public BidirectionalLastStep() {
    }

    public BidirectionalLastStep(Bidirectional underlying) {
        super(underlying);
        if (underlying.getMode() != Bidirectional.Mode.CONCAT) {
            throw new IllegalArgumentException("the last step of both directions needs mode CONCAT, not "
                    + underlying.getMode());
        }
        this.layerName = underlying.getLayerName();
    }

    public Bidirectional getBidirectional() {
        return (Bidirectional) underlying;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray params, boolean initializeParams,
                                                       DataType dataType) {
        NeuralNetConfiguration inner = conf.clone();
        inner.setLayer(underlying);
        return new BidirectionalLastStepLayer(underlying.instantiate(inner, listeners, layerIndex, params,
                initializeParams, dataType));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType.getType() != InputType.Type.RNN) {
            throw new IllegalArgumentException("a bidirectional layer needs a sequence, not " + inputType);
        }
        return InputType.feedForward(((InputType.InputTypeRecurrent) underlying.getOutputType(layerIndex,
                inputType)).getSize());
    }
}
