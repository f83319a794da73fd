package org.layercanvas.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.cli.LayerCanvasCliTest.cli;
import static org.layercanvas.runtime.cli.LayerCanvasCliTest.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.layercanvas.runtime.cli.LayerCanvasCliTest.Run;

/** {@code layercanvas check}. */
class CheckCommandTest {

    @ParameterizedTest
    @CsvSource({"xor-2d, 105", "digits-mlp, 9610"})
    void samplesAreValidAndEveryNodeIsListed(String sample, long total) {
        Run run = cli("check", "sample:" + sample);
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines().get(0)).startsWith("Network: ");
        assertThat(run.out()).contains(String.format(java.util.Locale.ROOT, "total parameters: %,d", total))
                .contains("valid (0 warning(s))");
    }

    @Test
    void xorTableShowsShapesAndParameters() {
        Run run = cli("check", "sample:xor-2d");
        // node, type, output shape, parameters
        Map<String, List<String>> rows = rows(run);
        assertThat(rows.get("input")).containsExactly("Input", "2", "0");
        assertThat(rows.get("hidden1")).containsExactly("Dense", "8", "24");
        assertThat(rows.get("hidden2")).containsExactly("Dense", "8", "72");
        assertThat(rows.get("output")).containsExactly("Output", "1", "9");
        assertThat(run.outLines()).contains("total parameters: 105");
    }

    @Test
    void digitsTableShowsShapesAndParameters() {
        Map<String, List<String>> rows = rows(cli("check", "sample:digits-mlp"));
        assertThat(rows.get("pixels")).containsExactly("Input", "64", "0");
        assertThat(rows.get("hidden")).containsExactly("Dense", "128", "8,320");
        assertThat(rows.get("dropout")).containsExactly("Dropout", "128", "0");
        assertThat(rows.get("digit")).containsExactly("Output", "10", "1,290");
    }

    private static Map<String, List<String>> rows(Run run) {
        Map<String, List<String>> rows = new java.util.HashMap<>();
        for (String line : run.outLines()) {
            String[] cells = line.trim().split("\\s+");
            if (line.startsWith("  ") && cells.length == 4 && !cells[0].equals("node")) {
                rows.put(cells[0], List.of(cells[1], cells[2], cells[3]));
            }
        }
        return rows;
    }

    @Test
    void jsonOutputParses() throws Exception {
        Run run = cli("check", "--json", "sample:digits-mlp");
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.outLines()).hasSize(1);
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("valid").asBoolean()).isTrue();
        assertThat(root.get("totalParams").asLong()).isEqualTo(9610);
        assertThat(root.get("diagnostics").isArray()).isTrue();
        assertThat(root.get("diagnostics")).isEmpty();
        JsonNode nodes = root.get("nodes");
        assertThat(nodes).hasSize(4);
        List<String> labels = new ArrayList<>();
        long sum = 0;
        for (JsonNode n : nodes) {
            labels.add(n.get("id").asText() + "=" + n.get("outputShape").get("label").asText());
            assertThat(n.get("outputShape").get("kind").asText()).isEqualTo("vector");
            sum += n.get("params").asLong();
        }
        assertThat(labels).containsExactly("pixels=64", "hidden=128", "dropout=128", "digit=10");
        assertThat(sum).isEqualTo(root.get("totalParams").asLong());
    }

    @Test
    void invalidNetworkPrintsOneErrorLinePerProblemAndExitsTwo() {
        Run run = cli("check", fixture("invalid-network.lcnet").toString());
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.INVALID);
        assertThat(run.errLines()).containsExactlyInAnyOrder(
                "error: lonely.in: Nothing flows into Dense 'lonely': connect a layer to its input.",
                "error: out: Output 'out' has 3 units but dataset 'xor' has 2 classes.");
        // the table is still printed, with unknown shapes shown as ?
        assertThat(run.out()).contains("invalid: 2 error(s), 0 warning(s)");
        assertThat(run.outLines()).anyMatch(l -> l.trim().matches("lonely\\s+Dense\\s+\\?\\s+0"));
    }

    @Test
    void invalidNetworkAsJson() throws Exception {
        Run run = cli("check", "--json", fixture("invalid-network.lcnet").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID);
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("valid").asBoolean()).isFalse();
        JsonNode diagnostics = root.get("diagnostics");
        assertThat(diagnostics).hasSize(2);
        List<String> where = new ArrayList<>();
        for (JsonNode d : diagnostics) {
            assertThat(d.get("severity").asText()).isEqualTo("error");
            assertThat(d.get("message").asText()).isNotBlank();
            assertThat(d.get("code").asText()).isNotBlank();
            where.add(d.get("node").asText() + "@" + d.get("location").asText());
        }
        assertThat(where).containsExactlyInAnyOrder("lonely@lonely.in", "out@out");
        // the class mismatch comes with a fix: set units to 2
        JsonNode mismatch = diagnostics.get(where.indexOf("out@out"));
        assertThat(mismatch.get("fix").get("param").asText()).isEqualTo("units");
        assertThat(mismatch.get("fix").get("value").asText()).isEqualTo("2");
        // a node without a shape has outputShape null
        for (JsonNode n : root.get("nodes")) {
            if (n.get("id").asText().equals("lonely")) {
                assertThat(n.get("outputShape").isNull()).isTrue();
            }
        }
    }

    @Test
    void validFixtureFile() {
        Run run = cli("check", fixture("valid-gaussians.lcnet").toString());
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.out()).contains("Network: Two blobs").contains("total parameters: 17");
    }
}
