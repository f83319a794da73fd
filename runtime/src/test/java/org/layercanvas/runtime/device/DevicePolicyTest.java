package org.layercanvas.runtime.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The device decision on made-up machines: every case the GPU build meets in the field. */
class DevicePolicyTest {
    private static final long GB = 1_000_000_000L;
    private static GpuInfo gpu(int index, String name, double gb, int major, int minor) {
        return new GpuInfo(index, name, (long) (gb * GB), -1, major, minor);
    }

    private static CudaReport machine(GpuInfo... gpus) {
        return CudaReport.found(12020, List.of(gpus));
    }

    @ParameterizedTest(name = "compute capability {0}.{1}: usable {2}")
    @CsvSource({"3,5,false", "3,7,true", "5,0,true", "6,1,true", "7,5,true", "8,6,true", "8,9,true", "9,0,false",
        "12,0,false"})
    void computeCapabilityDecidesWhetherTheBundledKernelsRun(int major, int minor, boolean usable) throws Exception {
        CudaReport report = machine(gpu(0, "Some GPU", 8, major, minor));
        DeviceChoice auto = DevicePolicy.decide(DeviceRequest.AUTO, report);
        assertThat(auto.isGpu()).isEqualTo(usable);
        DeviceOption option = auto.options().get(1);
        assertThat(option.id()).isEqualTo("gpu:0");
        assertThat(option.usable()).isEqualTo(usable);
        if (!usable) {
            assertThat(auto.device()).isEqualTo("cpu");
            assertThat(option.why()).contains("compute capability " + major + "." + minor);
            assertThat(auto.reason()).contains("training on the CPU");
        }
    }

    @Test
    void aGpuTooNewForTheKernelsIsExplainedInAStudentsWords() {
        CudaReport h100 = machine(gpu(0, "NVIDIA H100 PCIe", 80, 9, 0));
        assertThatThrownBy(() -> DevicePolicy.decide(DeviceRequest.ANY_GPU, h100))
                .isInstanceOf(DeviceChoice.UnavailableException.class)
                .hasMessageContaining("NVIDIA H100 PCIe")
                .hasMessageContaining("compute capability 9.0 is newer than the bundled CUDA 11.6 kernels support")
                .hasMessageContaining("--device cpu");
    }

    @Test
    void autoTakesTheUsableGpuWithTheMostMemory() throws Exception {
        CudaReport report = machine(gpu(0, "RTX 5090", 32, 12, 0), gpu(1, "GTX 1060", 6, 6, 1),
                gpu(2, "RTX 3060", 12, 8, 6));
        DeviceChoice auto = DevicePolicy.decide(DeviceRequest.AUTO, report);
        assertThat(auto.device()).isEqualTo("gpu");
        assertThat(auto.gpuIndex()).isEqualTo(2);
        assertThat(auto.reason()).contains("RTX 3060");
        assertThat(auto.options()).extracting(DeviceOption::id).containsExactly("cpu", "gpu:0", "gpu:1", "gpu:2");
        assertThat(auto.options()).extracting(DeviceOption::usable).containsExactly(true, false, true, true);
    }

    @Test
    void aGpuAskedForByNumberIsThatOneOrAClearNo() throws Exception {
        CudaReport report = machine(gpu(0, "RTX 3060", 12, 8, 6), gpu(1, "H100", 80, 9, 0));
        assertThat(DevicePolicy.decide(DeviceRequest.parse("gpu:0"), report).gpuIndex()).isZero();
        assertThatThrownBy(() -> DevicePolicy.decide(DeviceRequest.parse("gpu:1"), report))
                .hasMessageContaining("H100").hasMessageContaining("9.0");
        assertThatThrownBy(() -> DevicePolicy.decide(DeviceRequest.parse("gpu:4"), report))
                .hasMessageContaining("there is no GPU 4").hasMessageContaining("has 2");
    }

    @Test
    void anOldDriverRulesOutEveryGpu() throws Exception {
        CudaReport report = CudaReport.found(11040, List.of(gpu(0, "RTX 3060", 12, 8, 6)));
        DeviceChoice auto = DevicePolicy.decide(DeviceRequest.AUTO, report);
        assertThat(auto.device()).isEqualTo("cpu");
        assertThat(auto.reason()).contains("supports CUDA 11.4 only").contains("update");
    }

    @Test
    void aGpuWithTooLittleMemoryIsNotUsed() throws Exception {
        CudaReport report = machine(gpu(0, "Quadro K420", 0.5, 3, 7));
        assertThat(DevicePolicy.decide(DeviceRequest.AUTO, report).device()).isEqualTo("cpu");
        assertThat(DevicePolicy.options(report).get(1).why()).contains("0.5 GB").contains("at least 1.0 GB");
    }

    @Test
    void noDriverNoRuntimeAndTheCpuBuildEachSayWhatIsMissing() throws Exception {
        assertThat(DevicePolicy.decide(DeviceRequest.AUTO,
                CudaReport.problem(CudaReport.Problem.NO_DRIVER, "libcuda.so.1: cannot open shared object file"))
                .reason()).contains("no NVIDIA driver found").contains("libcuda.so.1").contains("training on the CPU");
        assertThatThrownBy(() -> DevicePolicy.decide(DeviceRequest.ANY_GPU,
                CudaReport.problem(CudaReport.Problem.NO_RUNTIME, "libcudart.so.11.0: cannot open shared object file")))
                .hasMessageContaining("CUDA 11.6 runtime").hasMessageContaining("libcudart.so.11.0");
        assertThat(DevicePolicy.decide(DeviceRequest.AUTO, CudaReport.cpuBuild()).reason())
                .contains("the CPU build of LayerCanvas");
        assertThat(DevicePolicy.decide(DeviceRequest.AUTO, machine()).reason()).contains("lists no GPU");
        assertThat(DevicePolicy.decide(DeviceRequest.AUTO,
                CudaReport.problem(CudaReport.Problem.UNSUPPORTED_OS, null)).reason())
                .contains("no CUDA build of ND4J for this operating system");
    }

    @Test
    void theCpuIsAlwaysThereAndAlwaysUsable() throws Exception {
        DeviceChoice cpu = DevicePolicy.decide(DeviceRequest.CPU, machine(gpu(0, "RTX 3060", 12, 8, 6)));
        assertThat(cpu.device()).isEqualTo("cpu");
        assertThat(cpu.reason()).isEqualTo("CPU requested");
        assertThat(cpu.options().get(0)).satisfies(o -> {
            assertThat(o.id()).isEqualTo("cpu");
            assertThat(o.usable()).isTrue();
            assertThat(o.why()).isNull();
        });
    }

    @Test
    void requestsParseAndPrintBack() {
        for (String text : new String[] {"auto", "cpu", "gpu", "gpu:0", "gpu:3"}) {
            assertThat(DeviceRequest.parse(text).toString()).isEqualTo(text);
        }
        assertThat(DeviceRequest.parse(" GPU ")).isEqualTo(DeviceRequest.ANY_GPU);
        assertThat(DeviceRequest.parse("cuda:1")).isEqualTo(new DeviceRequest(DeviceRequest.Kind.GPU, 1));
        assertThat(DeviceRequest.parse(null)).isEqualTo(DeviceRequest.AUTO);
        for (String bad : new String[] {"tpu", "gpu:", "gpu:-1", "gpu:x"}) {
            assertThatThrownBy(() -> DeviceRequest.parse(bad)).hasMessageContaining("unknown device '" + bad + "'");
        }
    }

    @Test
    void aGpuChoiceWhoseBackendDidNotStartFallsBackOnlyForAuto() throws Exception {
        DeviceChoice gpu = DevicePolicy.decide(DeviceRequest.AUTO, machine(gpu(0, "RTX 3060", 12, 8, 6)));
        DeviceChoice fallback = Devices.confirm(gpu, "auto", "CpuBackend");
        assertThat(fallback.device()).isEqualTo("cpu");
        assertThat(fallback.reason()).contains("CUDA backend did not start").contains("CpuBackend");
        assertThatThrownBy(() -> Devices.confirm(gpu, "gpu", "CpuBackend"))
                .hasMessageContaining("CUDA backend did not start");
        assertThat(Devices.confirm(gpu, "gpu", "JCublasBackend")).isSameAs(gpu);
    }

    @Test
    void missingLibrariesAreToldApart() {
        assertThat(CudaProbe.linkProblem(new UnsatisfiedLinkError("/tmp/x/libjnicudart.so: libcuda.so.1: cannot "
                + "open shared object file: No such file or directory"))).satisfies(r -> {
                    assertThat(r.problem()).isEqualTo(CudaReport.Problem.NO_DRIVER);
                    assertThat(r.problemDetail()).isEqualTo("libcuda.so.1: cannot open shared object file");
                });
        assertThat(CudaProbe.linkProblem(new UnsatisfiedLinkError("libjnicudart.so: libcudart.so.11.0: cannot open "
                + "shared object file")).problem()).isEqualTo(CudaReport.Problem.NO_RUNTIME);
        assertThat(CudaProbe.linkProblem(new UnsatisfiedLinkError("C:\\x\\jnicudart.dll: Can't find dependent "
                + "libraries (nvcuda.dll)")).problem()).isEqualTo(CudaReport.Problem.NO_DRIVER);
    }

    @Test
    void theCpuBuildAnswersWithoutAskingAnyDriver() {
        // This build has no CUDA backend on its class path.
        assertThat(CudaProbe.backendInBuild()).isFalse();
        assertThat(CudaProbe.probe()).isEqualTo(CudaReport.cpuBuild());
        assertThat(CudaProbe.freeBytes(0)).isEqualTo(-1);
    }
}
