package org.layercanvas.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.compile.Networks.chain;
import static org.layercanvas.runtime.compile.Networks.node;
import static org.layercanvas.runtime.compile.Networks.output;
import static org.layercanvas.runtime.compile.Networks.seriesInput;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationHardSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The LSTM's gate option. Its {@code hard_sigmoid} claims to be Keras 2's max(0, min(1, 0.2x + 0.5)); ND4J's
 * HARDSIGMOID runs a native libnd4j op (transform 36), so its definition is checked by its numbers here (in double
 * precision its slope is the float 0.2f, a difference of at most 7.5e-9 in the sloped part).
 */
class LstmGatesTest {
    private static final LayerCatalog CATALOG = LayerCatalog.standard();

    private static double keras2(double x) {
        return Math.max(0, Math.min(1, 0.2 * x + 0.5));
    }

    @Test
    void nd4jHardSigmoidIsKeras2sAndItsSlopeIsAFifthBetweenTheKinks() {
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            double[] xs = new double[161];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = -4 + k * 0.05; // hits -2.5, 0 and 2.5
            }
            INDArray in = Nd4j.createFromArray(xs).castTo(type);
            IActivation fn = Activation.HARDSIGMOID.getActivationFunction();
            INDArray out = fn.getActivation(in.dup(), false);
            INDArray grad = fn.backprop(in.dup(), Nd4j.onesLike(in)).getFirst();
            double worst = 0;
            for (int k = 0; k < xs.length; k++) {
                double x = in.getDouble(k);
                worst = Math.max(worst, Math.abs(out.getDouble(k) - keras2(x)));
                if (Math.abs(Math.abs(x) - 2.5) > 1e-3) {
                    assertThat(grad.getDouble(k)).as("slope at %s (%s)", x, type)
                            .isCloseTo(Math.abs(x) < 2.5 ? 0.2 : 0.0, org.assertj.core.data.Offset.offset(1e-6));
                }
            }
            System.out.printf("ND4J HARDSIGMOID (%s): largest difference from max(0, min(1, 0.2x + 0.5)) %.3g%n",
                    type, worst);
            // in double precision libnd4j's slope is the float 0.2f (measured: 7.3e-9 off at x = 2.45)
            assertThat(worst).as("%s", type).isLessThan(1e-7);
        }
    }

    @Test
    void aDocumentWithoutTheOptionKeepsSigmoidGates() {
        Node old = node(LayerType.LSTM, "units", 3);
        assertThat(CATALOG.resolve(old)).containsEntry("gateActivation", "sigmoid");
    }

    @Test
    void theOptionSetsTheGateFunctionOfEveryDirection() throws Exception {
        for (boolean bidirectional : List.of(false, true)) {
            assertThat(gates(null, bidirectional)).allMatch(a -> a instanceof ActivationSigmoid);
            assertThat(gates("sigmoid", bidirectional)).allMatch(a -> a instanceof ActivationSigmoid);
            assertThat(gates("hard_sigmoid", bidirectional)).hasSize(bidirectional ? 2 : 1)
                    .allMatch(a -> a instanceof ActivationHardSigmoid);
        }
    }

    private static List<IActivation> gates(String option, boolean bidirectional) throws CompileException {
        Node lstm = option == null ? node(LayerType.LSTM, "units", 3, "bidirectional", bidirectional)
                : node(LayerType.LSTM, "units", 3, "bidirectional", bidirectional, "gateActivation", option);
        var conf = new GraphCompiler(CATALOG).compile(chain(seriesInput(4, 2), lstm, output(2, "softmax_ce")))
                .configuration();
        Layer layer = ((LayerVertex) conf.getVertices().get("lstm1")).getLayerConf().getLayer();
        if (layer instanceof LastTimeStep last) {
            layer = last.getUnderlying();
        } else if (layer instanceof BidirectionalLastStep both) {
            layer = both.getBidirectional();
        }
        if (layer instanceof Bidirectional b) {
            return List.of(((LSTM) b.getFwd()).getGateActivationFn(), ((LSTM) b.getBwd()).getGateActivationFn());
        }
        return List.of(((LSTM) layer).getGateActivationFn());
    }
}
