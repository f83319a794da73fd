package org.layercanvas.runtime.interop.imports;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Helpers of the tests that hold an imported Keras model against the predictions Keras itself stored: the
 * network built the way a run builds it, arrays read from HDF5 and {@code .npy} files, the largest difference.
 */
final class KerasReference {
    private KerasReference() {
    }

    /**
     * The network a run trains: compiled from the document, initialised, then given the kept weights (the same
     * steps as {@code TrainingSession} with {@code startingFrom}).
     */
    static ComputationGraph withWeights(ImportResult r) throws Exception {
        ComputationGraph graph = new ComputationGraph(new GraphCompiler(LayerCatalog.standard())
                .compile(r.document()).configuration());
        graph.init();
        WeightLoader.load(graph, r.document(), r.weights().source());
        return graph;
    }

    static ComputationGraph compiled(NetworkDocument doc) throws Exception {
        ComputationGraph graph = new ComputationGraph(new GraphCompiler(LayerCatalog.standard()).compile(doc)
                .configuration());
        graph.init();
        return graph;
    }

    static org.layercanvas.model.shape.Analysis analyze(NetworkDocument doc) {
        return new org.layercanvas.model.shape.ShapeInference(LayerCatalog.standard()).analyze(doc);
    }

    /** One dataset of an HDF5 file, as a float array of its shape. */
    static INDArray h5(Path file, String dataset) {
        try (HdfFile hdf = new HdfFile(file)) {
            io.jhdf.api.Dataset d = hdf.getDatasetByPath(dataset);
            Object flat = d.getDataFlat();
            long[] shape = Arrays.stream(d.getDimensions()).asLongStream().toArray();
            if (flat instanceof float[] f) {
                return Nd4j.create(f, shape, 'c');
            }
            if (flat instanceof int[] ints) {
                return Nd4j.create(Arrays.stream(ints).asDoubleStream().toArray(), shape, 'c').castTo(DataType.FLOAT);
            }
            return Nd4j.create((double[]) flat, shape, 'c').castTo(DataType.FLOAT);
        }
    }

    /** A NumPy {@code .npy} file of little-endian float32 or float64 numbers in C order, as a float array. */
    static INDArray npy(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int major = b.get(6);
        b.position(8);
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        byte[] header = new byte[headerLength];
        b.get(header);
        String h = new String(header, StandardCharsets.ISO_8859_1);
        if (!h.contains("'fortran_order': False")) {
            throw new IOException("not C order: " + h);
        }
        Matcher descr = Pattern.compile("'descr': '<f([48])'").matcher(h);
        Matcher shapeText = Pattern.compile("'shape': \\(([^)]*)\\)").matcher(h);
        if (!descr.find() || !shapeText.find()) {
            throw new IOException("not little-endian floats: " + h);
        }
        long[] shape = Arrays.stream(shapeText.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        int n = (int) Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = descr.group(1).equals("8") ? b.getDouble() : b.getFloat();
        }
        return Nd4j.create(values, shape, 'c').castTo(DataType.FLOAT);
    }

    /** The largest absolute difference between two arrays of the same shape. */
    static double maxAbsDifference(INDArray a, INDArray b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new AssertionError("shapes differ: " + Arrays.toString(a.shape()) + " vs "
                    + Arrays.toString(b.shape()));
        }
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
