package org.layercanvas.runtime.train;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's CPU thread count. {@code Nd4j.getEnvironment().setMaxThreads} has no effect in 1.0.0-M2.1; the OpenMP
 * and BLAS pools have to be set directly (or {@code OMP_NUM_THREADS} before the JVM starts).
 */
public final class Threads {
    private Threads() {
    }

    public static void set(int threads) {
        // NativeOpsHolder reads the backend's properties: ND4J must be initialised first.
        Nd4j.getBackend();
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }

    public static int current() {
        Nd4j.getBackend();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
