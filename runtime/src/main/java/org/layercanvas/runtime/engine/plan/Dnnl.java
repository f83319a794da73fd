package org.layercanvas.runtime.engine.plan;

import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_engine_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_engine_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_f32;
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_equal;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_init_by_strides;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_init_by_tag;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_impl_info_str;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_execute;
import static org.bytedeco.dnnl.global.dnnl.dnnl_reorder_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_default_flags;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_wait;
import static org.bytedeco.dnnl.global.dnnl.dnnl_success;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * oneDNN (through the Bytedeco presets) for the plan's image kernels: convolution, pooling, element-wise
 * activations and batch normalisation, run as primitives made once per program on ND4J's buffers (no copies).
 * oneDNN picks blocked memory layouts where they are faster ({@code nChw16c}); tensors carry their layout
 * ({@link Tensor#format}) and {@link PlanBuilder#convert} reorders where a layer needs another one.
 *
 * <p>oneDNN runs on the calling thread's OpenMP team, the same runtime and thread count as libnd4j's kernels.
 */
final class Dnnl implements AutoCloseable {
    private static final Object LOCK = new Object();
    private static volatile Boolean available;
    private static volatile String unavailableReason;

    final dnnl_engine engine;
    final dnnl_stream stream;
    private final List<Object> owned = new ArrayList<>();
    private final List<String> referenceKernels = new ArrayList<>();
    private final java.util.Map<dnnl_primitive_desc, dnnl_primitive> primitives = new java.util.IdentityHashMap<>();

    private Dnnl() {
        engine = new dnnl_engine();
        check(dnnl_engine_create(engine, dnnl_cpu, 0), "create the CPU engine");
        stream = new dnnl_stream();
        check(dnnl_stream_create(stream, engine, dnnl_stream_default_flags), "create a stream");
    }

    /** Whether oneDNN's native library loads on this machine (it has no natives for every OS). */
    static boolean available() {
        Boolean a = available;
        if (a == null) {
            synchronized (LOCK) {
                if (available == null) {
                    try {
                        org.bytedeco.javacpp.Loader.load(org.bytedeco.dnnl.global.dnnl.class);
                        available = true;
                    } catch (Throwable e) {
                        unavailableReason = e.toString();
                        available = false;
                    }
                }
                a = available;
            }
        }
        return a;
    }

    /** Why {@link #available()} is false. */
    static String unavailableReason() {
        return unavailableReason;
    }

    static Dnnl create() {
        if (!available()) {
            throw new PlanException("oneDNN is not available: " + unavailableReason);
        }
        return new Dnnl();
    }

    static void check(int status, String what) {
        if (status != dnnl_success) {
            throw new PlanException("oneDNN could not " + what + " (status " + status + ")");
        }
    }

    /** A plain layout, e.g. {@code dnnl_nchw}, {@code dnnl_oihw}, {@code dnnl_x}. */
    static dnnl_memory_desc_t md(int tag, long... dims) {
        dnnl_memory_desc_t m = new dnnl_memory_desc_t();
        check(dnnl_memory_desc_init_by_tag(m, dims.length, dims, dnnl_f32, tag), "describe memory");
        return m;
    }

    /** Any layout: oneDNN chooses when the primitive is made. */
    static dnnl_memory_desc_t any(long... dims) {
        return md(dnnl_format_tag_any, dims);
    }

    static boolean same(dnnl_memory_desc_t a, dnnl_memory_desc_t b) {
        return dnnl_memory_desc_equal(a, b) != 0;
    }

    /** Floats a buffer of this layout holds (blocked layouts may pad channels). */
    static long floats(dnnl_memory_desc_t md) {
        return dnnl_memory_desc_get_size(md) / 4;
    }

    /** A zeroed buffer for this layout. */
    static INDArray allocate(dnnl_memory_desc_t md) {
        return Nd4j.create(DataType.FLOAT, new long[] {Math.max(1, floats(md))}, 'c');
    }

    /** The layout a primitive chose for one of its arguments ({@code dnnl_query_src_md} etc.). */
    static dnnl_memory_desc_t query(dnnl_primitive_desc pd, int what) {
        dnnl_memory_desc_t chosen = dnnl_primitive_desc_query_md(pd, what, 0);
        dnnl_memory_desc_t copy = new dnnl_memory_desc_t();
        Pointer.memcpy(copy, chosen, copy.sizeof());
        return copy;
    }

    /** A primitive description from an operation description; freed with this object. */
    dnnl_primitive_desc describe(Pointer opDesc, dnnl_primitive_attr attr, dnnl_primitive_desc hint, String what) {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        check(dnnl_primitive_desc_create(pd, new const_dnnl_op_desc_t(opDesc), attr, engine, hint), what);
        owned.add(pd);
        String impl = implementation(pd);
        if (impl.startsWith("ref")) {
            referenceKernels.add(what + " (" + impl + ")");
        }
        return pd;
    }

    /** The kernel oneDNN chose for a description, e.g. {@code jit:avx512_common} or {@code ref:any}. */
    static String implementation(dnnl_primitive_desc pd) {
        PointerPointer<BytePointer> name = new PointerPointer<>(1);
        if (dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, name) != dnnl_success || name.get(0) == null) {
            return "?";
        }
        return new BytePointer(name.get(0)).getString();
    }

    /**
     * The descriptions for which oneDNN found only its reference kernel: plain loops, 100-1000x slower than its
     * JIT kernels, a sign that a layout was pinned that no fast kernel takes (tests keep this empty).
     */
    List<String> referenceKernels() {
        return List.copyOf(referenceKernels);
    }

    /** oneDNN's view of {@code buffer}'s memory (from its offset) in layout {@code md}. */
    dnnl_memory memory(dnnl_memory_desc_t md, INDArray buffer) {
        if (buffer.length() < floats(md)) {
            throw new IllegalArgumentException("buffer of " + buffer.length() + " floats for a layout of "
                    + floats(md));
        }
        dnnl_memory m = new dnnl_memory();
        long address = buffer.data().address() + buffer.offset() * 4L;
        check(dnnl_memory_create(m, md, engine, new Address(address)), "wrap memory");
        owned.add(m);
        owned.add(buffer);
        return m;
    }

    /**
     * A step that runs primitive {@code pd} with these (argument id, memory) pairs. Steps of the same description
     * share one primitive (an LSTM runs the same element-wise kernel at every time step on other memory).
     */
    Step step(dnnl_primitive_desc pd, String name, Object... argsAndMemories) {
        dnnl_primitive p = primitives.get(pd);
        if (p == null) {
            p = new dnnl_primitive();
            check(dnnl_primitive_create(p, pd), "create " + name);
            owned.add(p);
            primitives.put(pd, p);
        }
        dnnl_primitive primitive = p;
        int n = argsAndMemories.length / 2;
        dnnl_exec_arg_t args = new dnnl_exec_arg_t(n);
        for (int i = 0; i < n; i++) {
            args.position(i).arg((Integer) argsAndMemories[2 * i]).memory((dnnl_memory) argsAndMemories[2 * i + 1]);
        }
        args.position(0);
        owned.add(args);
        return new Step() {
            @Override
            public void run() {
                check(dnnl_primitive_execute(primitive, stream, n, args), "run " + name);
                check(dnnl_stream_wait(stream), "finish " + name);
            }

            @Override
            public String toString() {
                return "oneDNN " + name;
            }
        };
    }

    /** Frees {@code o} (attributes, post-ops, a {@link NativeOp}...) when this object is closed. */
    void own(Object o) {
        owned.add(o);
    }

    /** The layout of an ND4J array or view as oneDNN sees it: its shape and element strides. */
    static dnnl_memory_desc_t strided(INDArray a) {
        dnnl_memory_desc_t m = new dnnl_memory_desc_t();
        check(dnnl_memory_desc_init_by_strides(m, a.rank(), a.shape(), dnnl_f32, a.stride()), "describe a view");
        return m;
    }

    /**
     * Copies array or view {@code from} into {@code to} of the same shape, whatever their strides: oneDNN's
     * vectorised reorder. libnd4j's {@code assign} between differently permuted views walks one element at a
     * time through index arithmetic (about 7 ns per element; 2.5 ms of the LSTM workload's 10 ms minibatch).
     */
    Step copy(INDArray from, INDArray to) {
        if (!java.util.Arrays.equals(from.shape(), to.shape())) {
            throw new IllegalArgumentException("copy between shapes " + java.util.Arrays.toString(from.shape())
                    + " and " + java.util.Arrays.toString(to.shape()));
        }
        dnnl_memory_desc_t fromMd = strided(from);
        dnnl_memory_desc_t toMd = strided(to);
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        check(dnnl_reorder_primitive_desc_create(pd, fromMd, engine, toMd, engine, null), "describe a copy");
        owned.add(pd);
        return step(pd, "copy", DNNL_ARG_FROM, memory(fromMd, from), DNNL_ARG_TO, memory(toMd, to));
    }

    /** Copies {@code from} (layout {@code fromMd}) into {@code to} (layout {@code toMd}). */
    Step reorder(dnnl_memory_desc_t fromMd, INDArray from, dnnl_memory_desc_t toMd, INDArray to) {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        check(dnnl_reorder_primitive_desc_create(pd, fromMd, engine, toMd, engine, null), "describe a reorder");
        owned.add(pd);
        return step(pd, "reorder", DNNL_ARG_FROM, memory(fromMd, from), DNNL_ARG_TO, memory(toMd, to));
    }

    @Override
    public void close() {
        for (Object o : owned) {
            if (o instanceof dnnl_primitive p) {
                dnnl_primitive_destroy(p);
            } else if (o instanceof dnnl_primitive_desc pd) {
                dnnl_primitive_desc_destroy(pd);
            } else if (o instanceof dnnl_memory m) {
                dnnl_memory_destroy(m);
            } else if (o instanceof dnnl_primitive_attr a) {
                dnnl_primitive_attr_destroy(a);
            } else if (o instanceof dnnl_post_ops ops) {
                dnnl_post_ops_destroy(ops);
            } else if (o instanceof NativeOp op) {
                op.close(); // (the INDArrays held here only stay reachable: they belong to the plan or the graph)
            }
        }
        owned.clear();
        primitives.clear();
        dnnl_stream_destroy(stream);
        dnnl_engine_destroy(engine);
    }

    /** A raw address as a JavaCPP pointer (the memory belongs to an ND4J buffer). */
    private static final class Address extends Pointer {
        Address(long address) {
            this.address = address;
        }
    }
}
