package org.layercanvas.runtime.device;

import java.util.List;

/**
 * Which device a run uses and why, in words for the user, with every device that was considered.
 *
 * @param device   {@code cpu} or {@code gpu}
 * @param gpuIndex the CUDA device number when {@code device} is {@code gpu}, else -1
 * @param reason   why this device
 * @param options  every device with whether it can be used (the CPU first)
 */
public record DeviceChoice(String device, int gpuIndex, String reason, List<DeviceOption> options) {

    public DeviceChoice {
        options = List.copyOf(options);
    }

    public boolean isGpu() {
        return "gpu".equals(device);
    }

    /** The user asked for a device this machine or build cannot give; the message says why. */
    public static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnavailableException(String message) {
            super(message);
        }
    }
}
