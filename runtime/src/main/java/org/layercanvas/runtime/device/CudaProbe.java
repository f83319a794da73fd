package org.layercanvas.runtime.device;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * Asks the NVIDIA driver, through the Bytedeco CUDA presets' driver API, which GPUs there are: name, memory,
 * compute capability and the driver's CUDA version. Never touches ND4J, so it runs before ND4J picks a backend.
 *
 * <p>The presets are only in the GPU build (Maven profile {@code cuda}), so they are reached by reflection: the
 * CPU build compiles and answers {@link CudaReport#cpuBuild()} at once. Nothing here throws: every failure is a
 * {@link CudaReport.Problem} with the library's own words as detail.
 */
public final class CudaProbe {
    /** ND4J's CUDA backend class: present only in the GPU build. */
    public static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";
    static final String CUDART = "org.bytedeco.cuda.global.cudart";
    static final String CONTEXT = "org.bytedeco.cuda.cudart.CUctx_st";
    static final int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75;
    static final int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76;

    private static volatile CudaReport cached;

    private CudaProbe() {
    }

    public static boolean backendInBuild() {
        return classPresent(CUDA_BACKEND);
    }

    /** The machine's CUDA devices; asked once per process (the answer does not change while it runs). */
    public static CudaReport probe() {
        CudaReport r = cached;
        if (r == null) {
            r = probeNow();
            cached = r;
        }
        return r;
    }

    private static CudaReport probeNow() {
        if (!backendInBuild()) {
            return CudaReport.cpuBuild();
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return CudaReport.problem(CudaReport.Problem.UNSUPPORTED_OS, null);
        }
        if (!classPresent(CUDART)) {
            return CudaReport.problem(CudaReport.Problem.NO_RUNTIME, "org.bytedeco:cuda missing from the build");
        }
        try {
            Class<?> cu = Class.forName(CUDART);
            int rc = (int) call(cu, "cuInit", new Class<?>[] {int.class}, 0);
            if (rc != 0) {
                return CudaReport.problem(CudaReport.Problem.DRIVER_ERROR, "cuInit error " + rc);
            }
            int[] version = new int[1];
            call(cu, "cuDriverGetVersion", new Class<?>[] {int[].class}, (Object) version);
            int[] count = new int[1];
            rc = (int) call(cu, "cuDeviceGetCount", new Class<?>[] {int[].class}, (Object) count);
            if (rc != 0) {
                return CudaReport.problem(CudaReport.Problem.DRIVER_ERROR, "cuDeviceGetCount error " + rc);
            }
            List<GpuInfo> gpus = new ArrayList<>();
            for (int i = 0; i < count[0]; i++) {
                gpus.add(describe(cu, i));
            }
            return CudaReport.found(version[0], gpus);
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            return linkProblem(e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            if (cause instanceof LinkageError le) {
                return linkProblem(le);
            }
            return CudaReport.problem(CudaReport.Problem.DRIVER_ERROR, String.valueOf(cause.getMessage()));
        }
    }

    private static GpuInfo describe(Class<?> cu, int ordinal) throws ReflectiveOperationException {
        int[] device = new int[1];
        call(cu, "cuDeviceGet", new Class<?>[] {int[].class, int.class}, device, ordinal);
        byte[] name = new byte[256];
        call(cu, "cuDeviceGetName", new Class<?>[] {byte[].class, int.class, int.class}, name, name.length, device[0]);
        int end = 0;
        while (end < name.length && name[end] != 0) {
            end++;
        }
        long total;
        try (SizeTPointer bytes = new SizeTPointer(1)) {
            call(cu, "cuDeviceTotalMem", new Class<?>[] {SizeTPointer.class, int.class}, bytes, device[0]);
            total = bytes.get();
        }
        int[] major = new int[1];
        int[] minor = new int[1];
        call(cu, "cuDeviceGetAttribute", new Class<?>[] {int[].class, int.class, int.class}, major,
                CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device[0]);
        call(cu, "cuDeviceGetAttribute", new Class<?>[] {int[].class, int.class, int.class}, minor,
                CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device[0]);
        return new GpuInfo(ordinal, new String(name, 0, end, StandardCharsets.UTF_8), total, -1, major[0], minor[0]);
    }

    /**
     * The free memory of a GPU, measured in its primary context (which ND4J uses too), or -1 when that fails.
     * Takes a few hundred milliseconds the first time: call it only for the GPU a run is about to use.
     */
    public static long freeBytes(int ordinal) {
        if (!backendInBuild() || !classPresent(CUDART)) {
            return -1;
        }
        try {
            Class<?> cu = Class.forName(CUDART);
            Class<?> ctxClass = Class.forName(CONTEXT);
            Object ctx = ctxClass.getConstructor().newInstance();
            int[] device = new int[1];
            call(cu, "cuDeviceGet", new Class<?>[] {int[].class, int.class}, device, ordinal);
            if ((int) call(cu, "cuDevicePrimaryCtxRetain", new Class<?>[] {ctxClass, int.class}, ctx, device[0]) != 0) {
                return -1;
            }
            try (SizeTPointer free = new SizeTPointer(1); SizeTPointer total = new SizeTPointer(1)) {
                call(cu, "cuCtxSetCurrent", new Class<?>[] {ctxClass}, ctx);
                int rc = (int) call(cu, "cuMemGetInfo", new Class<?>[] {SizeTPointer.class, SizeTPointer.class},
                        free, total);
                return rc == 0 ? free.get() : -1;
            } finally {
                call(cu, "cuDevicePrimaryCtxRelease", new Class<?>[] {int.class}, device[0]);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /** Which library was missing: the driver's (libcuda / nvcuda) or the CUDA runtime's (libcudart / cudart64). */
    static CudaReport linkProblem(Throwable e) {
        String text = shortDetail(messages(e));
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("libcuda.so") || lower.contains("nvcuda")) {
            return CudaReport.problem(CudaReport.Problem.NO_DRIVER, text);
        }
        return CudaReport.problem(CudaReport.Problem.NO_RUNTIME, text);
    }

    private static final java.util.regex.Pattern MISSING_SO =
            java.util.regex.Pattern.compile("([\\w.+-]+\\.so[.\\d]*): cannot open shared object file");

    /** The loader's words cut to what matters: which library is missing. */
    static String shortDetail(String text) {
        java.util.regex.Matcher m = MISSING_SO.matcher(text);
        if (m.find()) {
            return m.group(1) + ": cannot open shared object file";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 400; t = t.getCause()) {
            if (t.getMessage() != null) {
                if (b.length() > 0) {
                    b.append(": ");
                }
                b.append(t.getMessage());
            }
        }
        return b.toString();
    }

    private static Object call(Class<?> c, String name, Class<?>[] types, Object... args)
            throws ReflectiveOperationException {
        Method m = c.getMethod(name, types);
        return m.invoke(null, args);
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, CudaProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
