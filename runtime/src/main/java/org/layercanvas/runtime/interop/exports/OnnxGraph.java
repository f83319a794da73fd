package org.layercanvas.runtime.interop.exports;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import onnx.Onnx;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.protobuf.ByteString;

/**
 * Builds an ONNX graph with the protobuf classes ND4J ships for onnx.proto ({@code onnx.Onnx}, already on the
 * runtime's class path): nodes, float and int64 initializers, and unique names for intermediate tensors.
 */
final class OnnxGraph {
    private final Onnx.GraphProto.Builder graph = Onnx.GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();

    OnnxGraph(String name) {
        graph.setName(name);
    }

    /** A tensor name derived from {@code base} that no other tensor or node has. */
    String fresh(String base) {
        String name = base;
        for (int k = 2; !names.add(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    /** Marks a name as taken (tensor names that come from node ids). */
    void reserve(String name) {
        names.add(name);
    }

    /** Adds a node; returns it for attributes. */
    Onnx.NodeProto.Builder node(String op, List<String> inputs, String output) {
        Onnx.NodeProto.Builder n = graph.addNodeBuilder().setOpType(op).setName(fresh(output + "/" + op));
        n.addAllInput(inputs).addOutput(output);
        return n;
    }

    /** {@code op(inputs)} into a fresh tensor named after {@code base}; returns the tensor's name. */
    String apply(String op, String base, String... inputs) {
        String out = fresh(base);
        node(op, List.of(inputs), out);
        return out;
    }

    /** A float32 constant from an array (any data type), with the given dimensions. */
    String floats(String base, INDArray values, long... dims) {
        float[] data = values.castTo(DataType.FLOAT).dup('c').data().asFloat();
        return floats(base, data, dims);
    }

    String floats(String base, float[] data, long... dims) {
        String name = fresh(base);
        Onnx.TensorProto.Builder t = graph.addInitializerBuilder().setName(name)
                .setDataType(Onnx.TensorProto.DataType.FLOAT.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(data.length * 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float f : data) {
            bytes.putFloat(f);
        }
        t.setRawData(ByteString.copyFrom(bytes.array()));
        return name;
    }

    /** An int64 constant (shapes, indices); {@code dims} empty for a scalar. */
    String longs(String base, long[] data, long... dims) {
        String name = fresh(base);
        Onnx.TensorProto.Builder t = graph.addInitializerBuilder().setName(name)
                .setDataType(Onnx.TensorProto.DataType.INT64.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        for (long v : data) {
            t.addInt64Data(v);
        }
        return name;
    }

    static Onnx.AttributeProto ints(String name, long... values) {
        Onnx.AttributeProto.Builder a = Onnx.AttributeProto.newBuilder().setName(name)
                .setType(Onnx.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static Onnx.AttributeProto integer(String name, long value) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.INT)
                .setI(value).build();
    }

    static Onnx.AttributeProto real(String name, double value) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.FLOAT)
                .setF((float) value).build();
    }

    static Onnx.AttributeProto text(String name, String value) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static Onnx.AttributeProto texts(String name, String... values) {
        Onnx.AttributeProto.Builder a = Onnx.AttributeProto.newBuilder().setName(name)
                .setType(Onnx.AttributeProto.AttributeType.STRINGS);
        for (String v : values) {
            a.addStrings(ByteString.copyFromUtf8(v));
        }
        return a.build();
    }

    /** Declares a graph input or output: float32, first dimension the batch ({@code N}). */
    void value(boolean input, String name, long... dims) {
        Onnx.TypeProto.Tensor.Builder tensor = Onnx.TypeProto.Tensor.newBuilder()
                .setElemType(Onnx.TensorProto.DataType.FLOAT.getNumber());
        Onnx.TensorShapeProto.Builder shape = tensor.getShapeBuilder();
        shape.addDimBuilder().setDimParam("N");
        for (long d : dims) {
            shape.addDimBuilder().setDimValue(d);
        }
        Onnx.ValueInfoProto info = Onnx.ValueInfoProto.newBuilder().setName(name)
                .setType(Onnx.TypeProto.newBuilder().setTensorType(tensor)).build();
        if (input) {
            graph.addInput(info);
        } else {
            graph.addOutput(info);
        }
    }

    /** The model: IR version 8, the default domain at {@code opset}. */
    byte[] model(long opset, String producerVersion, String doc) {
        Onnx.ModelProto model = Onnx.ModelProto.newBuilder().setIrVersion(8).setProducerName("LayerCanvas")
                .setProducerVersion(producerVersion).setDocString(doc)
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph).build();
        return model.toByteArray();
    }
}
