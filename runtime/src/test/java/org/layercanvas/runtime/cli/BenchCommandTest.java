package org.layercanvas.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.cli.LayerCanvasCliTest.cli;
import static org.layercanvas.runtime.cli.LayerCanvasCliTest.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.layercanvas.runtime.cli.LayerCanvasCliTest.Run;

/** {@code layercanvas bench}. */
class BenchCommandTest {

    @Test
    void measuresThroughput() throws Exception {
        Run run = cli("bench", "sample:xor-2d", "--epochs", "1", "--warmup", "0", "--repeat", "1", "--json");
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.outLines().get(0)).startsWith("benchmark: 1 epoch(s) after 0 warm-up epoch(s), 1 repetition(s)")
                .contains("batch 16").contains("350 training examples").contains("1 thread(s)");
        assertThat(run.out()).contains("LayerCanvas (plan): ").contains("engine: compiled training plan");
        assertThat(run.outLines()).anyMatch(l -> l.matches("  per minibatch [\\d,]+ µs: waiting for data \\d+, input \\d+,"
                + " forward \\d+, backward \\d+, update \\d+, events \\d+, other -?\\d+"));
        JsonNode result = new ObjectMapper().readTree(run.lastOutLine());
        assertThat(result.get("samplesPerSecond").asDouble()).isPositive().isFinite();
        assertThat(result.get("engine").asText()).isEqualTo("plan");
        JsonNode parts = result.get("microsecondsPerMinibatch");
        double sum = parts.get("data").asDouble() + parts.get("input").asDouble() + parts.get("forward").asDouble()
                + parts.get("backward").asDouble() + parts.get("update").asDouble() + parts.get("events").asDouble();
        assertThat(sum).isPositive().isLessThanOrEqualTo(parts.get("total").asDouble());
        assertThat(result.get("epochs").asInt()).isEqualTo(1);
        assertThat(result.get("trainExamples").asInt()).isEqualTo(350);
        assertThat(result.has("ratio")).isFalse();
    }

    @Test
    void bothEnginesAreMeasuredWithTheirRatio() throws Exception {
        Run run = cli("bench", "sample:xor-2d", "--epochs", "1", "--warmup", "0", "--repeat", "1", "--engine", "both",
                "--json");
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.out()).contains("LayerCanvas (plan): ").contains("LayerCanvas (dl4j): ")
                .contains("DL4J fit (forward, backward, update)");
        JsonNode result = new ObjectMapper().readTree(run.lastOutLine());
        assertThat(result.get("planOverDl4j").asDouble()).isCloseTo(result.get("samplesPerSecond").asDouble()
                / result.get("dl4j").get("samplesPerSecond").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aStreamedDatasetIsMeasuredToo() throws Exception {
        // The sentiment sample's text is tokenised per batch (not one block in memory); bench used to refuse it.
        Run run = cli("bench", "sample:sentiment-lstm", "--epochs", "1", "--warmup", "0", "--repeat", "1",
                "--kernels", "--json");
        assertThat(run.exit()).as("%s", run).isZero();
        JsonNode result = new ObjectMapper().readTree(run.lastOutLine());
        assertThat(result.get("samplesPerSecond").asDouble()).isPositive().isFinite();
        assertThat(result.get("trainExamples").asInt()).isPositive();
    }

    @Test
    void kernelsAreListedWithTheirTimes() throws Exception {
        Run run = cli("bench", "sample:digits-mlp", "--epochs", "1", "--warmup", "0", "--repeat", "1", "--engine",
                "plan", "--kernels");
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.outLines()).anyMatch(l -> l.matches("    forward  [\\d,.]+ µs  hidden matmul"))
                .anyMatch(l -> l.matches("    backward  [\\d,.]+ µs  hidden relu_bp"))
                .anyMatch(l -> l.matches("    update  [\\d,.]+ µs  1 updater block\\(s\\)"));
    }

    @Test
    void anUnknownEngineIsRefused() {
        Run run = cli("bench", "sample:xor-2d", "--engine", "fast");
        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.errLines().get(0)).startsWith("error: --engine").contains("fast");
    }

    @Test
    void baselineComparisonPrintsARatio() throws Exception {
        Run run = cli("bench", "sample:digits-mlp", "--epochs", "1", "--warmup", "0", "--repeat", "1", "--baseline",
                "--json");
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.out()).contains("hand-written DL4J: ");
        assertThat(run.outLines()).anyMatch(l -> l.matches("LayerCanvas / hand-written DL4J: \\d+\\.\\d{3} \\(.*\\)"));
        JsonNode result = new ObjectMapper().readTree(run.lastOutLine());
        double ratio = result.get("ratio").asDouble();
        assertThat(ratio).isPositive().isFinite();
        assertThat(ratio).isCloseTo(result.get("samplesPerSecond").asDouble()
                / result.get("baselineSamplesPerSecond").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void badCountsAreRefused() {
        Run run = cli("bench", "sample:xor-2d", "--repeat", "0");
        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.errLines().get(0)).startsWith("error: ");
    }

    @Test
    void negativeWarmupIsRefusedNamingTheOption() {
        Run run = cli("bench", "sample:xor-2d", "--warmup", "-1");
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.errLines()).hasSize(1);
        // the message must name the offending option and value, not "--epochs/--repeat ... not 3"
        assertThat(run.errLines().get(0)).startsWith("error: --warmup").contains("-1");
    }

    @Test
    void invalidNetworkExitsTwo() {
        Run run = cli("bench", fixture("invalid-network.lcnet").toString(), "--epochs", "1", "--repeat", "1");
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.INVALID);
        assertThat(run.errLines()).hasSize(2).allMatch(l -> l.startsWith("error: "));
    }
}
