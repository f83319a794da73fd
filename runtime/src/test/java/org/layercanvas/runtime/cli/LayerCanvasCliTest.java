package org.layercanvas.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The top-level command line: help, samples, unknown options and documents that cannot be read. */
class LayerCanvasCliTest {

    /** What one invocation printed and returned. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
        }

        String lastOutLine() {
            List<String> lines = outLines();
            return lines.get(lines.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = LayerCanvasCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A test fixture under src/test/resources/org/layercanvas/runtime/cli. */
    static Path fixture(String name) {
        URL url = LayerCanvasCliTest.class.getResource(name);
        assertThat(url).as("fixture %s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Run run = cli("--help");
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.out()).contains("Usage: layercanvas").contains("check").contains("train").contains("bench")
                .contains("samples").contains("Exit codes");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void subcommandHelp() {
        Run run = cli("train", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--epochs").contains("--events-out").contains("--metrics-out")
                .contains("--model-out").contains("--device");
    }

    @Test
    void versionNamesTheEngine() {
        Run run = cli("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("LayerCanvas").contains("Deeplearning4j");
    }

    @Test
    void unknownOptionIsAnError() {
        Run run = cli("--bogus");
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.errLines().get(0)).startsWith("error: ").contains("--bogus");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownOptionOfASubcommandIsAnError() {
        Run run = cli("check", "--frobnicate", "sample:xor-2d");
        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.errLines().get(0)).startsWith("error: ").contains("--frobnicate");
    }

    @Test
    void unknownCommandIsAnError() {
        Run run = cli("fly", "sample:xor-2d");
        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.errLines().get(0)).startsWith("error: ");
    }

    @Test
    void missingFileArgumentIsAnError() {
        Run run = cli("check");
        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.errLines().get(0)).startsWith("error: ").contains("FILE");
    }

    @Test
    void samplesListsTheBundledSamples() {
        Run run = cli("samples");
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.outLines()).anyMatch(l -> l.startsWith("xor-2d ") && l.contains("XOR in 2-D"));
        assertThat(run.outLines()).anyMatch(l -> l.startsWith("digits-mlp ") && l.contains("Digits MLP"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void missingFile(@org.junit.jupiter.api.io.TempDir Path dir) {
        String missing = dir.resolve("nowhere.lcnet").toString();
        for (String command : new String[] {"check", "train", "bench"}) {
            Run run = cli(command, missing);
            assertThat(run.exit()).as("%s %s", command, run).isEqualTo(ExitCodes.UNREADABLE);
            assertThat(run.errLines()).containsExactly("error: " + missing + ": no such file");
        }
    }

    @Test
    void folderInsteadOfFile(@org.junit.jupiter.api.io.TempDir Path dir) {
        Run run = cli("check", dir.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.errLines()).containsExactly("error: " + dir + ": this is a folder, not a .lcnet file");
    }

    @Test
    void unknownSampleListsTheAvailableOnes() {
        for (String command : new String[] {"check", "train", "bench"}) {
            Run run = cli(command, "sample:nope");
            assertThat(run.exit()).as("%s %s", command, run).isEqualTo(ExitCodes.UNREADABLE);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.errLines().get(0)).startsWith("error: sample:nope: there is no sample 'nope'; available: ")
                    .contains("xor-2d").contains("digits-mlp");
        }
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() {
        for (String command : new String[] {"check", "train", "bench"}) {
            Run run = cli(command, fixture("malformed.lcnet").toString());
            assertThat(run.exit()).as("%s %s", command, run).isEqualTo(ExitCodes.UNREADABLE);
            assertThat(run.errLines()).hasSize(1);
            // the missing comma is on line 3, the next key starts at column 37
            assertThat(run.errLines().get(0)).startsWith("error: malformed.lcnet:3:37: ").contains("not valid JSON");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void futureFormatVersionAsksForAnUpdate() {
        Run run = cli("check", fixture("future-version.lcnet").toString());
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("error: future-version.lcnet:2:")
                .contains("newer LayerCanvas (format 99)").contains("update LayerCanvas");
    }

    @Test
    void unknownLayerTypeIsUnreadable() {
        Run run = cli("check", fixture("unknown-layer.lcnet").toString());
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("error: unknown-layer.lcnet:6:")
                .contains("$.nodes[1].type").contains("unknown layer type \"Dense2\"").contains("Dense");
    }
}
