package org.layercanvas.runtime.interop.exports;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.RuntimeInfo;
import org.layercanvas.runtime.interop.exports.ExportGraph.Layer;

/**
 * An ONNX model (opset 17) with the weights of a DL4J graph compiled from the document. Its input and output have
 * DL4J's layouts, so the same arrays go into both: vectors {@code [N, f]}, images {@code [N, C, H, W]}, sequences
 * {@code [N, F, T]}, token ids {@code [N, 1, T]} as floats; the output is the Output layer's activations (softmax,
 * sigmoid or identity by its loss). Every catalog layer type is exported; a softmax over an image or sequence and
 * a recurrent activation ONNX's RNN lacks (GELU, softmax) are refused with an error naming the node.
 */
public final class OnnxExporter {
    /** The ONNX operator set written; LayerNormalization needs 17. */
    public static final long OPSET = 17;

    public byte[] export(NetworkDocument doc, ComputationGraph trained) throws ExportException {
        ExportGraph graph = ExportGraph.of(doc);
        OnnxGraph onnx = new OnnxGraph(KerasJsonExporter.modelName(doc));
        graph.layers().forEach(l -> onnx.reserve(l.id()));
        OnnxLayers layers = new OnnxLayers(onnx, trained);
        for (Layer l : graph.layers()) {
            if (l.type() == LayerType.INPUT) {
                onnx.value(true, l.id(), dl4jDims(l.out()));
            } else {
                layers.add(l);
            }
        }
        Layer out = graph.output();
        onnx.value(false, out.id(), dl4jDims(out.out()));
        return onnx.model(OPSET, RuntimeInfo.version(), doc.metadata().title());
    }

    /** The dimensions of one example in DL4J's layout. */
    static long[] dl4jDims(TensorShape s) {
        return switch (s.kind()) {
            case VECTOR -> new long[] {s.dim(0)};
            case IMAGE -> new long[] {s.dim(2), s.dim(0), s.dim(1)};
            case SEQUENCE -> new long[] {s.dim(1), s.dim(0)};
            case TOKENS -> new long[] {1, s.dim(0)};
        };
    }
}
