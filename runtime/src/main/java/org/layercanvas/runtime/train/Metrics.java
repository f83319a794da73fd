package org.layercanvas.runtime.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.BatchSource;
import org.layercanvas.runtime.data.StreamingIterator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Loss and accuracy of a model on a dataset, computed in chunks so that large splits fit in memory. */
public record Metrics(double loss, double accuracy) {
    public static final Metrics NONE = new Metrics(Double.NaN, Double.NaN);
    static final int CHUNK = 1024;

    /**
     * Mean loss (as DL4J scores it, including any L2 penalty) and accuracy (arg-max agreement for one-hot labels,
     * the 0.5 threshold for a single output column) of a source converted chunk by chunk; accuracy is NaN for a
     * regression source (there are no classes to agree on).
     */
    public static Metrics of(ComputationGraph graph, BatchSource source, TensorShape shape, int units) {
        int n = source.size();
        if (n == 0) {
            return NONE;
        }
        double lossSum = 0;
        long correct = 0;
        try (StreamingIterator it = StreamingIterator.builder(source, shape).batchSize(CHUNK).shuffle(false)
                .prefetch(0).labelUnits(units).build()) {
            while (it.hasNext()) {
                DataSet part = it.next();
                int m = part.numExamples();
                lossSum += graph.score(part, false) * m;
                if (!source.regression()) {
                    correct += countCorrect(graph.outputSingle(false, part.getFeatures()), part.getLabels());
                }
            }
        }
        return new Metrics(lossSum / n, source.regression() ? Double.NaN : (double) correct / n);
    }

    static long countCorrect(INDArray out, INDArray labels) {
        if (labels.size(1) == 1) {
            INDArray predicted = out.gt(0.5).castTo(labels.dataType());
            INDArray truth = labels.gt(0.5).castTo(labels.dataType());
            return predicted.eq(truth).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
        }
        INDArray p = out.argMax(1);
        INDArray t = labels.argMax(1);
        return p.eq(t).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
    }
}
