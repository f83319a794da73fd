package org.layercanvas.runtime.device;

import org.nd4j.common.config.ND4JClassLoading;

/**
 * The device choice as runs apply it: probe, decide, and make ND4J follow the decision. Call {@link #choose}
 * before anything touches {@code Nd4j} in the process (the worker does it first thing for a run or a warm-up).
 */
public final class Devices {
    private static volatile boolean cudaHidden;

    private Devices() {
    }

    /**
     * @param requested {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     * @throws DeviceChoice.UnavailableException for an unknown request, or a GPU request no GPU can serve
     */
    public static DeviceChoice choose(String requested) throws DeviceChoice.UnavailableException {
        DeviceRequest request;
        try {
            request = DeviceRequest.parse(requested);
        } catch (IllegalArgumentException e) {
            throw new DeviceChoice.UnavailableException(e.getMessage());
        }
        CudaReport report = CudaProbe.probe();
        DeviceChoice choice = DevicePolicy.decide(request, report);
        if (!choice.isGpu() && report.backendInBuild()) {
            hideCudaBackend();
        }
        return choice;
    }

    /**
     * Whether ND4J, once loaded, runs on the backend the choice asked for. A GPU choice whose CUDA backend did not
     * start falls back to the CPU when the student asked for {@code auto}, and fails when they asked for a GPU.
     *
     * @param backend ND4J's backend class name, e.g. {@code JCublasBackend} or {@code CpuBackend}
     */
    public static DeviceChoice confirm(DeviceChoice choice, String requested, String backend)
            throws DeviceChoice.UnavailableException {
        if (!choice.isGpu() || backend.contains("Cublas") || backend.contains("Cuda")) {
            return choice;
        }
        String detail = DeviceMessages.format("detail.backendLoaded", backend);
        if (DeviceRequest.parse(requested).kind() == DeviceRequest.Kind.GPU) {
            throw new DeviceChoice.UnavailableException(DeviceMessages.format("unavailable.backendFailed", detail));
        }
        return new DeviceChoice("cpu", -1, DeviceMessages.format("reason.backendFailed", detail), choice.options());
    }

    /** Makes ND4J's backend search skip CUDA in this process (see {@link CudaHidingClassLoader}). */
    static synchronized void hideCudaBackend() {
        if (!cudaHidden) {
            ND4JClassLoading.setNd4jClassloader(new CudaHidingClassLoader(ND4JClassLoading.getNd4jClassloader()));
            cudaHidden = true;
        }
    }
}
