package org.layercanvas.runtime.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeTuningTest {
    @Test
    void avx512MachinesGetSkylakeXKernelsAndAvx2MachinesHaswell() {
        assertThat(NativeTuning.coreType(Set.of("sse2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq",
                "avx512vl", "avx512cd"))).isEqualTo("SkylakeX");
        assertThat(NativeTuning.coreType(Set.of("sse2", "avx", "avx2", "fma", "avx512f"))).isEqualTo("Haswell");
        assertThat(NativeTuning.coreType(Set.of("sse2", "avx", "avx2", "fma"))).isEqualTo("Haswell");
        // without AVX2 and FMA OpenBLAS's own choice stays: naming a kernel the CPU cannot run would crash it
        assertThat(NativeTuning.coreType(Set.of("sse2", "avx"))).isNull();
        assertThat(NativeTuning.coreType(Set.of())).isNull();
    }

    @Test
    void readsTheFlagsLineOfProcCpuinfo(@TempDir Path dir) throws IOException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nmodel name\t: Some CPU\nflags\t\t: fpu sse2 avx2 fma\n"
                + "bugs\t\t: none\n");
        assertThat(NativeTuning.linuxFlags(cpuinfo)).containsExactlyInAnyOrder("fpu", "sse2", "avx2", "fma");
        assertThat(NativeTuning.linuxFlags(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void aValueTheUserSetIsKept() {
        assertThat(NativeTuning.environment(Map.of("OPENBLAS_CORETYPE", "Zen"))).isEmpty();
    }
}
