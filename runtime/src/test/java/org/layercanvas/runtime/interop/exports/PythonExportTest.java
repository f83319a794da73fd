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
    /** The CI venv's torch (or LAYERCANVAS_TORCH_PYTHON's), else Debian's python3-torch. */
    private static final PythonExportRunTest.Python TORCH = PythonExportRunTest.TORCH.present()
            ? PythonExportRunTest.TORCH
            : PythonExportRunTest.Python.system(Path.of(PYTHON), "torch");

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

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> networks() throws Exception {
        List<org.junit.jupiter.params.provider.Arguments> all = new java.util.ArrayList<>();
        for (String sample : ExportFixtures.SAMPLES) {
            all.add(org.junit.jupiter.params.provider.Arguments.of(sample, ExportFixtures.sample(sample)));
        }
        all.add(org.junit.jupiter.params.provider.Arguments.of("every-vector-layer", OnnxExportTest.vectorLayers()));
        all.add(org.junit.jupiter.params.provider.Arguments.of("every-image-layer", OnnxExportTest.imageLayers()));
        all.add(org.junit.jupiter.params.provider.Arguments.of("every-sequence-layer",
                OnnxExportTest.sequenceLayers()));
        all.add(org.junit.jupiter.params.provider.Arguments.of("self-attention", OnnxExportTest.attention()));
        all.add(org.junit.jupiter.params.provider.Arguments.of("bidirectional-last-step",
                OnnxExportTest.bidirectionalLastStep()));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void pytorchProgramBuildsTheNetworkWithTheDocumentsParameterCount(String sample, NetworkDocument doc)
            throws Exception {
        assumeTrue(TORCH.present(), TORCH.reason() + " (" + PythonExportRunTest.TORCH.reason() + ")");
        Path file = dir.resolve(sample.replace('-', '_') + ".py");
        Files.writeString(file, new PyTorchExporter().export(doc), StandardCharsets.UTF_8);
        String out = TORCH.run(dir, file.toString(), "--summary");
        Matcher m = Pattern.compile("(?m)^parameters (\\d+)$").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long expected = new ShapeInference(LayerCatalog.standard()).analyze(doc).totalParams();
        assertThat(Long.parseLong(m.group(1))).as(out).isEqualTo(expected);
        int units = ((Number) LayerCatalog.standard().resolve(doc.nodes().stream()
                .filter(n -> n.type() == org.layercanvas.model.layers.LayerType.OUTPUT).findFirst().orElseThrow())
                .get("units")).intValue();
        assertThat(out).contains("output (" + units + ",)");
    }

    /**
     * The PyTorch program trains from a CSV in one process, and data-parallel in two processes started as torchrun
     * starts them (Gloo on this CPU-only machine): DistributedDataParallel and DistributedSampler really run.
     */
    @ParameterizedTest
    @MethodSource("trainable")
    void pytorchProgramTrainsAloneAndUnderTorchrun(String sample) throws Exception {
        assumeTrue(TORCH.present(), TORCH.reason() + " (" + PythonExportRunTest.TORCH.reason() + ")");
        NetworkDocument doc = ExportFixtures.sample(sample);
        Path file = dir.resolve("net.py");
        Files.writeString(file, new PyTorchExporter().export(doc), StandardCharsets.UTF_8);
        Path csv = dir.resolve("data.csv");
        writeCsv(doc, csv);
        String single = TORCH.run(dir, file.toString(), "--data", csv.toString(), "--epochs", "2");
        assertThat(single).contains("epoch 2/2");
        Files.delete(dir.resolve("model.pt"));
        String parallel = torchrun(dir, 2, file.toString(), "--data", csv.toString(), "--epochs", "2");
        assertThat(parallel).contains("epoch 2/2");
        assertThat(parallel.split("epoch 2/2", -1)).as("only rank 0 reports").hasSize(2);
        assertThat(dir.resolve("model.pt")).exists();
    }

    /**
     * Starts {@code processes} copies of a program with the environment torchrun gives each worker (WORLD_SIZE, RANK,
     * LOCAL_RANK, MASTER_ADDR, MASTER_PORT); returns their joined output. Not torchrun itself: Debian's torch 1.13
     * launcher fails on Python 3.11 before starting any worker ("'NoneType' object has no attribute 'get'" in
     * torch.distributed.elastic's to_map), which says nothing about the program.
     */
    private static String torchrun(Path workingDir, int processes, String... program) throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<Process> started = new java.util.ArrayList<>();
        for (int rank = 0; rank < processes; rank++) {
            List<String> command = new java.util.ArrayList<>(List.of(TORCH.executable().toString()));
            command.addAll(List.of(program));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .directory(workingDir.toFile());
            builder.environment().putAll(java.util.Map.of("WORLD_SIZE", Integer.toString(processes),
                    "RANK", Integer.toString(rank), "LOCAL_RANK", Integer.toString(rank),
                    "MASTER_ADDR", "127.0.0.1", "MASTER_PORT", Integer.toString(port), "OMP_NUM_THREADS", "1"));
            started.add(builder.start());
        }
        StringBuilder out = new StringBuilder();
        for (Process p : started) {
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(text).isZero();
            out.append(text);
        }
        return out.toString();
    }

    static List<String> trainable() {
        return List.of("xor-2d", "digits-mlp");
    }

    /** 60 random examples: the Input's features, then a label the Output can take. */
    private static void writeCsv(NetworkDocument doc, Path csv) throws IOException {
        var analysis = new ShapeInference(LayerCatalog.standard()).analyze(doc);
        int features = (int) analysis.inputShape(doc).orElseThrow().size();
        var output = doc.nodes().stream().filter(n -> n.type() == org.layercanvas.model.layers.LayerType.OUTPUT)
                .findFirst().orElseThrow();
        int units = ((Number) LayerCatalog.standard().resolve(output).get("units")).intValue();
        java.util.Random random = new java.util.Random(1);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k <= features; k++) {
            b.append(k == 0 ? "" : ",").append(k == features ? "label" : "f" + k);
        }
        b.append('\n');
        for (int row = 0; row < 60; row++) {
            for (int k = 0; k < features; k++) {
                b.append(String.format(java.util.Locale.ROOT, "%.3f,", random.nextDouble()));
            }
            b.append(random.nextInt(Math.max(units, 2))).append('\n');
        }
        Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
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

    private static String run(String... command) throws Exception {
        return run(null, command);
    }

    private static String run(Path workingDir, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
