package org.layercanvas.runtime.device;

import java.util.List;

/**
 * What the machine and the build offer for CUDA, found without touching ND4J (so before it picks a backend).
 *
 * @param backendInBuild whether this build carries ND4J's CUDA backend (the GPU build, Maven profile {@code cuda})
 * @param problem        why CUDA cannot be used at all (no driver, no CUDA runtime library), or null
 * @param driverVersion  the CUDA version the driver supports, as CUDA writes it (11060 = 11.6), 0 when unknown
 * @param gpus           every GPU the driver lists, usable or not
 */
public record CudaReport(boolean backendInBuild, Problem problem, String problemDetail, int driverVersion,
                         List<GpuInfo> gpus) {

    /** Why CUDA is not there at all. */
    public enum Problem {
        /** The CPU build: no CUDA backend to use a GPU with. */
        CPU_BUILD,
        /** No NVIDIA driver (libcuda / nvcuda.dll) on this machine. */
        NO_DRIVER,
        /** The driver is there but the CUDA 11.6 runtime library is not (neither installed nor bundled). */
        NO_RUNTIME,
        /** The driver answered with an error (e.g. no device, driver too old to initialise). */
        DRIVER_ERROR,
        /** This OS has no CUDA build of ND4J (macOS). */
        UNSUPPORTED_OS
    }

    public CudaReport {
        gpus = List.copyOf(gpus);
    }

    public static CudaReport cpuBuild() {
        return new CudaReport(false, Problem.CPU_BUILD, null, 0, List.of());
    }

    public static CudaReport problem(Problem problem, String detail) {
        return new CudaReport(true, problem, detail, 0, List.of());
    }

    public static CudaReport found(int driverVersion, List<GpuInfo> gpus) {
        return new CudaReport(true, null, null, driverVersion, gpus);
    }

    /** {@code 11.6} for 11060. */
    public static String version(int cudaVersion) {
        return cudaVersion / 1000 + "." + (cudaVersion % 1000) / 10;
    }
}
