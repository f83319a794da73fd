package org.layercanvas.runtime.train;

import java.util.Locale;

/**
 * Which device a run uses and why. The CPU build carries only ND4J's CPU backend; the GPU (CUDA) build is a
 * separate Maven profile and installer. Detection looks for the CUDA backend class without touching ND4J, so
 * that it can run before ND4J picks its backend.
 *
 * @param device {@code cpu} or {@code gpu}
 * @param reason why, in words for the user
 */
public record DeviceChoice(String device, String reason) {
    static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

    /** The user asked for a device this machine or build cannot give. */
    public static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnavailableException(String message) {
            super(message);
        }
    }

    /**
     * @param requested {@code auto}, {@code cpu} or {@code gpu}
     */
    public static DeviceChoice choose(String requested) throws UnavailableException {
        String r = requested == null ? "auto" : requested.toLowerCase(Locale.ROOT);
        boolean cudaInBuild = isClassPresent(CUDA_BACKEND);
        return switch (r) {
            case "cpu" -> new DeviceChoice("cpu", "CPU requested");
            case "gpu" -> {
                if (!cudaInBuild) {
                    throw new UnavailableException("no usable GPU: this build of LayerCanvas contains only the CPU"
                            + " backend. GPU training needs an NVIDIA GPU of compute capability 3.7 to 8.9 with"
                            + " CUDA 11.6 and the GPU build (Maven profile 'cuda'). Use --device cpu or auto.");
                }
                yield new DeviceChoice("gpu", "GPU requested");
            }
            case "auto" -> cudaInBuild ? new DeviceChoice("gpu", "CUDA backend present")
                    : new DeviceChoice("cpu", "this build contains only the CPU backend, no CUDA");
            default -> throw new UnavailableException("unknown device '" + requested + "'; use auto, cpu or gpu");
        };
    }

    private static boolean isClassPresent(String name) {
        try {
            Class.forName(name, false, DeviceChoice.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
