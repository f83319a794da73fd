package org.layercanvas.runtime.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BooleanPointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.LongPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOpDescriptor;
import org.nd4j.linalg.cpu.nativecpu.buffer.BaseCpuDataBuffer;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.nd4j.nativeblas.OpaqueContext;
import org.nd4j.nativeblas.OpaqueRandomGenerator;

/**
 * One libnd4j operation prepared once and run many times: its native context holds the input and output buffers
 * and the arguments, so a run is a single native call ({@code execCustomOp2}) without ND4J's Java-side work
 * (shape calculation, output allocation, a fresh context, the profiler hook). The arrays must stay the same
 * objects for the op's lifetime; the op keeps them reachable so their memory is not freed under it.
 *
 * <p>Arguments that change between runs (an iteration number, a learning rate) are set with {@link #setInt} and
 * {@link #setReal} before {@link #run()}.
 */
final class NativeOp implements Step, AutoCloseable {
    static final NativeOps OPS = NativeOpsHolder.getInstance().getDeviceNativeOps();
    private static volatile Map<String, CustomOpDescriptor> descriptors;

    private final String name;
    private final long hash;
    private final OpaqueContext context;
    private final List<INDArray> arrays;
    private final LongPointer ints;
    private final DoublePointer reals;
    private final int intCount;
    private final int realCount;
    private boolean closed;

    private NativeOp(Builder b) {
        this.name = b.name;
        CustomOpDescriptor d = descriptor(b.name);
        this.hash = d.getHash();
        this.context = OPS.createGraphContext(1);
        this.arrays = new ArrayList<>(b.inputs.size() + b.outputs.size());
        for (int i = 0; i < b.inputs.size(); i++) {
            INDArray a = b.inputs.get(i);
            OPS.setGraphContextInputBuffer(context, i, buffer(a), a.shapeInfoDataBuffer().addressPointer(), null);
            arrays.add(a);
        }
        for (int i = 0; i < b.outputs.size(); i++) {
            INDArray a = b.outputs.get(i);
            OPS.setGraphContextOutputBuffer(context, i, buffer(a), a.shapeInfoDataBuffer().addressPointer(), null);
            arrays.add(a);
        }
        intCount = b.ints.length;
        realCount = b.reals.length;
        ints = intCount == 0 ? null : new LongPointer(b.ints);
        reals = realCount == 0 ? null : new DoublePointer(b.reals);
        if (ints != null) {
            OPS.setGraphContextIArguments(context, ints, intCount);
        }
        if (reals != null) {
            OPS.setGraphContextTArguments(context, reals, realCount);
        }
        if (b.bools.length > 0) {
            OPS.setGraphContextBArguments(context, new BooleanPointer(b.bools), b.bools.length);
        }
        if (b.inPlace) {
            OPS.markGraphContextInplace(context, true);
        }
    }

    private static org.nd4j.nativeblas.OpaqueDataBuffer buffer(INDArray a) {
        return a.isEmpty() ? null : ((BaseCpuDataBuffer) a.data()).getOpaqueDataBuffer();
    }

    private static CustomOpDescriptor descriptor(String name) {
        Map<String, CustomOpDescriptor> all = descriptors;
        if (all == null) {
            all = Nd4j.getExecutioner().getCustomOperations();
            descriptors = all;
        }
        CustomOpDescriptor d = all.get(name);
        if (d == null) {
            throw new IllegalArgumentException("libnd4j has no operation named " + name);
        }
        return d;
    }

    static Builder of(String name) {
        return new Builder(name);
    }

    String name() {
        return name;
    }

    /** Runs the operation; a failure names it and carries libnd4j's message. */
    @Override
    public void run() {
        int status = OPS.execCustomOp2(null, hash, context);
        if (status != 0) {
            throw new PlanException("libnd4j operation " + name + " failed (status " + status + "): "
                    + OPS.lastErrorMessage());
        }
    }

    /** Changes integer argument {@code index} for the following runs. */
    void setInt(int index, long value) {
        ints.put(index, value);
        OPS.setGraphContextIArguments(context, ints, intCount);
    }

    /** Changes floating-point argument {@code index} for the following runs. */
    void setReal(int index, double value) {
        reals.put(index, value);
        OPS.setGraphContextTArguments(context, reals, realCount);
    }

    /** The random generator of this operation's context (for operations that draw random numbers). */
    OpaqueRandomGenerator random() {
        return OPS.getGraphContextRandomGenerator(context);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            OPS.deleteGraphContext(context);
            if (ints != null) {
                ints.close();
            }
            if (reals != null) {
                reals.close();
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }

    static final class Builder {
        private final String name;
        private final List<INDArray> inputs = new ArrayList<>();
        private final List<INDArray> outputs = new ArrayList<>();
        private long[] ints = new long[0];
        private double[] reals = new double[0];
        private boolean[] bools = new boolean[0];
        private boolean inPlace;

        private Builder(String name) {
            this.name = name;
        }

        Builder in(INDArray... arrays) {
            inputs.addAll(List.of(arrays));
            return this;
        }

        Builder out(INDArray... arrays) {
            outputs.addAll(List.of(arrays));
            return this;
        }

        Builder ints(long... values) {
            ints = values.clone();
            return this;
        }

        Builder reals(double... values) {
            reals = values.clone();
            return this;
        }

        Builder bools(boolean... values) {
            bools = values.clone();
            return this;
        }

        /** The output is the first input (the op overwrites it). */
        Builder inPlace() {
            inPlace = true;
            return this;
        }

        NativeOp build() {
            return new NativeOp(this);
        }
    }
}
