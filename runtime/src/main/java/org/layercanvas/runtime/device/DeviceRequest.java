package org.layercanvas.runtime.device;

import java.util.Locale;

/**
 * The device a student asks for: {@code auto}, {@code cpu}, {@code gpu} (any usable GPU) or {@code gpu:N}.
 *
 * @param gpuIndex the GPU asked for by number, or -1 for any
 */
public record DeviceRequest(Kind kind, int gpuIndex) {
    public static final DeviceRequest AUTO = new DeviceRequest(Kind.AUTO, -1);
    public static final DeviceRequest CPU = new DeviceRequest(Kind.CPU, -1);
    public static final DeviceRequest ANY_GPU = new DeviceRequest(Kind.GPU, -1);

    public enum Kind { AUTO, CPU, GPU }

    /**
     * @throws IllegalArgumentException with a message for the user when {@code text} is none of the forms
     */
    public static DeviceRequest parse(String text) {
        String t = text == null ? "auto" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "", "auto":
                return AUTO;
            case "cpu":
                return CPU;
            case "gpu", "cuda":
                return ANY_GPU;
            default:
                break;
        }
        if (t.startsWith("gpu:") || t.startsWith("cuda:")) {
            try {
                int n = Integer.parseInt(t.substring(t.indexOf(':') + 1));
                if (n >= 0) {
                    return new DeviceRequest(Kind.GPU, n);
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException(DeviceMessages.format("request.unknown", text));
    }

    /** The text {@link #parse} reads back. */
    @Override
    public String toString() {
        return switch (kind) {
            case AUTO -> "auto";
            case CPU -> "cpu";
            case GPU -> gpuIndex < 0 ? "gpu" : "gpu:" + gpuIndex;
        };
    }
}
