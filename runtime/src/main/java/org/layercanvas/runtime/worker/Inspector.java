package org.layercanvas.runtime.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.compile.CompiledGraph;
import org.layercanvas.runtime.data.BatchSource;
import org.layercanvas.runtime.data.Examples;
import org.layercanvas.runtime.train.Planes;
import org.layercanvas.runtime.train.Tensors;
import org.layercanvas.runtime.worker.WorkerProtocol.Inspect;
import org.layercanvas.runtime.worker.WorkerProtocol.Inspection;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Answers {@code inspect}: one input (a test example or a drawn one) as a picture, the model's outputs for it, and
 * what its Conv2D layers make of it: the first one's filters (its weights) and each one's feature maps (the layer's
 * activations, after its activation function), from one forward pass of the trained model.
 */
final class Inspector {
    /** Feature maps shown per Conv2D layer: the first this many channels. */
    static final int MAX_MAPS = 16;

    private Inspector() {
    }

    /** A request that cannot be answered; the message says why. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    /**
     * @param train the run's training split (scales drawn intensities), or null
     * @param test  the run's test split, or null
     * @throws Refusal when the network does not read pictures, the run has no test examples, or a row is wrong
     */
    static Inspection inspect(Inspect request, ComputationGraph graph, CompiledGraph compiled, BatchSource train,
                              BatchSource test) {
        TensorShape shape = compiled.inputShape();
        int[] hwc = pictureShape(shape, test);
        int size = (int) shape.size();
        float[] picture;
        float[] features;
        int index = -1;
        int label = -1;
        if (request.intensities() == null) {
            if (test == null || test.size() == 0) {
                throw new Refusal("inspect: the run has no test examples to pick from");
            }
            index = request.testIndex() % test.size();
            label = test.regression() ? -1 : test.label(index);
            picture = test.intensities(index);
            features = new float[test.featureCount()];
            test.features(index, features, 0);
        } else {
            if (request.intensities().length != size) {
                throw new Refusal("inspect: 'intensities' must have " + size + " values (the Input " + shape
                        + "), not " + request.intensities().length);
            }
            picture = new float[size];
            for (int k = 0; k < size; k++) {
                picture[k] = (float) Math.max(0, Math.min(1, request.intensities()[k]));
            }
            features = train == null ? picture.clone() : train.fromIntensities(picture);
        }
        INDArray input = Tensors.features(new Examples(new float[][] {features}, new int[1], List.of()), shape,
                DataType.FLOAT);
        Map<String, INDArray> activations = graph.feedForward(input, false);
        INDArray out = activations.get(graph.getConfiguration().getNetworkOutputs().get(0));
        double[] outputs = out.reshape(out.length()).castTo(DataType.DOUBLE).toDoubleVector();
        Planes filters = null;
        List<Planes> maps = null;
        if (request.maps()) {
            maps = new ArrayList<>();
            for (String conv : convLayers(graph)) {
                filters = filters == null ? filters(conv, graph.getLayer(conv).getParam("W")) : filters;
                maps.add(maps(conv, activations.get(conv)));
            }
        }
        return new Inspection(request.requestId(), index, test == null || index < 0 ? -1 : test.size(), label,
                new Planes("", hwc[0], hwc[1], hwc[2], 1, new float[][] {picture}), outputs, filters, maps);
    }

    /** Height, width and channels of the Input as a picture: an image, or a vector of a square's pixels. */
    static int[] pictureShape(TensorShape shape, BatchSource test) {
        if (shape.kind() == TensorShape.Kind.IMAGE) {
            return new int[] {shape.dim(0), shape.dim(1), shape.dim(2)};
        }
        if (shape.kind() == TensorShape.Kind.VECTOR) {
            if (test instanceof BatchSource.ImageSource images) {
                return new int[] {images.images().height(), images.images().width(), images.images().channels()};
            }
            int side = (int) Math.round(Math.sqrt(shape.dim(0)));
            if (side * side == shape.dim(0) && side >= 4) {
                return new int[] {side, side, 1};
            }
        }
        throw new Refusal("inspect: the Input " + shape + " is not a picture (an image, or a vector of a square's"
                + " pixels)");
    }

    /** The names (the document's node ids) of the Conv2D layers, in the order the data flows through them. */
    static List<String> convLayers(ComputationGraph graph) {
        List<String> names = new ArrayList<>();
        for (String name : graph.getConfiguration().getTopologicalOrderStr()) {
            GraphVertex v = graph.getVertex(name);
            if (v.hasLayer() && v.getLayer().conf().getLayer().getClass() == ConvolutionLayer.class) {
                names.add(name);
            }
        }
        return names;
    }

    /** Weights {@code [out, in, kh, kw]} as one plane per filter, channels last. */
    static Planes filters(String layer, INDArray w) {
        int out = (int) w.size(0);
        int in = (int) w.size(1);
        int kh = (int) w.size(2);
        int kw = (int) w.size(3);
        float[][] planes = new float[out][kh * kw * in];
        for (int f = 0; f < out; f++) {
            for (int r = 0; r < kh; r++) {
                for (int c = 0; c < kw; c++) {
                    for (int k = 0; k < in; k++) {
                        planes[f][(r * kw + c) * in + k] = w.getFloat(f, k, r, c);
                    }
                }
            }
        }
        return new Planes(layer, kh, kw, in, out, planes);
    }

    /** Activations {@code [1, c, h, w]} (NCHW) as the first {@link #MAX_MAPS} channels, one plane each. */
    static Planes maps(String layer, INDArray a) {
        int channels = (int) a.size(1);
        int h = (int) a.size(2);
        int w = (int) a.size(3);
        int shown = Math.min(channels, MAX_MAPS);
        float[][] planes = new float[shown][h * w];
        for (int k = 0; k < shown; k++) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    planes[k][r * w + c] = a.getFloat(0, k, r, c);
                }
            }
        }
        return new Planes(layer, h, w, 1, channels, planes);
    }
}
