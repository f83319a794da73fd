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
                .contains("batch 16").contains("350 training examples");
        assertThat(run.out()).contains("LayerCanvas: ");
        JsonNode result = new ObjectMapper().readTree(run.lastOutLine());
        assertThat(result.get("samplesPerSecond").asDouble()).isPositive().isFinite();
        assertThat(result.get("epochs").asInt()).isEqualTo(1);
        assertThat(result.get("trainExamples").asInt()).isEqualTo(350);
        assertThat(result.has("ratio")).isFalse();
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
