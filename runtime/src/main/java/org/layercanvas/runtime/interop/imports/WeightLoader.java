package org.layercanvas.runtime.interop.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.model.shape.TensorShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Puts kept weights ({@link ImportedWeights}) into a freshly initialised graph compiled from the imported document,
 * so that a run starts from them. A DL4J zip's parameters are copied vertex by vertex (same names, same shapes); a
 * Keras {@code .h5}'s or Keras 3 {@code .keras} archive's are converted from Keras's layouts: convolution kernels
 * {@code [kh, kw, in, out]} to {@code [out, in, kh, kw]}, the LSTM's gate blocks from Keras's i, f, c, o to DL4J's
 * c, f, o, i, a BatchNorm's running variance to DL4J's log10 standard deviation, and the rows of a Dense after a
 * Flatten from Keras's order to the compiled Flatten's (of an image: height-width-channel to channel-height-width;
 * of a sequence: step-feature to feature-step). LSTM weights that would predict differently here are refused
 * ({@link KerasWeights#notLoadable}). Every node with parameters must receive all of them; otherwise the caller
 * gets an {@link ImportException} (and the graph must not be used).
 */
public final class WeightLoader {
    private WeightLoader() {
    }

    /** @return how many parameters were set (equals the graph's parameter count) */
    public static long load(ComputationGraph graph, NetworkDocument doc, Path weights) throws ImportException {
        String where = weights.getFileName().toString();
        byte[] head;
        try (InputStream in = Files.newInputStream(weights)) {
            head = in.readNBytes(4);
        } catch (IOException e) {
            throw ImportException.unreadable(where, ImportMessages.format("file.unreadable", e.getMessage()));
        }
        long set = head.length == 4 && head[0] == 'P' && head[1] == 'K' ? fromZip(graph, doc, weights, where)
                : fromKeras(graph, doc, KerasWeights.read(weights, where), KerasWeights.notLoadable(weights, where),
                        where);
        if (set != graph.numParams()) {
            throw ImportException.unsupported(where, ImportMessages.format("weights.incomplete", set,
                    graph.numParams()));
        }
        return set;
    }

    /** A Keras 3 archive's weights are converted like a Keras file's; a DL4J zip's are copied. */
    private static long fromZip(ComputationGraph graph, NetworkDocument doc, Path file, String where)
            throws ImportException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Dl4jZipImporter.checkEntries(zip, where);
            if (KerasArchive.isArchive(zip)) {
                JsonNode config = KerasJson.parse(KerasArchive.configuration(zip, where), where).root();
                byte[] h5 = KerasArchive.weightsFile(zip, where);
                Map<String, Map<String, INDArray>> keras = h5 == null ? Map.of()
                        : KerasArchive.arrays(h5, KerasArchive.slots(config, where), where);
                return fromKeras(graph, doc, keras, KerasWeights.notLoadable(config, true), where);
            }
        } catch (IOException e) {
            throw ImportException.unreadable(where, ImportMessages.format("zip.unreadable", e.getMessage()));
        }
        return fromDl4jZip(graph, file, where);
    }

    private static long fromDl4jZip(ComputationGraph graph, Path file, String where) throws ImportException {
        ComputationGraph source;
        try {
            source = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw ImportException.unreadable(where, ImportMessages.format("zip.unreadable", e.getMessage()));
        }
        long set = 0;
        for (Layer target : graph.getLayers()) {
            String name = target.getConfig().getLayerName();
            Layer from = source.getLayer(name);
            if (from == null || target.numParams() == 0) {
                continue;
            }
            for (Map.Entry<String, INDArray> p : target.paramTable().entrySet()) {
                set += copy(from.paramTable().get(p.getKey()), p.getValue(), where, name, p.getKey());
            }
        }
        return set;
    }

    private static long fromKeras(ComputationGraph graph, NetworkDocument doc,
                                  Map<String, Map<String, INDArray>> keras, Map<String, String> notLoadable,
                                  String where) throws ImportException {
        for (Node n : doc.nodes()) {
            if (n.type() == LayerType.LSTM && notLoadable.containsKey(n.id())) {
                throw ImportException.unsupported(ImportMessages.format("where.layer", where, n.id()),
                        notLoadable.get(n.id()));
            }
        }
        Analysis analysis = new ShapeInference(LayerCatalog.standard()).analyze(doc);
        long set = 0;
        for (Node n : doc.nodes()) {
            Map<String, INDArray> w = keras.get(n.id());
            Layer layer = analysis.paramCount(n.id()) > 0 ? graph.getLayer(n.id()) : null;
            if (layer == null || w == null) {
                continue;
            }
            Map<String, INDArray> table = layer.paramTable();
            switch (n.type()) {
                case DENSE, OUTPUT -> {
                    set += copy(denseKernel(w.get("kernel"), flattenedInput(doc, analysis, n.id())), table.get("W"),
                            where, n.id(), "kernel");
                    if (table.containsKey("b")) {
                        set += copy(w.get("bias"), table.get("b"), where, n.id(), "bias");
                    }
                }
                case CONV2D -> {
                    set += copy(w.get("kernel") == null ? null : w.get("kernel").permute(3, 2, 0, 1), table.get("W"),
                            where, n.id(), "kernel");
                    set += copy(w.get("bias"), table.get("b"), where, n.id(), "bias");
                }
                case SIMPLE_RNN -> {
                    set += copy(w.get("kernel"), table.get("W"), where, n.id(), "kernel");
                    set += copy(w.get("recurrent_kernel"), table.get("RW"), where, n.id(), "recurrent_kernel");
                    set += copy(w.get("bias"), table.get("b"), where, n.id(), "bias");
                }
                case LSTM -> set += table.containsKey("fW") ? lstm(w, "forward/", table, "f", where, n.id())
                        + lstm(w, "backward/", table, "b", where, n.id()) : lstm(w, "", table, "", where, n.id());
                case EMBEDDING -> set += copy(w.get("embeddings"), table.get("W"), where, n.id(), "embeddings");
                case BATCH_NORM -> set += batchNorm(w, table, where, n.id());
                case LAYER_NORM -> {
                    set += copy(w.get("gamma"), table.get("gain"), where, n.id(), "gamma");
                    set += copy(w.get("beta"), table.get("bias"), where, n.id(), "beta");
                }
                default -> {
                    // no other layer type has parameters that a Keras file can hold
                }
            }
        }
        return set;
    }

    /**
     * One LSTM's kernel, recurrent kernel and bias; a Bidirectional's two LSTMs are Keras's {@code forward/...} and
     * {@code backward/...} weights and DL4J's {@code f...} and {@code b...} parameters.
     */
    private static long lstm(Map<String, INDArray> w, String from, Map<String, INDArray> table, String to,
                             String where, String id) throws ImportException {
        long set = copy(gates(w.get(from + "kernel")), table.get(to + "W"), where, id, from + "kernel");
        set += copy(gates(w.get(from + "recurrent_kernel")), table.get(to + "RW"), where, id,
                from + "recurrent_kernel");
        return set + copy(gates(w.get(from + "bias")), table.get(to + "b"), where, id, from + "bias");
    }

    private static long batchNorm(Map<String, INDArray> w, Map<String, INDArray> table, String where, String id)
            throws ImportException {
        long set = copy(w.get("gamma"), table.get("gamma"), where, id, "gamma");
        set += copy(w.get("beta"), table.get("beta"), where, id, "beta");
        set += copy(w.get("moving_mean"), table.get("mean"), where, id, "moving_mean");
        if (table.containsKey("var")) {
            set += copy(w.get("moving_variance"), table.get("var"), where, id, "moving_variance");
        } else {
            set += copy(log10Deviation(w.get("moving_variance")), table.get("log10stdev"), where, id,
                    "moving_variance");
        }
        return set;
    }

    /**
     * DL4J's BatchNorm (with its default {@code useLogStd}) keeps {@code log10} of the running standard deviation
     * and adds epsilon to its square at inference, as Keras adds epsilon to the running variance: the stored value
     * is {@code log10(sqrt(variance)) = log10(variance) / 2}. A variance of 0 (a channel that never varied) is
     * kept as the smallest positive float, not as minus infinity.
     */
    private static INDArray log10Deviation(INDArray variance) {
        if (variance == null) {
            return null;
        }
        INDArray v = Transforms.max(variance.castTo(DataType.DOUBLE), Float.MIN_NORMAL, true);
        return Transforms.log(v, 10.0, false).muli(0.5);
    }

    /**
     * Keras's gate blocks i, f, c, o (along the last axis) in DL4J's order: DL4J's LSTM reads the block at 0 as the
     * cell candidate (through the layer's tanh), then the forget gate, the output gate and last the input gate.
     */
    private static INDArray gates(INDArray keras) {
        if (keras == null) {
            return null;
        }
        INDArray k = keras.rank() == 1 ? keras.reshape(1, keras.length()) : keras;
        long u = k.size(1) / 4;
        INDArray i = k.get(NDArrayIndex.all(), NDArrayIndex.interval(0, u));
        INDArray f = k.get(NDArrayIndex.all(), NDArrayIndex.interval(u, 2 * u));
        INDArray c = k.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * u, 3 * u));
        INDArray o = k.get(NDArrayIndex.all(), NDArrayIndex.interval(3 * u, 4 * u));
        return org.nd4j.linalg.factory.Nd4j.hstack(c, f, o, i);
    }

    /**
     * A Dense kernel {@code [in, out]}; when the Dense reads a Flatten, its rows go from Keras's order to the order
     * the compiled Flatten produces: of an image {@code h x w x c}, from (h, w, c) to DL4J's (c, h, w); of a sequence
     * {@code t x f} (an Embedding's too), from (t, f) to (f, t), as DL4J's sequences are {@code [f, t]}.
     */
    private static INDArray denseKernel(INDArray kernel, TensorShape flattened) {
        if (kernel == null || flattened == null) {
            return kernel;
        }
        long out = kernel.size(1);
        if (flattened.kind() == TensorShape.Kind.SEQUENCE) {
            long t = flattened.dim(0);
            long f = flattened.dim(1);
            return kernel.reshape('c', t, f, out).permute(1, 0, 2).dup('c').reshape('c', t * f, out);
        }
        long h = flattened.dim(0);
        long w = flattened.dim(1);
        long c = flattened.dim(2);
        return kernel.reshape('c', h, w, c, out).permute(2, 0, 1, 3).dup('c').reshape('c', h * w * c, out);
    }

    /**
     * The image or sequence a Flatten turned into {@code id}'s input, through layers that keep the vector as it is;
     * null when the input is no flattened image or sequence.
     */
    private static TensorShape flattenedInput(NetworkDocument doc, Analysis analysis, String id) {
        String current = id;
        for (int guard = 0; guard < doc.nodes().size(); guard++) {
            List<org.layercanvas.model.Edge> in = doc.edgesInto(current);
            if (in.size() != 1) {
                return null;
            }
            String from = in.get(0).from().nodeId();
            Node n = doc.node(from).orElse(null);
            if (n == null) {
                return null;
            }
            if (n.type() == LayerType.FLATTEN) {
                String before = doc.edgesInto(from).isEmpty() ? null : doc.edgesInto(from).get(0).from().nodeId();
                TensorShape s = before == null ? null : analysis.outputShape(before).orElse(null);
                return s != null && (s.kind() == TensorShape.Kind.IMAGE || s.kind() == TensorShape.Kind.SEQUENCE) ? s
                        : null;
            }
            if (n.type() != LayerType.DROPOUT && n.type() != LayerType.ACTIVATION) {
                return null;
            }
            current = from;
        }
        return null;
    }

    private static long copy(INDArray from, INDArray to, String where, String id, String what)
            throws ImportException {
        if (to == null) {
            return 0;
        }
        if (from == null || from.length() != to.length()) {
            throw ImportException.unsupported(ImportMessages.format("where.layer", where, id),
                    ImportMessages.format("weights.shape", what, from == null ? "-" : java.util.Arrays.toString(
                            from.shape()), java.util.Arrays.toString(to.shape())));
        }
        to.assign(from.reshape('c', to.shape()).castTo(to.dataType()));
        return to.length();
    }
}
