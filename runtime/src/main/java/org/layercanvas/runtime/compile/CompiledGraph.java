package org.layercanvas.runtime.compile;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.TensorShape;

/**
 * A document compiled for DL4J. Vertex names are the document's node ids.
 *
 * @param configuration the DL4J graph configuration (initialise with {@code new ComputationGraph(conf).init()})
 * @param inputName     the Input node's id
 * @param outputName    the Output node's id
 * @param inputShape    what the Input node receives
 * @param outputUnits   the Output node's units
 * @param loss          the Output node's loss name ({@code softmax_ce}, {@code sigmoid_bce}, {@code mse}, {@code mae})
 * @param analysis      the model's shape analysis the compilation was based on
 */
public record CompiledGraph(ComputationGraphConfiguration configuration, String inputName, String outputName,
                            TensorShape inputShape, int outputUnits, String loss, Analysis analysis) {
}
