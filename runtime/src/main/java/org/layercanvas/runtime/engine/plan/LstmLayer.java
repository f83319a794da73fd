package org.layercanvas.runtime.engine.plan;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * DL4J's LSTM (no peepholes), one direction, unrolled over the time steps of a time-major sequence {@code [t, b,
 * f]}. DL4J keeps {@code W [f, 4n]}, {@code RW [n, 4n]} (both 'f' order) and {@code b [4n]}, the gates in the
 * column blocks {@code [block input (tanh), forget, output, input gate]}.
 *
 * <p>Each step's gate pre-activations {@code z [b, 4n]} are held in 'f' order, so that one matrix product per
 * weight matrix fills all four gates and every gate block {@code [b, n]} is still contiguous memory: the three
 * sigmoid gates are one contiguous run and take one kernel call. Per step: {@code z = b + x W + h' RW},
 * {@code a = tanh(z_0)}, {@code f, o, g = sigmoid(z_1..3)}, {@code c = f c' + g a}, {@code h = o tanh(c)}; the
 * transcendental functions run on oneDNN's vectorised kernels (libnd4j's are scalar: 10-30 µs for 2,048
 * values). Backward through time differentiates from the stored outputs, then forms the weight, recurrent weight
 * and bias gradients in one product each over all steps, and the input gradient in one more.
 */
final class LstmLayer extends PlanLayer {
    private final String inputId;
    private final int units;
    private final boolean sequences;
    private Tensor in;
    private Tensor out;
    private long steps;
    private long batch;
    /** Gate pre-activations and activations: {@code [t, 4n, b]}, i.e. per step {@code [b, 4n]} in 'f' order. */
    private INDArray z;
    private INDArray act;
    /** Cell states and their tanh, hidden states: per step {@code [b, n]} in 'f' order; slot 0 is the zero state. */
    private INDArray cells;
    private INDArray cellTanh;
    private INDArray hidden;
    private DnnlActivation.Vector tanhN;
    private DnnlActivation.Vector sigmoid3N;

    LstmLayer(String id, String inputId, int units, boolean sequences) {
        super(id);
        this.inputId = inputId;
        this.units = units;
        this.sequences = sequences;
    }

    /** Step {@code t} of a {@code [t, rows, b]} buffer as the 'f'-order matrix {@code [b, rows]}. */
    private static INDArray at(INDArray a, long t) {
        return a.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all()).permute(1, 0);
    }

    /** Columns {@code [from, to)} of an 'f'-order matrix: a contiguous 'f' matrix. */
    private static INDArray columns(INDArray fOrder, long from, long to) {
        return fOrder.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    @Override
    void forward(PlanBuilder b) {
        in = b.tensors.get(inputId);
        steps = in.dims[0];
        batch = in.dims[1];
        long n = units;
        long n4 = 4 * n;
        INDArray w = b.param(id, "W");
        INDArray rw = b.param(id, "RW");
        INDArray bias = Views.flat(b.param(id, "b"));
        z = b.buffer(steps, n4, batch);
        act = b.buffer(steps, n4, batch);
        cells = b.buffer(steps + 1, n, batch);
        cellTanh = b.buffer(steps, n, batch);
        hidden = b.buffer(steps + 1, n, batch);
        tanhN = DnnlActivation.vector(b, "tanh", batch * n);
        sigmoid3N = DnnlActivation.vector(b, "sigmoid", 3 * batch * n);
        // every step starts from the bias: z[t] = b broadcast over the batch
        b.forward(b.op(NativeOp.of("assign").in(z, Views.reshape(bias, 1, n4, 1)).out(z)));
        INDArray scratch = Nd4j.create(b.dataType(), new long[] {batch, n}, 'f');
        for (long t = 0; t < steps; t++) {
            INDArray zt = at(z, t);
            INDArray at = at(act, t);
            INDArray xt = in.value.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
            b.forward(b.op(NativeOp.of("matmul").in(xt, w).out(zt).reals(1.0, 1.0)));
            if (t > 0) {
                b.forward(b.op(NativeOp.of("matmul").in(at(hidden, t), rw).out(zt).reals(1.0, 1.0)));
            }
            b.forward("tanh", tanhN.forward(columns(zt, 0, n), columns(at, 0, n)));
            b.forward("sigmoid", sigmoid3N.forward(columns(zt, n, n4), columns(at, n, n4)));
            INDArray c = at(cells, t + 1);
            b.forward(b.op(NativeOp.of("multiply").in(columns(at, n, 2 * n), at(cells, t)).out(c)));
            b.forward(b.op(NativeOp.of("multiply").in(columns(at, 3 * n, n4), columns(at, 0, n)).out(scratch)));
            b.forward(b.op(NativeOp.of("add").in(c, scratch).out(c)));
            b.forward("tanh", tanhN.forward(c, at(cellTanh, t)));
            b.forward(b.op(NativeOp.of("multiply").in(columns(at, 2 * n, 3 * n), at(cellTanh, t))
                    .out(at(hidden, t + 1))));
        }
        // the output in the plan's layouts: [t, b, n] (all steps) or [b, n] (the last), row-major
        if (sequences) {
            INDArray seq = b.buffer(steps, batch, n);
            INDArray all = hidden.get(NDArrayIndex.interval(1, steps + 1), NDArrayIndex.all(), NDArrayIndex.all())
                    .permute(0, 2, 1);
            b.forward("copy", b.dnnl().copy(all, seq));
            out = b.output(id, Tensor.Layout.SEQUENCE, seq, true);
        } else {
            INDArray last = b.buffer(batch, n);
            b.forward(b.op(NativeOp.of("assign").in(last, at(hidden, steps)).out(last)));
            out = b.output(id, Tensor.Layout.VECTOR, last, true);
        }
    }

    @Override
    void backward(PlanBuilder b) {
        if (!out.gradWritten()) {
            return;
        }
        long n = units;
        long n4 = 4 * n;
        INDArray w = b.param(id, "W");
        INDArray rw = b.param(id, "RW");
        INDArray dz = b.buffer(steps, n4, batch);
        // gradient of every h, per step [b, n] in 'f' order, starting from what the output's consumers wrote
        INDArray dHidden = b.buffer(steps + 1, n, batch);
        if (sequences) {
            INDArray all = dHidden.get(NDArrayIndex.interval(1, steps + 1), NDArrayIndex.all(), NDArrayIndex.all())
                    .permute(0, 2, 1);
            b.backward("copy", b.dnnl().copy(Views.reshape(out.grad, steps, batch, n), all));
        } else {
            INDArray zero = Nd4j.scalar(b.dataType(), 0.0);
            b.backward(b.op(NativeOp.of("assign").in(dHidden, zero).out(dHidden)));
            INDArray lastGrad = at(dHidden, steps);
            b.backward(b.op(NativeOp.of("assign").in(lastGrad, out.grad).out(lastGrad)));
        }
        INDArray eps = Nd4j.create(b.dataType(), new long[] {batch, n4}, 'f');
        INDArray dc = Nd4j.create(b.dataType(), new long[] {batch, n}, 'f');
        INDArray dcNext = Nd4j.create(b.dataType(), new long[] {batch, n}, 'f');
        INDArray t1 = Nd4j.create(b.dataType(), new long[] {batch, n}, 'f');
        INDArray t2 = Nd4j.create(b.dataType(), new long[] {batch, n}, 'f');
        for (long t = steps - 1; t >= 0; t--) {
            INDArray dh = at(dHidden, t + 1);
            INDArray at = at(act, t);
            INDArray dzt = at(dz, t);
            // through h = o tanh(c) into c, plus what flows back from the next step's cell
            b.backward(b.op(NativeOp.of("multiply").in(dh, columns(at, 2 * n, 3 * n)).out(t1)));
            b.backward("tanh backward", tanhN.backward(at(cellTanh, t), t1, t == steps - 1 ? dc : t2));
            if (t < steps - 1) {
                b.backward(b.op(NativeOp.of("add").in(dcNext, t2).out(dc)));
            }
            // what each gate's output receives: a <- dc g, f <- dc c', o <- dh tanh(c), g <- dc a
            b.backward(b.op(NativeOp.of("multiply").in(dc, columns(at, 3 * n, n4)).out(columns(eps, 0, n))));
            b.backward(b.op(NativeOp.of("multiply").in(dc, at(cells, t)).out(columns(eps, n, 2 * n))));
            b.backward(b.op(NativeOp.of("multiply").in(dh, at(cellTanh, t)).out(columns(eps, 2 * n, 3 * n))));
            b.backward(b.op(NativeOp.of("multiply").in(dc, columns(at, 0, n)).out(columns(eps, 3 * n, n4))));
            b.backward("tanh backward", tanhN.backward(columns(at, 0, n), columns(eps, 0, n), columns(dzt, 0, n)));
            b.backward("sigmoid backward", sigmoid3N.backward(columns(at, n, n4), columns(eps, n, n4),
                    columns(dzt, n, n4)));
            if (t > 0) {
                b.backward(b.op(NativeOp.of("multiply").in(dc, columns(at, n, 2 * n)).out(dcNext)));
                b.backward(b.op(NativeOp.of("matmul").in(dzt, rw).out(at(dHidden, t)).ints(0, 1, 0)
                        .reals(1.0, 1.0)));
            }
        }
        // all steps at once: dz as [t * b, 4n] row-major, h' and x likewise
        INDArray dz2d = b.buffer(steps * batch, n4);
        b.backward("copy", b.dnnl().copy(dz.permute(0, 2, 1), Views.reshape(dz2d, steps, batch, n4)));
        INDArray hPrev = b.buffer(steps * batch, n);
        b.backward("copy", b.dnnl().copy(
                hidden.get(NDArrayIndex.interval(0, steps), NDArrayIndex.all(), NDArrayIndex.all()).permute(0, 2, 1),
                Views.reshape(hPrev, steps, batch, n)));
        INDArray x2d = Views.reshape(in.value, steps * batch, in.dims[2]);
        b.backward(b.op(NativeOp.of("matmul").in(x2d, dz2d).out(b.paramGrad(id, "W")).ints(1, 0, 0)));
        b.backward(b.op(NativeOp.of("matmul").in(hPrev, dz2d).out(b.paramGrad(id, "RW")).ints(1, 0, 0)));
        INDArray ones = Nd4j.ones(b.dataType(), 1, steps * batch);
        INDArray gradB = Views.reshape(Views.flat(b.paramGrad(id, "b")), 1, n4);
        b.backward(b.op(NativeOp.of("matmul").in(ones, dz2d).out(gradB)));
        if (in.needsGrad()) {
            boolean first = in.claimFirstGradWrite();
            b.backward(b.op(NativeOp.of("matmul").in(dz2d, w).out(Views.reshape(in.grad, steps * batch, in.dims[2]))
                    .ints(0, 1, 0).reals(1.0, first ? 0.0 : 1.0)));
        }
    }
}
