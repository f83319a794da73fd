package org.layercanvas.runtime.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.BatchSource;
import org.layercanvas.runtime.data.SplitExamples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a classifier of two input features does with the whole plane: the class it predicts and how sure it is on
 * a {@value #GRID} x {@value #GRID} grid over the training data (in the units the network sees, after
 * preprocessing), and what each unit of the first hidden layers computes there (TF Playground's picture). One
 * forward pass of {@code GRID * GRID} rows per measurement, on the training thread between two minibatches.
 */
final class BoundaryProbe {
    /** Grid cells per side. */
    static final int GRID = 40;
    /** Hidden-unit pictures are every other grid cell: 20 x 20. */
    static final int UNIT_STEP = 2;
    /** At most this many hidden layers, and this many units of each, get pictures. */
    static final int MAX_LAYERS = 2;
    static final int MAX_UNITS = 8;
    /** Training points sent with the first measurement. */
    static final int MAX_POINTS = 400;
    private static final double MARGIN = 0.1;

    private final ComputationGraph graph;
    private final String outputName;
    private final List<String> hiddenLayers;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final INDArray grid;
    private final TrainingEvent.BoundaryPoints points;
    private boolean pointsSent;

    private BoundaryProbe(ComputationGraph graph, String outputName, BatchSource train, long seed) {
        this.graph = graph;
        this.outputName = outputName;
        this.hiddenLayers = hiddenLayers(graph, outputName);
        double[] bounds = bounds(train);
        double dx = (bounds[1] - bounds[0]) * MARGIN + 1e-6;
        double dy = (bounds[3] - bounds[2]) * MARGIN + 1e-6;
        xMin = bounds[0] - dx;
        xMax = bounds[1] + dx;
        yMin = bounds[2] - dy;
        yMax = bounds[3] + dy;
        float[] cells = new float[GRID * GRID * 2];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                int i = (r * GRID + c) * 2;
                cells[i] = (float) (xMin + (c + 0.5) * (xMax - xMin) / GRID);
                cells[i + 1] = (float) (yMin + (r + 0.5) * (yMax - yMin) / GRID);
            }
        }
        grid = Nd4j.create(cells, new long[] {GRID * GRID, 2}, DataType.FLOAT);
        points = samplePoints(train, seed);
    }

    /**
     * A probe for this run, or null when the network is not a classifier of exactly two input features (then
     * there is no plane to draw).
     */
    static BoundaryProbe forRun(ComputationGraph graph, String outputName, TensorShape input, BatchSource train,
                                long seed) {
        if (input.kind() != TensorShape.Kind.VECTOR || input.dim(0) != 2 || train.regression() || train.size() == 0) {
            return null;
        }
        return new BoundaryProbe(graph, outputName, train, seed);
    }

    /** Measures the model as it is now. */
    TrainingEvent.Boundary measure(int epoch, int iteration) {
        Map<String, INDArray> acts = graph.feedForward(grid, false);
        INDArray out = acts.get(outputName).castTo(DataType.FLOAT);
        int cells = GRID * GRID;
        int[] predicted = new int[cells];
        float[] confidence = new float[cells];
        int units = (int) out.size(1);
        float[] row = out.data().asFloat();
        for (int i = 0; i < cells; i++) {
            if (units == 1) {
                float p = row[i];
                predicted[i] = p >= 0.5f ? 1 : 0;
                confidence[i] = round(Math.max(p, 1 - p));
            } else {
                int best = 0;
                for (int k = 1; k < units; k++) {
                    if (row[i * units + k] > row[i * units + best]) {
                        best = k;
                    }
                }
                predicted[i] = best;
                confidence[i] = round(row[i * units + best]);
            }
        }
        List<TrainingEvent.UnitMap> maps = new ArrayList<>();
        for (String layer : hiddenLayers) {
            INDArray a = acts.get(layer);
            if (a != null && a.rank() == 2) {
                maps.addAll(unitMaps(layer, a.castTo(DataType.FLOAT)));
            }
        }
        TrainingEvent.BoundaryPoints p = pointsSent ? null : points;
        pointsSent = true;
        return new TrainingEvent.Boundary(epoch, iteration, xMin, xMax, yMin, yMax, GRID, predicted, confidence,
                maps, p);
    }

    private static List<TrainingEvent.UnitMap> unitMaps(String layer, INDArray a) {
        int units = (int) Math.min(a.size(1), MAX_UNITS);
        int side = GRID / UNIT_STEP;
        float[] all = a.data().asFloat();
        int width = (int) a.size(1);
        List<TrainingEvent.UnitMap> out = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            float[] values = new float[side * side];
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int cell = (r * UNIT_STEP) * GRID + c * UNIT_STEP;
                    values[r * side + c] = round(all[cell * width + u]);
                }
            }
            out.add(new TrainingEvent.UnitMap(layer, u, side, values));
        }
        return out;
    }

    /** The first hidden layers in the order the graph computes them: 2-D activations, not the output. */
    private static List<String> hiddenLayers(ComputationGraph graph, String outputName) {
        List<String> out = new ArrayList<>();
        for (int i : graph.topologicalSortOrder()) {
            GraphVertex v = graph.getVertices()[i];
            if (v.isInputVertex() || !v.hasLayer() || v.getVertexName().equals(outputName)) {
                continue;
            }
            if (v.getLayer().numParams() > 0 && out.size() < MAX_LAYERS) {
                out.add(v.getVertexName());
            }
        }
        return out;
    }

    /** min x, max x, min y, max y of the training features. */
    private static double[] bounds(BatchSource train) {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        float[] row = new float[2];
        for (int i = 0; i < train.size(); i++) {
            train.features(i, row, 0);
            b[0] = Math.min(b[0], row[0]);
            b[1] = Math.max(b[1], row[0]);
            b[2] = Math.min(b[2], row[1]);
            b[3] = Math.max(b[3], row[1]);
        }
        return b;
    }

    private static TrainingEvent.BoundaryPoints samplePoints(BatchSource train, long seed) {
        int[] order = SplitExamples.shuffledOrder(train.size(), seed);
        int n = Math.min(MAX_POINTS, train.size());
        float[] x = new float[n];
        float[] y = new float[n];
        int[] label = new int[n];
        float[] row = new float[2];
        for (int i = 0; i < n; i++) {
            train.features(order[i], row, 0);
            x[i] = round(row[0]);
            y[i] = round(row[1]);
            label[i] = train.label(order[i]);
        }
        return new TrainingEvent.BoundaryPoints(x, y, label);
    }

    /** Three decimals are plenty for a picture and keep the protocol lines short. */
    private static float round(float v) {
        return Math.round(v * 1000f) / 1000f;
    }
}
