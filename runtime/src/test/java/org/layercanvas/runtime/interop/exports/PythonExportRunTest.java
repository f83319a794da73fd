package org.layercanvas.runtime.interop.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.ShapeInference;

/**
 * The exported Keras and PyTorch programs, run: Keras 3 builds each sample with the document's parameter count and
 * trains the small ones until the loss falls; PyTorch trains under the real {@code torchrun} launcher with two
 * processes. The Pythons come from {@code LAYERCANVAS_KERAS_PYTHON} and {@code LAYERCANVAS_TORCH_PYTHON}, else from
 * the venvs {@code .ci/run} prepares under {@code ~/.cache/layercanvas-ci/venvs}; without them the tests are skipped
 * and say why.
 */
class PythonExportRunTest {
    private static final Path VENVS = Path.of(System.getProperty("user.home"), ".cache", "layercanvas-ci", "venvs");
    static final Python KERAS = Python.find("LAYERCANVAS_KERAS_PYTHON", VENVS.resolve("keras"), "keras");
    static final Python TORCH = Python.find("LAYERCANVAS_TORCH_PYTHON", VENVS.resolve("torch"), "torch");
    private static final Pattern KERAS_LOSS = Pattern.compile("(?m)^\\d+/\\d+ - .*? - loss: ([0-9.eE+-]+)");
    private static final Pattern TORCH_LOSS = Pattern.compile("epoch \\d+/\\d+ +loss ([0-9.eE+-]+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"xor-2d", "digits-mlp", "cifar10-cnn-keras", "fashion-cnn", "sentiment-lstm-keras",
            "transformer-block", "resnet-mini"})
    void kerasProgramBuildsTheDocumentsParameterCount(String sample) throws Exception {
        assumeTrue(KERAS.present(), KERAS.reason());
        NetworkDocument doc = ExportFixtures.sample(sample);
        Path file = write(new KerasProgramExporter().export(doc));
        assertThat(parameters(KERAS.run(dir, file.toString(), "--summary"))).isEqualTo(totalParams(doc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xor-2d", "digits-mlp"})
    void kerasProgramTrainsAndItsLossFalls(String sample) throws Exception {
        assumeTrue(KERAS.present(), KERAS.reason());
        NetworkDocument doc = ExportFixtures.sample(sample);
        Path file = write(new KerasProgramExporter().export(doc));
        Path csv = learnableCsv(doc, dir.resolve("data.csv"));
        String out = KERAS.run(dir, file.toString(), "--data", csv.toString(), "--epochs", "20");
        assertFalls(losses(KERAS_LOSS, out), 20, out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"transformer-block", "sentiment-lstm-keras", "fashion-cnn"})
    void pytorchProgramBuildsTheDocumentsParameterCount(String sample) throws Exception {
        assumeTrue(TORCH.present(), TORCH.reason());
        NetworkDocument doc = ExportFixtures.sample(sample);
        Path file = write(new PyTorchExporter().export(doc));
        assertThat(parameters(TORCH.run(dir, file.toString(), "--summary"))).isEqualTo(totalParams(doc));
    }

    /** Both processes train (each reports its share), rank 0 reports the loss over both, and it falls. */
    @ParameterizedTest
    @ValueSource(strings = {"xor-2d", "digits-mlp"})
    void pytorchProgramTrainsUnderTorchrunWithTwoProcesses(String sample) throws Exception {
        assumeTrue(TORCH.present(), TORCH.reason());
        Path torchrun = TORCH.executable().resolveSibling("torchrun");
        assumeTrue(Files.isExecutable(torchrun), "no torchrun next to " + TORCH.executable());
        NetworkDocument doc = ExportFixtures.sample(sample);
        Path file = write(new PyTorchExporter().export(doc));
        Path csv = learnableCsv(doc, dir.resolve("data.csv"));
        String out = TORCH.exec(dir, List.of(torchrun.toString(), "--standalone", "--nproc_per_node=2",
                file.toString(), "--data", csv.toString(), "--epochs", "20"));
        assertThat(out).contains("process 0 of 2: trained on", "process 1 of 2: trained on");
        assertFalls(losses(TORCH_LOSS, out), 20, out);
        assertThat(dir.resolve("model.pt")).exists();
    }

    private Path write(String program) throws IOException {
        Path file = dir.resolve("net.py");
        Files.writeString(file, program, StandardCharsets.UTF_8);
        return file;
    }

    private static long totalParams(NetworkDocument doc) {
        return new ShapeInference(LayerCatalog.standard()).analyze(doc).totalParams();
    }

    private static long parameters(String out) {
        Matcher m = Pattern.compile("(?m)^parameters (\\d+)$").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<Double> losses(Pattern pattern, String out) {
        List<Double> all = new ArrayList<>();
        Matcher m = pattern.matcher(out);
        while (m.find()) {
            all.add(Double.parseDouble(m.group(1)));
        }
        return all;
    }

    /** One loss an epoch, and the last epoch's at most 80 % of the first's. */
    private static void assertFalls(List<Double> losses, int epochs, String out) {
        assertThat(losses).as(out).hasSize(epochs);
        assertThat(losses.get(epochs - 1)).as(out).isLessThan(0.8 * losses.get(0));
    }

    /**
     * 400 examples with a label the network can learn, features in [-1, 1]: for one sigmoid unit the XOR of the first
     * two features' signs, for classes the index of the largest of the first CLASSES features.
     */
    static Path learnableCsv(NetworkDocument doc, Path csv) throws IOException {
        int features = (int) new ShapeInference(LayerCatalog.standard()).analyze(doc).inputShape(doc).orElseThrow()
                .size();
        var output = doc.nodes().stream().filter(n -> n.type() == LayerType.OUTPUT).findFirst().orElseThrow();
        int units = ((Number) LayerCatalog.standard().resolve(output).get("units")).intValue();
        Random random = new Random(7);
        StringBuilder b = new StringBuilder();
        for (int k = 1; k <= features; k++) {
            b.append('f').append(k).append(',');
        }
        b.append("label\n");
        double[] row = new double[features];
        for (int example = 0; example < 400; example++) {
            int best = 0;
            for (int k = 0; k < features; k++) {
                row[k] = random.nextDouble() * 2 - 1;
                b.append(String.format(Locale.ROOT, "%.4f,", row[k]));
                best = k < units && row[k] > row[best] ? k : best;
            }
            int label = units == 1 ? ((row[0] > 0) != (row[1] > 0) ? 1 : 0) : best;
            b.append(label).append('\n');
        }
        Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
        return csv;
    }

    /** A Python that can import {@code module}, or why there is none. */
    record Python(Path executable, String reason) {
        boolean present() {
            return executable != null;
        }

        /** {@code python} if it can import {@code module}. */
        static Python system(Path python, String module) {
            if (!Files.isExecutable(python)) {
                return new Python(null, python + " does not exist: the " + module + " program is not run");
            }
            return importing(python, module, python.toString());
        }

        static Python find(String variable, Path venv, String module) {
            String named = System.getenv(variable);
            Path candidate = named != null && !named.isBlank() ? Path.of(named) : venv.resolve("bin").resolve("python");
            String where = named != null && !named.isBlank() ? variable + "=" + named
                    : variable + " is not set and " + candidate;
            if (!Files.isExecutable(candidate)) {
                return new Python(null, where + " does not exist: the " + module + " program is not run");
            }
            return importing(candidate, module, where);
        }

        private static Python importing(Path candidate, String module, String where) {
            try {
                new Python(candidate, "").exec(null, List.of(candidate.toString(), "-c", "import " + module));
                return new Python(candidate, "");
            } catch (AssertionError | Exception e) {
                return new Python(null, where + " cannot import " + module + ": the program is not run");
            }
        }

        String run(Path workingDir, String... arguments) throws Exception {
            List<String> command = new ArrayList<>(List.of(executable.toString()));
            command.addAll(List.of(arguments));
            return exec(workingDir, command);
        }

        /** Runs {@code command} (its output joined), Keras on JAX unless KERAS_BACKEND says otherwise. */
        String exec(Path workingDir, List<String> command) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (workingDir != null) {
                builder.directory(workingDir.toFile());
            }
            Map<String, String> env = new HashMap<>(Map.of("OMP_NUM_THREADS", "1", "KERAS_BACKEND", "jax"));
            env.putAll(builder.environment());
            builder.environment().putAll(env);
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        }
    }
}
