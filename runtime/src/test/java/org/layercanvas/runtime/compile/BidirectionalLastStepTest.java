package org.layercanvas.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.compile.Networks.chain;
import static org.layercanvas.runtime.compile.Networks.id;
import static org.layercanvas.runtime.compile.Networks.lstm;
import static org.layercanvas.runtime.compile.Networks.of;
import static org.layercanvas.runtime.compile.Networks.output;
import static org.layercanvas.runtime.compile.Networks.seriesInput;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A Bidirectional LSTM without returnSequences answers as Keras's {@code Bidirectional(LSTM(n))}: the forward
 * direction's output at the last step next to the backward direction's at the first step (after the whole reversed
 * sequence), read here from the same layer's full sequence with the same weights.
 */
class BidirectionalLastStepTest {
    private static final int UNITS = 4;
    private static final int STEPS = 5;

    @Test
    void answersTheForwardLastStepAndTheBackwardFirstStep() throws Exception {
        ComputationGraph last = compiled(chain(seriesInput(STEPS, 3), id("bi", lstm(UNITS, false, true)),
                output(2, "softmax_ce")));
        ComputationGraph steps = compiled(chain(seriesInput(STEPS, 3), id("bi", lstm(UNITS, true, true)),
                of(LayerType.GLOBAL_AVG_POOL), output(2, "softmax_ce")));
        assertThat(last.getLayer("bi")).isInstanceOf(BidirectionalLastStepLayer.class);
        steps.getLayer("bi").setParams(last.getLayer("bi").params().dup());
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 3, STEPS).subi(0.5);

        INDArray answer = last.feedForward(x, false).get("bi");
        INDArray sequence = steps.feedForward(x, false).get("bi");

        assertThat(answer.shape()).containsExactly(3, 2 * UNITS);
        INDArray forward = sequence.get(all(), interval(0, UNITS), point(STEPS - 1));
        INDArray backward = sequence.get(all(), interval(UNITS, 2 * UNITS), point(0));
        assertThat(answer.get(all(), interval(0, UNITS)).equalsWithEps(forward, 1e-6)).isTrue();
        assertThat(answer.get(all(), interval(UNITS, 2 * UNITS)).equalsWithEps(backward, 1e-6)).isTrue();
        // DL4J's LastTimeStep would take the backward half at the last step: a different answer
        INDArray backwardAtEnd = sequence.get(all(), interval(UNITS, 2 * UNITS), point(STEPS - 1));
        assertThat(backward.equalsWithEps(backwardAtEnd, 1e-3)).isFalse();
    }

    @Test
    void aSavedModelRestoresWithTheSameAnswers() throws Exception {
        ComputationGraph net = compiled(chain(seriesInput(STEPS, 3), id("bi", lstm(UNITS, false, true)),
                output(2, "softmax_ce")));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, STEPS);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, zip, true);

        ComputationGraph restored = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(
                zip.toByteArray()), true);

        assertThat(restored.getLayer("bi")).isInstanceOf(BidirectionalLastStepLayer.class);
        assertThat(restored.outputSingle(x).equalsWithEps(net.outputSingle(x), 1e-7)).isTrue();
        restored.fit(new org.nd4j.linalg.dataset.DataSet(x, Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}})));
    }

    private static ComputationGraph compiled(NetworkDocument doc) throws CompileException {
        ComputationGraph graph = new ComputationGraph(new GraphCompiler(LayerCatalog.standard()).compile(doc)
                .configuration());
        graph.init();
        return graph;
    }
}
