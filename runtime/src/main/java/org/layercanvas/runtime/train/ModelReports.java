package org.layercanvas.runtime.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.BatchSource;
import org.layercanvas.runtime.data.StreamingIterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What a run reports about the model itself: the distribution of its parameters after an epoch, and its
 * predictions on the test split at the end.
 */
final class ModelReports {
    private static final int EVALUATION_CHUNK = 1024;

    private ModelReports() {
    }

    /**
     * Histograms of every parameter array, named as DL4J names them ({@code layer_W}): split at the last
     * underscore into the document's node id and the parameter.
     */
    static TrainingEvent.Histograms histograms(ComputationGraph graph, int epoch) {
        List<TrainingEvent.Histogram> out = new ArrayList<>();
        for (Map.Entry<String, INDArray> e : graph.paramTable().entrySet()) {
            String key = e.getKey();
            int cut = key.lastIndexOf('_');
            String layer = cut > 0 ? key.substring(0, cut) : key;
            String param = cut > 0 ? key.substring(cut + 1) : "";
            // dup: a parameter is a view into the flat parameter buffer, whose data() is the whole buffer.
            float[] values = e.getValue().castTo(DataType.FLOAT).dup('c').data().asFloat();
            out.add(TrainingEvent.Histogram.of(layer, param, values, TrainingEvent.Histograms.BINS));
        }
        return new TrainingEvent.Histograms(epoch, out);
    }

    /**
     * Loss, accuracy, confusion matrix and per-class numbers on the test split, from one forward pass in chunks.
     * A single output unit is binary (threshold 0.5); otherwise the arg-max is the predicted class. Classes the
     * data does not name are called by their number ({@code train.className}).
     */
    static TrainingEvent.Evaluation evaluate(ComputationGraph graph, BatchSource test, TensorShape shape, int units) {
        int n = test.size();
        if (test.regression()) {
            Metrics m = Metrics.of(graph, test, shape, units);
            return TrainingEvent.Evaluation.of(new int[0], new int[0], List.of(), m.loss());
        }
        int classes = units == 1 ? 2 : units;
        List<String> names = test.classNames().size() == classes ? test.classNames()
                : IntStream.range(0, classes).mapToObj(i -> TrainMessages.format("train.className", i)).toList();
        int[] truth = new int[n];
        int[] predicted = new int[n];
        double lossSum = 0;
        int start = 0;
        try (StreamingIterator it = StreamingIterator.builder(test, shape).batchSize(EVALUATION_CHUNK).shuffle(false)
                .prefetch(0).labelUnits(units).build()) {
            while (it.hasNext()) {
                DataSet part = it.next();
                int end = start + part.numExamples();
                lossSum += graph.score(part, false) * (end - start);
                INDArray out = graph.outputSingle(false, part.getFeatures());
                if (units == 1) {
                    for (int i = start; i < end; i++) {
                        predicted[i] = out.getDouble(i - start, 0) > 0.5 ? 1 : 0;
                        truth[i] = test.target(i) > 0.5 ? 1 : 0;
                    }
                } else {
                    long[] p = out.argMax(1).toLongVector();
                    for (int i = start; i < end; i++) {
                        predicted[i] = (int) p[i - start];
                        truth[i] = test.label(i);
                    }
                }
                start = end;
            }
        }
        return TrainingEvent.Evaluation.of(truth, predicted, names, n == 0 ? Double.NaN : lossSum / n);
    }
}
