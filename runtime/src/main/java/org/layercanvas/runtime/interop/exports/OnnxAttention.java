package org.layercanvas.runtime.interop.exports;

import java.util.List;
import java.util.Map;
import org.layercanvas.runtime.interop.exports.ExportGraph.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's multi-head self-attention (input projections {@code Wq, Wk, Wv [heads, headSize, F]}, output projection
 * {@code Wo [heads * headSize, F]}, no biases, scores scaled by {@code 1 / sqrt(headSize)}, softmax over the keys)
 * as ONNX MatMul, Softmax, Reshape and Transpose nodes, worked in {@code [N, T, F]} between two transposes of DL4J's
 * {@code [N, F, T]}.
 */
final class OnnxAttention {
    private final OnnxGraph onnx;

    OnnxAttention(OnnxGraph onnx) {
        this.onnx = onnx;
    }

    void add(Layer l, String x, Map<String, INDArray> params) {
        String id = l.id();
        int heads = l.i("heads");
        int size = l.i("headSize");
        int steps = l.in().dim(0);
        int features = l.in().dim(1);
        String steps1st = onnx.fresh(id + "_ntf");
        onnx.node("Transpose", List.of(x), steps1st).addAttribute(OnnxGraph.ints("perm", 0, 2, 1));
        String headShape = onnx.longs(id + "_heads", new long[] {0, steps, heads, size}, 4);
        String q = project(id + "_q", steps1st, params.get("Wq"), heads * size, features, headShape);
        String k = project(id + "_k", steps1st, params.get("Wk"), heads * size, features, headShape);
        String v = project(id + "_v", steps1st, params.get("Wv"), heads * size, features, headShape);
        String kT = onnx.fresh(id + "_kT");
        onnx.node("Transpose", List.of(k), kT).addAttribute(OnnxGraph.ints("perm", 0, 1, 3, 2));
        String scores = onnx.apply("MatMul", id + "_scores", q, kT);
        String scaled = onnx.apply("Mul", id + "_scaled", scores,
                onnx.floats(id + "_scale", new float[] {(float) (1 / Math.sqrt(size))}));
        String weights = onnx.fresh(id + "_weights");
        onnx.node("Softmax", List.of(scaled), weights).addAttribute(OnnxGraph.integer("axis", -1));
        String attended = onnx.apply("MatMul", id + "_attended", weights, v);
        String steps2nd = onnx.fresh(id + "_nths");
        onnx.node("Transpose", List.of(attended), steps2nd).addAttribute(OnnxGraph.ints("perm", 0, 2, 1, 3));
        String joined = onnx.apply("Reshape", id + "_joined", steps2nd,
                onnx.longs(id + "_flat", new long[] {0, steps, (long) heads * size}, 3));
        INDArray wo = params.get("Wo");
        String out = onnx.apply("MatMul", id + "_out", joined, onnx.floats(id + "_Wo", wo, wo.size(0), wo.size(1)));
        onnx.node("Transpose", List.of(out), id).addAttribute(OnnxGraph.ints("perm", 0, 2, 1));
    }

    /** {@code x [N, T, F]} times the head weights -> {@code [N, heads, T, headSize]}. */
    private String project(String base, String x, INDArray w, int width, int features, String headShape) {
        String weights = onnx.floats(base + "_W", w.reshape('c', width, features).transpose(), features, width);
        String projected = onnx.apply("MatMul", base, x, weights);
        String split = onnx.apply("Reshape", base + "_split", projected, headShape);
        String perHead = onnx.fresh(base + "_heads");
        onnx.node("Transpose", List.of(split), perHead).addAttribute(OnnxGraph.ints("perm", 0, 2, 1, 3));
        return perHead;
    }
}
