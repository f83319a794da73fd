package org.layercanvas.runtime.device;

import org.bytedeco.javacpp.Pointer;

/**
 * How much memory a run may use, and whether an estimate fits: on a GPU its free memory, on the CPU the
 * smaller of JavaCPP's off-heap limit for this process (where ND4J's arrays live; {@code -Xmx} by default,
 * {@code -Dorg.bytedeco.javacpp.maxbytes} to change it) and the computer's RAM.
 *
 * @param source what limits it, in words ("GPU 0's free memory", ...)
 */
public record MemoryBudget(long availableBytes, String source) {
    /** Above this share of the budget a run is warned about; above the whole budget it is refused. */
    static final double TIGHT = 0.7;

    public enum Fit { FITS, TIGHT, TOO_BIG, UNKNOWN }

    /** The budget of the device a run chose: its GPU's free memory, or this process's CPU budget. */
    public static MemoryBudget of(DeviceChoice device) {
        return device.isGpu() ? gpu(device.gpuIndex()) : cpu();
    }

    /** The CPU budget of this process. */
    public static MemoryBudget cpu() {
        long offHeap = Pointer.maxBytes();
        long ram = Pointer.totalPhysicalBytes();
        if (offHeap > 0 && (ram <= 0 || offHeap <= ram)) {
            return new MemoryBudget(offHeap, DeviceMessages.format("budget.offHeap", MemoryEstimate.size(offHeap),
                    ram > 0 ? MemoryEstimate.size(ram) : "?"));
        }
        return new MemoryBudget(ram, DeviceMessages.format("budget.ram", MemoryEstimate.size(ram)));
    }

    /** The free memory of GPU {@code index}, or an unknown budget when it cannot be measured. */
    public static MemoryBudget gpu(int index) {
        long free = CudaProbe.freeBytes(index);
        return new MemoryBudget(free, DeviceMessages.format("budget.gpu", index, MemoryEstimate.size(free)));
    }

    public Fit fit(MemoryEstimate estimate) {
        if (availableBytes <= 0) {
            return Fit.UNKNOWN;
        }
        double share = (double) estimate.totalBytes() / availableBytes;
        return share > 1 ? Fit.TOO_BIG : share > TIGHT ? Fit.TIGHT : Fit.FITS;
    }

    /** One line for {@code check} and the run's start: the estimate against this budget. */
    public String describe(MemoryEstimate estimate) {
        Fit fit = fit(estimate);
        return DeviceMessages.format("memory." + fit.name().toLowerCase(java.util.Locale.ROOT),
                MemoryEstimate.size(estimate.totalBytes()), source, estimate.breakdown());
    }

    /** Why a run that does not fit is refused, with what to change. */
    public String refusal(MemoryEstimate estimate) {
        String needs = DeviceMessages.format("memory.refused", MemoryEstimate.size(estimate.totalBytes()), source,
                estimate.breakdown());
        // Advise what actually takes the memory: the activations of a batch, or the parameters.
        if (estimate.activationBytes() * 2 > estimate.totalBytes() && estimate.batchSize() > 1) {
            long fits = Math.max(1, (long) (estimate.batchSize() * TIGHT * availableBytes
                    / Math.max(1, estimate.totalBytes())));
            return needs + " " + DeviceMessages.format("memory.advice.batch", estimate.batchSize(),
                    Math.min(estimate.batchSize() - 1, Long.highestOneBit(fits)));
        }
        return needs + " " + DeviceMessages.format("memory.advice.layer", estimate.largestLayer(),
                String.format(java.util.Locale.ROOT, "%,d", estimate.largestLayerParameters()));
    }
}
