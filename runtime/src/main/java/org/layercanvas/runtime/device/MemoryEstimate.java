package org.layercanvas.runtime.device;

import java.util.Locale;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.TensorShape;

/**
 * About how much memory training a network takes, from the document alone (nothing is allocated, so a network
 * too big for the machine is caught before DL4J tries): parameters, their gradients, the optimizer's state, and
 * the activations of one minibatch and their gradients, in 32-bit floats, plus the backend's own overhead.
 *
 * <p>Deliberately on the high side: convolutions and LSTMs keep more than their outputs (im2col buffers, gate
 * activations), counted here as a multiple of the output.
 *
 * @param largestLayer the node with the most parameters, for the advice when it does not fit
 */
public record MemoryEstimate(long parameters, int batchSize, long parameterBytes, long gradientBytes,
                             long optimizerBytes, long activationBytes, long overheadBytes, String largestLayer,
                             long largestLayerParameters) {
    static final long FLOAT = 4;
    /** ND4J's native workspaces and buffers on the CPU; the CUDA context and cuBLAS/cuDNN handles on a GPU. */
    static final long CPU_OVERHEAD = 200L << 20;
    static final long GPU_OVERHEAD = 600L << 20;

    public long totalBytes() {
        return parameterBytes + gradientBytes + optimizerBytes + activationBytes + overheadBytes;
    }

    /**
     * @param analysis the document's shape analysis (its parameter counts equal DL4J's)
     * @param gpu      whether the run is on a GPU (larger fixed overhead)
     */
    public static MemoryEstimate of(NetworkDocument doc, Analysis analysis, boolean gpu) {
        long params = analysis.totalParams();
        int batch = Math.max(1, doc.training().batchSize());
        long optimizerValuesPerParam = switch (doc.training().optimizer()) {
            case SGD -> 0;
            case NESTEROV, RMSPROP -> 1;
            case ADAM, ADAMW -> 2;
        };
        long activations = 0;
        String largest = null;
        long largestParams = -1;
        for (Node node : doc.nodes()) {
            long p = analysis.paramCount(node.id());
            if (p > largestParams) {
                largestParams = p;
                largest = node.id();
            }
            TensorShape shape = analysis.outputShape(node.id()).orElse(null);
            if (shape == null) {
                continue;
            }
            // output and its gradient, times what the layer keeps besides its output
            activations = saturatingAdd(activations, saturatingMul(saturatingMul(shape.size(), batch),
                    FLOAT * 2 * keptPerOutput(node.type())));
        }
        long paramBytes = saturatingMul(params, FLOAT);
        return new MemoryEstimate(params, batch, paramBytes, paramBytes,
                saturatingMul(paramBytes, optimizerValuesPerParam), activations, gpu ? GPU_OVERHEAD : CPU_OVERHEAD,
                largest, Math.max(0, largestParams));
    }

    /** How many output-sized arrays a layer keeps for the backward pass. */
    static long keptPerOutput(LayerType type) {
        return switch (type) {
            case CONV2D -> 4;   // pre-activation, activation, and the im2col columns (about kernel-size times)
            case LSTM -> 6;     // four gates, the cell state and the output per time step
            default -> 1;
        };
    }

    private static long saturatingMul(long a, long b) {
        long r = a * b;
        long hi = Math.multiplyHigh(a, b);
        return (hi == 0 && r >= 0) || (hi == -1 && r < 0) ? r : Long.MAX_VALUE;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /** {@code 1.2 GB}, {@code 340 MB}, {@code 38 kB} (powers of 1000, as the OS and GPU makers print them). */
    public static String size(long bytes) {
        if (bytes >= 1e12) {
            return String.format(Locale.ROOT, "%,.0f GB", bytes / 1e9);
        }
        if (bytes >= 1e9) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1e6) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f kB", Math.max(1, bytes / 1e3));
    }

    /** The parts, for the check command and the messages: "parameters 1.2 GB, gradients 1.2 GB, ...". */
    public String breakdown() {
        return DeviceMessages.format("memory.breakdown", size(parameterBytes), size(gradientBytes),
                size(optimizerBytes), size(activationBytes), batchSize, size(overheadBytes));
    }
}
