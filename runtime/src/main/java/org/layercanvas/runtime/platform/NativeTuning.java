package org.layercanvas.runtime.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Environment variables a JVM that trains with ND4J should start with; they must be set before ND4J's native
 * libraries load, so they are given to the worker process (and set by the {@code layercanvas} script for the
 * command line).
 *
 * <p>{@code OPENBLAS_CORETYPE}: ND4J M2.1 ships OpenBLAS 0.3.19, which does not recognise CPUs released after
 * it (Sapphire Rapids and later Xeons, recent laptop chips, Zen 5) and then falls back to its generic "Prescott"
 * kernels: 5x slower matrix products (measured here: 27 GFLOPS instead of 125-145 for a 2048x2048 sgemm on one
 * core). Where the CPU's feature flags can be read (Linux, Intel macOS), the kernels its instruction set can run
 * are named explicitly: {@code SkylakeX} for AVX-512, {@code Haswell} for AVX2 with FMA. A value the user set is
 * kept.
 */
public final class NativeTuning {
    static final String CORETYPE = "OPENBLAS_CORETYPE";

    private NativeTuning() {
    }

    /** What to add to {@code current} (the environment of the process about to start); empty if nothing. */
    public static Map<String, String> environment(Map<String, String> current) {
        Map<String, String> add = new HashMap<>();
        if (!current.containsKey(CORETYPE)) {
            String core = coreType(cpuFlags());
            if (core != null) {
                add.put(CORETYPE, core);
            }
        }
        return add;
    }

    /** The OpenBLAS kernel family these x86 feature flags can run, or null to leave OpenBLAS's own choice. */
    static String coreType(Set<String> flags) {
        if (flags.containsAll(List.of("avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"))) {
            return "SkylakeX";
        }
        if (flags.containsAll(List.of("avx2", "fma"))) {
            return "Haswell";
        }
        return null;
    }

    /** The CPU's feature flags in Linux's lower-case names, or an empty set where they cannot be read. */
    static Set<String> cpuFlags() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return Set.of();
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return linuxFlags(Path.of("/proc/cpuinfo"));
        }
        if (os.contains("mac")) {
            return macFlags();
        }
        return Set.of();
    }

    static Set<String> linuxFlags(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo, StandardCharsets.US_ASCII)) {
                if (line.startsWith("flags")) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? Set.of() : Set.of(line.substring(colon + 1).trim().split("\\s+"));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return Set.of();
    }

    /** {@code sysctl}'s feature words (e.g. {@code AVX2}, {@code AVX512F}) in Linux's lower-case names. */
    private static Set<String> macFlags() {
        try {
            Process p = new ProcessBuilder("sysctl", "-n", "machdep.cpu.features", "machdep.cpu.leaf7_features")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Set.of();
            }
            Set<String> flags = new HashSet<>();
            for (String word : text.trim().split("\\s+")) {
                String w = word.toLowerCase(Locale.ROOT);
                flags.add(w);
            }
            return flags;
        } catch (IOException | RuntimeException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }
}
