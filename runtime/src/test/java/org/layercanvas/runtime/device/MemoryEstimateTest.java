package org.layercanvas.runtime.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.samples.Samples;

class MemoryEstimateTest {
    private static NetworkDocument sample(String name) throws Exception {
        return DocumentJson.read(Samples.text(name).orElseThrow(), name);
    }

    private static Analysis analyze(NetworkDocument doc) {
        return new ShapeInference(LayerCatalog.standard()).analyze(doc);
    }

    @Test
    void theParametersCountedAreDl4jsForEverySample() throws Exception {
        for (String name : Samples.names()) {
            NetworkDocument doc = sample(name);
            MemoryEstimate estimate = MemoryEstimate.of(doc, analyze(doc), false);
            ComputationGraph graph = new ComputationGraph(
                    new GraphCompiler(LayerCatalog.standard()).compile(doc).configuration());
            graph.init();
            assertThat(estimate.parameters()).as(name).isEqualTo(graph.numParams());
            assertThat(estimate.parameterBytes()).isEqualTo(4 * graph.numParams());
            assertThat(estimate.gradientBytes()).isEqualTo(estimate.parameterBytes());
            assertThat(estimate.totalBytes()).isGreaterThan(estimate.parameterBytes() * 2);
        }
    }

    @Test
    void theOptimizerStateFollowsTheOptimizer() throws Exception {
        NetworkDocument doc = sample("digits-mlp");
        Analysis analysis = analyze(doc);
        long p = 4 * analysis.totalParams();
        assertThat(MemoryEstimate.of(withOptimizer(doc, Optimizer.ADAM), analysis, false).optimizerBytes())
                .isEqualTo(2 * p);
        assertThat(MemoryEstimate.of(withOptimizer(doc, Optimizer.NESTEROV), analysis, false).optimizerBytes())
                .isEqualTo(p);
        assertThat(MemoryEstimate.of(withOptimizer(doc, Optimizer.SGD), analysis, false).optimizerBytes()).isZero();
        // a GPU adds the CUDA context to the fixed part
        assertThat(MemoryEstimate.of(doc, analysis, true).overheadBytes())
                .isGreaterThan(MemoryEstimate.of(doc, analysis, false).overheadBytes());
    }

    private static NetworkDocument withOptimizer(NetworkDocument doc, Optimizer o) {
        return doc.withTraining(doc.training().withOptimizer(o));
    }

    @Test
    void activationsGrowWithTheBatch() throws Exception {
        NetworkDocument doc = sample("cifar10-cnn");
        Analysis analysis = analyze(doc);
        MemoryEstimate small = MemoryEstimate.of(doc.withTraining(doc.training().withBatchSize(16)), analysis, false);
        MemoryEstimate large = MemoryEstimate.of(doc.withTraining(doc.training().withBatchSize(256)), analysis, false);
        assertThat(large.activationBytes()).isEqualTo(16 * small.activationBytes());
        assertThat(large.parameterBytes()).isEqualTo(small.parameterBytes());
    }

    @Test
    void aNetworkOfTwentyBillionParametersIsRefusedWithNumbersAndAdvice() {
        NetworkDocument doc = wideNetwork(6, 65_536, 32);
        Analysis analysis = analyze(doc);
        assertThat(analysis.hasErrors()).isFalse();
        assertThat(analysis.totalParams()).isGreaterThan(20_000_000_000L);
        MemoryEstimate estimate = MemoryEstimate.of(doc, analysis, false);
        MemoryBudget budget = new MemoryBudget(8_000_000_000L, "8 GB of test memory");
        assertThat(budget.fit(estimate)).isEqualTo(MemoryBudget.Fit.TOO_BIG);
        assertThat(budget.refusal(estimate)).contains("344.0 GB").contains("8 GB of test memory")
                .contains("Parameters 85.9 GB").contains("Make the largest layers smaller")
                .contains("4,295,032,832 parameters");
    }

    @Test
    void whenTheBatchTakesTheMemoryTheAdviceIsASmallerBatch() {
        NetworkDocument doc = wideNetwork(2, 4096, 65_536);
        MemoryEstimate estimate = MemoryEstimate.of(doc, analyze(doc), false);
        assertThat(estimate.activationBytes()).isGreaterThan(estimate.totalBytes() / 2);
        MemoryBudget budget = new MemoryBudget(estimate.totalBytes() / 3, "a third");
        assertThat(budget.refusal(estimate)).contains("Lower the batch size from 65536 to 8192 or less");
    }

    @Test
    void tightAndComfortableBudgetsAreToldApart() throws Exception {
        NetworkDocument doc = sample("digits-mlp");
        MemoryEstimate estimate = MemoryEstimate.of(doc, analyze(doc), false);
        assertThat(new MemoryBudget(estimate.totalBytes() * 10, "plenty").fit(estimate))
                .isEqualTo(MemoryBudget.Fit.FITS);
        assertThat(new MemoryBudget((long) (estimate.totalBytes() * 1.2), "a little").describe(estimate))
                .contains("may run out of memory");
        assertThat(new MemoryBudget(-1, "unknown").fit(estimate)).isEqualTo(MemoryBudget.Fit.UNKNOWN);
        assertThat(MemoryBudget.cpu().availableBytes()).isPositive();
    }

    /**
     * A real run: the off-heap memory ND4J holds while training a network whose parameters dominate (17 M of them,
     * Adam) stays within the estimate, and the estimate is not wildly above it.
     */
    @Test
    void aMeasuredRunStaysWithinTheEstimate() throws Exception {
        NetworkDocument doc = sample("digits-mlp");
        doc = wideFrom(doc, 2, 4096).withTraining(doc.training().withEpochs(1));
        MemoryEstimate estimate = MemoryEstimate.of(doc, analyze(doc), false);
        // ND4J keeps its arrays outside JavaCPP's own count, so the measure is the resident memory of a fresh
        // JVM that trains the document (see MeasuredRun).
        Path file = Files.createTempFile("memory-estimate", ".lcnet");
        Files.writeString(file, DocumentJson.write(doc));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), MeasuredRun.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        Files.delete(file);
        long measured = Long.parseLong(output.replaceFirst("(?s).*grown=(\\d+).*", "$1"));
        long estimatedArrays = estimate.totalBytes() - estimate.overheadBytes();
        System.out.printf(Locale.ROOT, "memory: measured %,d bytes more resident, estimated %,d (+ %,d backend)%n",
                measured, estimatedArrays, estimate.overheadBytes());
        assertThat(measured).isPositive();
        assertThat(estimate.totalBytes()).isGreaterThanOrEqualTo(measured);
        assertThat(estimatedArrays).isLessThan(3 * measured);
    }

    /** The digits sample's 64-value input, then {@code layers} Dense layers of {@code units}, then its output. */
    private static NetworkDocument wideNetwork(int layers, int units, int batch) {
        try {
            NetworkDocument doc = wideFrom(sample("digits-mlp"), layers, units);
            return doc.withTraining(doc.training().withBatchSize(batch));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static NetworkDocument wideFrom(NetworkDocument digits, int layers, int units) throws Exception {
        StringBuilder nodes = new StringBuilder();
        StringBuilder edges = new StringBuilder();
        String previous = "pixels";
        for (int i = 1; i <= layers; i++) {
            nodes.append(String.format(Locale.ROOT, "{\"id\": \"wide%d\", \"type\": \"Dense\", \"params\": "
                    + "{\"units\": %d, \"activation\": \"relu\"}, \"position\": {\"x\": 0, \"y\": %d}},", i, units,
                    100 * i));
            edges.append(String.format(Locale.ROOT, "{\"from\": {\"node\": \"%s\", \"port\": \"out\"}, \"to\": "
                    + "{\"node\": \"wide%d\", \"port\": \"in\"}},", previous, i));
            previous = "wide" + i;
        }
        String text = "{\"formatVersion\": 1, \"metadata\": {\"title\": \"wide\"}, \"nodes\": ["
                + "{\"id\": \"pixels\", \"type\": \"Input\", \"params\": {\"kind\": \"vector\", \"size\": 64}, "
                + "\"position\": {\"x\": 0, \"y\": 0}}," + nodes
                + "{\"id\": \"out\", \"type\": \"Output\", \"params\": {\"units\": 10, \"loss\": \"softmax_ce\"}, "
                + "\"position\": {\"x\": 0, \"y\": 1000}}], \"edges\": [" + edges
                + "{\"from\": {\"node\": \"" + previous + "\", \"port\": \"out\"}, \"to\": {\"node\": \"out\", "
                + "\"port\": \"in\"}}]}";
        return DocumentJson.read(text, "wide").withDataset(digits.dataset()).withTraining(digits.training());
    }
}
