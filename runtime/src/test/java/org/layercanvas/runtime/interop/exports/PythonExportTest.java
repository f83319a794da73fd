package org.layercanvas.runtime.interop.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.ShapeInference;

/**
 * The Keras and PyTorch programs: their layer lines (order, classes, sizes) against golden files, and where
 * PyTorch is installed the PyTorch program itself, built and run on zeros by {@code --summary}.
 */
class PythonExportTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static Boolean torchPresent;

    @TempDir
    Path dir;

    static List<String> samples() {
        return ExportFixtures.SAMPLES;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void kerasProgramLayersMatchTheGoldenFile(String sample) throws Exception {
        String program = new KerasProgramExporter().export(ExportFixtures.sample(sample));
        String layers = ExportFixtures.between(program, "def build_model", "def ");
        assertThat(layers).isEqualTo(ExportFixtures.golden(sample + ".keras-layers.txt", layers));
        assertThat(program).contains("model.fit(", "def load_data(");
        assumeTrue(pythonPresent(), PYTHON + " is not installed: the program is only compared as text");
        Path file = dir.resolve(sample.replace('-', '_') + ".py");
        Files.writeString(file, program, StandardCharsets.UTF_8);
        run(PYTHON, "-m", "py_compile", file.toString()); // Keras is not needed to check the syntax
    }

    @ParameterizedTest
    @MethodSource("samples")
    void pytorchProgramLayersMatchTheGoldenFile(String sample) throws Exception {
        String program = new PyTorchExporter().export(ExportFixtures.sample(sample));
        String layers = ExportFixtures.between(program, "class Network", "    def predict");
        assertThat(layers).isEqualTo(ExportFixtures.golden(sample + ".pytorch-layers.txt", layers));
        assertThat(program).contains("DistributedDataParallel", "DistributedSampler", "WORLD_SIZE");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void pytorchProgramBuildsTheNetworkWithTheDocumentsParameterCount(String sample) throws Exception {
        assumeTrue(torchPresent(), "PyTorch is not installed for " + PYTHON + ": the program is only parsed");
        NetworkDocument doc = ExportFixtures.sample(sample);
        Path file = dir.resolve(sample.replace('-', '_') + ".py");
        Files.writeString(file, new PyTorchExporter().export(doc), StandardCharsets.UTF_8);
        String out = run(PYTHON, file.toString(), "--summary");
        Matcher m = Pattern.compile("(?m)^parameters (\\d+)$").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long expected = new ShapeInference(LayerCatalog.standard()).analyze(doc).totalParams();
        assertThat(Long.parseLong(m.group(1))).as(out).isEqualTo(expected);
        int units = ((Number) LayerCatalog.standard().resolve(doc.nodes().stream()
                .filter(n -> n.type() == org.layercanvas.model.layers.LayerType.OUTPUT).findFirst().orElseThrow())
                .get("units")).intValue();
        assertThat(out).contains("output (" + units + ",)");
    }

    @Test
    void kerasJsonIsAFunctionalModelWithInboundNodes() throws Exception {
        String json = new KerasJsonExporter().export(ExportFixtures.sample("resnet-mini"));
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(root.get("class_name").asText()).isEqualTo("Model");
        var layers = root.get("config").get("layers");
        assertThat(layers.get(0).get("class_name").asText()).isEqualTo("InputLayer");
        assertThat(layers.get(0).get("config").get("batch_input_shape").toString()).isEqualTo("[null,8,8,1]");
        var add = java.util.stream.StreamSupport.stream(layers.spliterator(), false)
                .filter(l -> l.get("class_name").asText().equals("Add")).findFirst().orElseThrow();
        assertThat(add.get("inbound_nodes").get(0)).hasSize(2);
    }

    private static boolean pythonPresent() {
        return Files.isExecutable(Path.of(PYTHON));
    }

    private static synchronized boolean torchPresent() {
        if (torchPresent == null) {
            try {
                Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                torchPresent = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                torchPresent = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                torchPresent = false;
            }
        }
        return torchPresent;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
