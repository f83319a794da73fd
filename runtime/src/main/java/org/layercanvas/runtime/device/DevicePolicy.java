package org.layercanvas.runtime.device;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which device a run uses from what the machine offers ({@link CudaReport}) and what the student asked
 * for ({@link DeviceRequest}). Pure logic, so that it is tested with made-up machines: the facts it applies are
 * those of ND4J 1.0.0-M2.1's CUDA 11.6 backend.
 */
public final class DevicePolicy {
    /** The bundled CUDA runtime is 11.6: the driver must support CUDA 11.6 or newer. */
    public static final int MIN_DRIVER_CUDA = 11060;
    /** ND4J M2.1's CUDA kernels are built for compute capability 3.7 to 8.6; 8.9 runs the 8.6 ones. */
    static final int OLDEST = 37;
    static final int NEWEST = 89;
    /** Below this, a GPU is no use for the samples (and the CUDA context alone takes ~300 MB). */
    public static final long MIN_MEMORY = 1_000_000_000L;

    private DevicePolicy() {
    }

    /** Whether a GPU can run the bundled kernels, and if not, why. */
    static Optional<String> whyNot(GpuInfo gpu, int driverVersion) {
        int cc = gpu.major() * 10 + gpu.minor();
        if (cc < OLDEST) {
            return Optional.of(DeviceMessages.format("gpu.tooOld", gpu.capability()));
        }
        if (cc > NEWEST) {
            return Optional.of(DeviceMessages.format("gpu.tooNew", gpu.capability()));
        }
        if (driverVersion > 0 && driverVersion < MIN_DRIVER_CUDA) {
            return Optional.of(DeviceMessages.format("gpu.oldDriver", CudaReport.version(driverVersion)));
        }
        if (gpu.totalBytes() < MIN_MEMORY) {
            return Optional.of(DeviceMessages.format("gpu.littleMemory", gigabytes(gpu.totalBytes()),
                    gigabytes(MIN_MEMORY)));
        }
        return Optional.empty();
    }

    /** The CPU, then every GPU, each with whether it can be used. */
    public static List<DeviceOption> options(CudaReport report) {
        List<DeviceOption> options = new ArrayList<>();
        options.add(new DeviceOption("cpu", DeviceMessages.format("option.cpu",
                Runtime.getRuntime().availableProcessors()), true, null));
        for (GpuInfo gpu : report.gpus()) {
            Optional<String> why = whyNot(gpu, report.driverVersion());
            options.add(new DeviceOption("gpu:" + gpu.index(), label(gpu), why.isEmpty(), why.orElse(null)));
        }
        return options;
    }

    public static String label(GpuInfo gpu) {
        return DeviceMessages.format("option.gpu", gpu.index(), gpu.name(), gigabytes(gpu.totalBytes()),
                gpu.capability());
    }

    /** What {@code --device auto} picks on a machine described by {@code report} (it never fails: the CPU is there). */
    public static DeviceChoice auto(CudaReport report) {
        try {
            return decide(DeviceRequest.AUTO, report);
        } catch (DeviceChoice.UnavailableException e) {
            throw new IllegalStateException("auto always has the CPU", e);
        }
    }

    /**
     * The device for {@code request} on a machine described by {@code report}.
     *
     * @throws DeviceChoice.UnavailableException when a GPU was asked for and none can be used; the message says
     *                                           why and what to do
     */
    public static DeviceChoice decide(DeviceRequest request, CudaReport report)
            throws DeviceChoice.UnavailableException {
        List<DeviceOption> options = options(report);
        if (request.kind() == DeviceRequest.Kind.CPU) {
            return new DeviceChoice("cpu", -1, DeviceMessages.format("reason.cpuRequested"), options);
        }
        Optional<GpuInfo> pick = pick(request, report);
        if (pick.isPresent()) {
            GpuInfo gpu = pick.get();
            String key = request.kind() == DeviceRequest.Kind.AUTO ? "reason.gpuAuto" : "reason.gpuRequested";
            return new DeviceChoice("gpu", gpu.index(), DeviceMessages.format(key, label(gpu)), options);
        }
        String whyNoGpu = whyNoGpu(request, report);
        if (request.kind() == DeviceRequest.Kind.GPU) {
            throw new DeviceChoice.UnavailableException(DeviceMessages.format("unavailable", whyNoGpu));
        }
        return new DeviceChoice("cpu", -1, DeviceMessages.format("reason.cpuFallback", whyNoGpu), options);
    }

    private static Optional<GpuInfo> pick(DeviceRequest request, CudaReport report) {
        if (report.problem() != null) {
            return Optional.empty();
        }
        return report.gpus().stream()
                .filter(g -> request.gpuIndex() < 0 || g.index() == request.gpuIndex())
                .filter(g -> whyNot(g, report.driverVersion()).isEmpty())
                // the most memory first, then the lowest number
                .min(Comparator.comparingLong((GpuInfo g) -> -g.totalBytes()).thenComparingInt(GpuInfo::index));
    }

    /** Why no GPU serves {@code request}, in one sentence. */
    public static String whyNoGpu(DeviceRequest request, CudaReport report) {
        if (report.problem() != null) {
            String detail = report.problemDetail() == null || report.problemDetail().isBlank() ? ""
                    : " (" + report.problemDetail() + ")";
            return DeviceMessages.format("problem." + report.problem().name().toLowerCase(Locale.ROOT), detail);
        }
        if (report.gpus().isEmpty()) {
            return DeviceMessages.format("problem.noGpu");
        }
        if (request.gpuIndex() >= 0) {
            Optional<GpuInfo> asked = report.gpus().stream().filter(g -> g.index() == request.gpuIndex()).findFirst();
            if (asked.isEmpty()) {
                return DeviceMessages.format("problem.noSuchGpu", request.gpuIndex(), report.gpus().size());
            }
            return DeviceMessages.format("problem.gpu", label(asked.get()),
                    whyNot(asked.get(), report.driverVersion()).orElse(""));
        }
        List<String> reasons = new ArrayList<>();
        for (GpuInfo gpu : report.gpus()) {
            reasons.add(DeviceMessages.format("problem.gpu", label(gpu),
                    whyNot(gpu, report.driverVersion()).orElse("")));
        }
        return String.join("; ", reasons);
    }

    /** {@code 11.8} (GB of 10^9 bytes, as GPU makers count). */
    public static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e9);
    }
}
