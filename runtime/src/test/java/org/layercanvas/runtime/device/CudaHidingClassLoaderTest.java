package org.layercanvas.runtime.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CudaHidingClassLoaderTest {

    private static Path jarLikeFolder(Path dir, String provider) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("org.nd4j.linalg.factory.Nd4jBackend"), "# a licence header\n" + provider
                + "\n");
        return dir;
    }

    @Test
    void nd4jSeesTheCpuBackendOnlyAndCannotLoadTheCudaOne(@TempDir Path tmp) throws Exception {
        Path cpu = jarLikeFolder(tmp.resolve("nd4j-native"), "org.nd4j.linalg.cpu.nativecpu.CpuBackend");
        Path cuda = jarLikeFolder(tmp.resolve("nd4j-cuda"), CudaProbe.CUDA_BACKEND);
        try (URLClassLoader classpath = new URLClassLoader(new URL[] {cpu.toUri().toURL(), cuda.toUri().toURL()},
                getClass().getClassLoader())) {
            // the test's own class path has nd4j-native's file too
            int all = Collections.list(classpath.getResources(CudaHidingClassLoader.SERVICE_FILE)).size();
            assertThat(all).isGreaterThanOrEqualTo(2);

            CudaHidingClassLoader hiding = new CudaHidingClassLoader(classpath);
            List<String> listed = new ArrayList<>();
            for (URL url : Collections.list(hiding.getResources(CudaHidingClassLoader.SERVICE_FILE))) {
                try (InputStream in = url.openStream()) {
                    listed.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(listed).hasSize(all - 1).allSatisfy(text -> assertThat(text).doesNotContain("jcublas"))
                    .anySatisfy(text -> assertThat(text).contains("CpuBackend"));
            assertThat(hiding.getResource(CudaHidingClassLoader.SERVICE_FILE)).isNotNull();
            assertThatThrownBy(() -> hiding.loadClass(CudaProbe.CUDA_BACKEND))
                    .isInstanceOf(ClassNotFoundException.class).hasMessageContaining("CPU");
            // everything else still comes from the parent: the same classes, not copies
            assertThat(hiding.loadClass(DevicePolicy.class.getName())).isSameAs(DevicePolicy.class);
            assertThat(Collections.list(hiding.getResources("META-INF/services"))).isNotNull();
        }
    }
}
