package org.layercanvas.runtime.device;

/**
 * One NVIDIA GPU as the CUDA driver describes it.
 *
 * @param index      the CUDA device number
 * @param totalBytes its memory
 * @param freeBytes  its free memory, or -1 when not measured (measuring needs a CUDA context)
 * @param major      compute capability, major part (8 for 8.6)
 * @param minor      compute capability, minor part
 */
public record GpuInfo(int index, String name, long totalBytes, long freeBytes, int major, int minor) {

    /** {@code 8.6} */
    public String capability() {
        return major + "." + minor;
    }

    public GpuInfo withFreeBytes(long free) {
        return new GpuInfo(index, name, totalBytes, free, major, minor);
    }
}
