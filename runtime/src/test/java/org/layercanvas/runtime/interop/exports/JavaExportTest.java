package org.layercanvas.runtime.interop.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layercanvas.model.Edge;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.runtime.compile.GraphCompiler;

/**
 * The Java program compiles with javax.tools against the runtime's test class path, and its
 * {@code buildConfiguration()} gives a network with the document's parameter count; for documents without
 * LayerCanvas's own layer classes, even the same configuration JSON as the runtime's compiler.
 */
class JavaExportTest {
    @TempDir
    Path dir;

    static Stream<Arguments> documents() throws Exception {
        List<Arguments> all = new ArrayList<>();
        for (String sample : ExportFixtures.SAMPLES) {
            all.add(Arguments.of(sample, ExportFixtures.sample(sample)));
        }
        NetworkDocument scheduled = ExportFixtures.sample("digits-mlp");
        scheduled = scheduled.withTraining(scheduled.training().withOptimizer(Optimizer.ADAMW).withWeightDecay(1e-4)
                .withGradientClip(1.0).withSchedule(new LrSchedule(LrSchedule.Type.COSINE, 1.0, 1)));
        all.add(Arguments.of("digits-mlp with adamw, cosine schedule and clipping", scheduled));
        all.add(Arguments.of("every-vector-layer", OnnxExportTest.vectorLayers()));
        all.add(Arguments.of("every-image-layer", OnnxExportTest.imageLayers()));
        all.add(Arguments.of("every-sequence-layer", OnnxExportTest.sequenceLayers()));
        all.add(Arguments.of("bidirectional-last-step", OnnxExportTest.bidirectionalLastStep()));
        all.add(Arguments.of("hard-sigmoid-lstms", OnnxExportTest.hardSigmoidLstms()));
        all.add(Arguments.of("self-attention", OnnxExportTest.graph(List.of(
                OnnxExportTest.node("in", LayerType.INPUT, "kind", "timeseries", "length", 4, "features", 8),
                OnnxExportTest.node("att", LayerType.SELF_ATTENTION, "heads", 2, "headSize", 4),
                OnnxExportTest.node("pool", LayerType.GLOBAL_AVG_POOL),
                OnnxExportTest.node("out", LayerType.OUTPUT, "units", 2)),
                List.of(Edge.of("in", "att"), Edge.of("att", "pool"), Edge.of("pool", "out")))));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void programCompilesAndBuildsTheDocumentsNetwork(String name, NetworkDocument doc) throws Exception {
        String source = new JavaProgramExporter().export(doc);
        String className = JavaProgramExporter.className(doc.metadata().title());
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        compile(file);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            ComputationGraphConfiguration conf = (ComputationGraphConfiguration) loader.loadClass(className)
                    .getMethod("buildConfiguration").invoke(null);
            String programJson = conf.toJson(); // before init, which records parameter names in the configuration
            ComputationGraph net = new ComputationGraph(conf);
            net.init();
            long expected = new ShapeInference(LayerCatalog.standard()).analyze(doc).totalParams();
            assertThat(net.numParams()).isEqualTo(expected);
            ComputationGraphConfiguration compiled =
                    new GraphCompiler(LayerCatalog.standard()).compile(doc).configuration();
            // as trees: the order of a few JSON maps depends on hashing, not on the configuration
            if (doc.nodes().stream().anyMatch(n -> n.type() == LayerType.LAYER_NORM
                    || n.type() == LayerType.SELF_ATTENTION || bidirectionalLastStep(n))) {
                // the program's own LayerNorm/Attention classes have other names than the runtime's; a bidirectional
                // last step is the runtime's own wrapper there, DL4J vertices in the program
                return;
            }
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            assertThat(json.readTree(programJson).equals(json.readTree(compiled.toJson())))
                    .as("the program's configuration equals the compiler's").isTrue();
        }
    }

    private static boolean bidirectionalLastStep(org.layercanvas.model.Node n) {
        return n.type() == LayerType.LSTM && Boolean.TRUE.equals(n.params().get("bidirectional"))
                && !Boolean.TRUE.equals(n.params().get("returnSequences"));
    }

    /**
     * The program builds a bidirectional last step from DL4J's vertices, the runtime from its own wrapper layer: with
     * the same weights both answer the same.
     */
    @org.junit.jupiter.api.Test
    void bidirectionalLastStepAnswersAsTheCompiledNetwork() throws Exception {
        NetworkDocument doc = OnnxExportTest.bidirectionalLastStep();
        String className = JavaProgramExporter.className(doc.metadata().title());
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, new JavaProgramExporter().export(doc), StandardCharsets.UTF_8);
        compile(file);
        ComputationGraph compiled = Exporters.initialised(doc);
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(11);
        compiled.setParams(org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1,
                compiled.numParams()).subi(0.5));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            ComputationGraph program = new ComputationGraph((ComputationGraphConfiguration) loader
                    .loadClass(className).getMethod("buildConfiguration").invoke(null));
            program.init();
            for (org.deeplearning4j.nn.api.Layer layer : compiled.getLayers()) {
                String name = layer.conf().getLayer().getLayerName();
                var twin = program.getLayer(name.equals("bi") ? "bi-steps" : name);
                assertThat(twin.numParams()).as(name).isEqualTo(layer.numParams());
                twin.setParams(layer.params().dup());
            }
            var x = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 3, 6).subi(0.5);
            var expected = compiled.outputSingle(x);
            assertThat(program.outputSingle(x).sub(expected).amaxNumber().doubleValue()).isLessThan(1e-6);
            assertThat(expected.amaxNumber().doubleValue()).isGreaterThan(0.01);
        }
    }

    /** Learned positions are LayerCanvas's own DL4J layer: the Java program would silently lack them. */
    @org.junit.jupiter.api.Test
    void learnedPositionsAreRefusedNamingTheEmbedding() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JavaProgramExporter()
                        .export(ExportFixtures.sample("transformer-block")))
                .isInstanceOf(ExportException.class).hasMessageStartingWith("embed: learned positions");
    }

    /** The program's main trains from a CSV file in its own JVM and saves the model where it runs. */
    @org.junit.jupiter.api.Test
    void programTrainsFromACsvFile() throws Exception {
        NetworkDocument doc = ExportFixtures.sample("digits-mlp");
        String className = JavaProgramExporter.className(doc.metadata().title());
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, new JavaProgramExporter().export(doc), StandardCharsets.UTF_8);
        compile(file);
        StringBuilder csv = new StringBuilder();
        for (int k = 0; k < 64; k++) {
            csv.append('p').append(k).append(',');
        }
        csv.append("digit\n");
        java.util.Random random = new java.util.Random(3);
        for (int row = 0; row < 50; row++) {
            for (int k = 0; k < 64; k++) {
                csv.append(random.nextInt(17)).append(',');
            }
            csv.append(random.nextInt(10)).append('\n');
        }
        Files.writeString(dir.resolve("digits.csv"), csv.toString(), StandardCharsets.UTF_8);
        String classPath = dir + File.pathSeparator
                + System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classPath, className, "digits.csv", "2").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("epoch 2/2");
        assertThat(dir.resolve(className + ".zip")).exists();
    }

    private void compile(Path file) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-classpath", classPath, "-d",
                    dir.toString(), "-proc:none"), null, files.getJavaFileObjects(file.toFile())).call();
            assertThat(ok).as("%s%n%s", diagnostics.getDiagnostics(), Files.readString(file)).isTrue();
        }
        assertThat(new File(dir.toFile(), file.getFileName().toString().replace(".java", ".class"))).exists();
    }
}
