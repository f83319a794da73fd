package org.layercanvas.runtime.interop.exports;

import java.util.ArrayList;
import java.util.List;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.interop.exports.ExportGraph.Layer;

/** The PyTorch module (a line of {@code __init__}) and the computation (lines of {@code forward}) of each layer. */
final class TorchLayers {
    private TorchLayers() {
    }

    static void add(ExportGraph graph, Layer l, List<String> init, List<String> forward) {
        String n = l.name();
        String self = "self." + n;
        String x = l.inputs().isEmpty() ? n : graph.inputName(l, 0);
        TensorShape in = l.in();
        String comment = "  # " + l.id() + ": " + l.type().jsonName();
        switch (l.type()) {
            case INPUT -> {
            }
            case DENSE -> {
                init.add(self + " = nn.Linear(" + in.channels() + ", " + l.i("units") + ", bias="
                        + (l.b("useBias") ? "True" : "False") + ")" + comment);
                forward.add(n + " = " + activation(l.s("activation"), 0.01, self + "(" + x + ")", 1));
            }
            case OUTPUT -> {
                init.add(self + " = nn.Linear(" + in.channels() + ", " + l.i("units") + ")" + comment);
                forward.add(n + " = " + self + "(" + x + ")  # logits: the loss applies " + l.s("loss"));
            }
            case ACTIVATION -> forward.add(n + " = " + activation(l.s("function"), l.d("alpha"), x,
                    PyTorchExporter.channelAxis(in)));
            case DROPOUT -> {
                init.add(self + " = nn.Dropout(p=" + PythonCode.number(l.d("rate")) + ")" + comment);
                forward.add(n + " = " + self + "(" + x + ")");
            }
            case BATCH_NORM -> {
                init.add(self + " = nn.BatchNorm" + (in.kind() == TensorShape.Kind.IMAGE ? "2d(" : "1d(")
                        + in.channels() + ", eps=" + PythonCode.number(l.d("epsilon")) + ", momentum="
                        + PythonCode.number(1 - l.d("momentum")) + ")" + comment);
                forward.add(n + " = " + self + "(" + x + ")");
            }
            case LAYER_NORM -> {
                init.add(self + " = nn.LayerNorm(" + in.channels() + ", eps=" + PythonCode.number(l.d("epsilon"))
                        + ")" + comment);
                forward.add(n + " = " + self + "(" + x + ")");
            }
            case CONV2D -> conv(l, x, in, init, forward, comment);
            case MAX_POOL2D, AVG_POOL2D -> pool(l, x, init, forward, comment);
            case GLOBAL_AVG_POOL -> forward.add(n + " = " + x + ".mean(dim="
                    + (in.kind() == TensorShape.Kind.IMAGE ? "(2, 3))" : "1)"));
            case FLATTEN -> forward.add(n + " = " + (in.kind() == TensorShape.Kind.VECTOR ? x
                    : "torch.flatten(" + x + ", 1)"));
            case EMBEDDING -> {
                init.add(self + " = nn.Embedding(" + in.vocabSize() + ", " + l.i("dim") + ")" + comment);
                if (l.b("positions")) { // learned positions: one vector per time step, added to the token vectors
                    init.add(self + "_positions = nn.Parameter(nn.init.xavier_uniform_(torch.empty(" + in.dim(0)
                            + ", " + l.i("dim") + ")))");
                    forward.add(n + " = " + self + "(" + x + ".long()) + " + self + "_positions");
                } else {
                    forward.add(n + " = " + self + "(" + x + ".long())");
                }
            }
            case LSTM -> lstm(l, x, init, forward, comment);
            case SIMPLE_RNN -> {
                init.add(self + " = SimpleRNN(" + in.dim(1) + ", " + l.i("units") + ", "
                        + function(l.s("activation")) + ")" + comment);
                forward.add(n + " = " + self + "(" + x + ")");
                lastStep(l, forward);
            }
            case SELF_ATTENTION -> {
                init.add(self + " = SelfAttention(" + in.dim(1) + ", " + l.i("heads") + ", " + l.i("headSize")
                        + ")" + comment);
                forward.add(n + " = " + self + "(" + x + ")");
            }
            case ADD -> forward.add(n + " = " + String.join(" + ", inputs(graph, l)));
            case CONCATENATE -> forward.add(n + " = torch.cat([" + String.join(", ", inputs(graph, l)) + "], dim="
                    + PyTorchExporter.channelAxis(in) + ")");
        }
    }

    private static void conv(Layer l, String x, TensorShape in, List<String> init, List<String> forward,
                             String comment) {
        int k = l.i("kernel");
        int s = l.i("stride");
        int d = l.i("dilation");
        boolean same = "same".equals(l.s("padding"));
        String padding = !same ? "0" : s == 1 ? "\"same\"" : "0";
        String self = "self." + l.name();
        init.add(self + " = nn.Conv2d(" + in.dim(2) + ", " + l.i("filters") + ", kernel_size=" + k + ", stride=" + s
                + ", padding=" + padding + ", dilation=" + d + ")" + comment);
        String input = same && s > 1 ? "same_pad(" + x + ", " + (k + (k - 1) * (d - 1)) + ", " + s + ")" : x;
        forward.add(l.name() + " = " + activation(l.s("activation"), 0.01, self + "(" + input + ")", 1));
    }

    private static void pool(Layer l, String x, List<String> init, List<String> forward, String comment) {
        boolean max = l.type() == org.layercanvas.model.layers.LayerType.MAX_POOL2D;
        int k = l.i("size");
        int s = l.i("stride");
        String self = "self." + l.name();
        init.add(self + " = nn." + (max ? "MaxPool2d" : "AvgPool2d") + "(kernel_size=" + k + ", stride=" + s + ")"
                + comment);
        String input = "same".equals(l.s("padding"))
                ? "same_pad(" + x + ", " + k + ", " + s + (max ? ", float(\"-inf\"))" : ")") : x;
        forward.add(l.name() + " = " + self + "(" + input + ")");
    }

    private static void lstm(Layer l, String x, List<String> init, List<String> forward, String comment) {
        String self = "self." + l.name();
        String bidirectional = l.b("bidirectional") ? "True" : "False";
        if (l.hardSigmoidGates()) { // nn.LSTM's gates are sigmoid, always
            init.add(self + " = GatedLSTM(" + l.in().dim(1) + ", " + l.i("units") + ", " + bidirectional
                    + ", hard_sigmoid)" + comment);
            forward.add(l.name() + " = " + self + "(" + x + ")");
        } else {
            init.add(self + " = single_bias(nn.LSTM(" + l.in().dim(1) + ", " + l.i("units")
                    + ", batch_first=True, bidirectional=" + bidirectional + "))" + comment);
            forward.add(l.name() + ", _ = " + self + "(" + x + ")");
        }
        if (l.bidirectionalLastStep()) { // forward half of the last step, backward half of the first
            int h = l.i("units");
            forward.add(l.name() + " = torch.cat([" + l.name() + "[:, -1, :" + h + "], " + l.name() + "[:, 0, " + h
                    + ":]], dim=1)");
        } else {
            lastStep(l, forward);
        }
    }

    private static void lastStep(Layer l, List<String> forward) {
        if (!l.b("returnSequences")) {
            forward.add(l.name() + " = " + l.name() + "[:, -1, :]");
        }
    }

    private static List<String> inputs(ExportGraph graph, Layer l) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < l.inputs().size(); k++) {
            names.add(graph.inputName(l, k));
        }
        return names;
    }

    /** {@code name} applied to the expression {@code x}; softmax over {@code axis}. */
    static String activation(String name, double alpha, String x, int axis) {
        return switch (name) {
            case "relu" -> "F.relu(" + x + ")";
            case "leakyrelu" -> "F.leaky_relu(" + x + ", " + PythonCode.number(alpha) + ")";
            case "elu" -> "F.elu(" + x + ")";
            case "gelu" -> "F.gelu(" + x + ")";
            case "sigmoid" -> "torch.sigmoid(" + x + ")";
            case "tanh" -> "torch.tanh(" + x + ")";
            case "softmax" -> "torch.softmax(" + x + ", dim=" + axis + ")";
            default -> x;
        };
    }

    /** The activation as a function object, for the SimpleRNN helper. */
    private static String function(String name) {
        return switch (name) {
            case "relu" -> "torch.relu";
            case "leakyrelu" -> "F.leaky_relu";
            case "elu" -> "F.elu";
            case "gelu" -> "F.gelu";
            case "sigmoid" -> "torch.sigmoid";
            case "tanh" -> "torch.tanh";
            case "softmax" -> "lambda h: torch.softmax(h, dim=-1)";
            default -> "lambda h: h";
        };
    }

    static String outputActivation(String loss) {
        return switch (loss) {
            case "sigmoid_bce" -> "torch.sigmoid(self(x))";
            case "mse", "mae" -> "self(x)";
            default -> "torch.softmax(self(x), dim=1)";
        };
    }
}
