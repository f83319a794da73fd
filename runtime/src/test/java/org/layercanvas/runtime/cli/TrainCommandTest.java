package org.layercanvas.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.cli.LayerCanvasCliTest.cli;
import static org.layercanvas.runtime.cli.LayerCanvasCliTest.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.runtime.cli.LayerCanvasCliTest.Run;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.runtime.train.EventFiles;
import org.layercanvas.runtime.train.EventJson;
import org.layercanvas.runtime.train.ModelFiles;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.samples.Samples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** {@code layercanvas train}. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void quietJsonPrintsOnlyTheSummary() throws Exception {
        Run run = cli("train", "sample:xor-2d", "--epochs", "3", "--quiet", "--json");
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).hasSize(1);
        JsonNode summary = new ObjectMapper().readTree(run.lastOutLine());
        for (String key : List.of("testAccuracy", "testLoss", "samplesPerSecond", "wallSeconds", "epochs",
                "device")) {
            assertThat(summary.has(key)).as("key %s in %s", key, summary).isTrue();
        }
        assertThat(summary.get("epochs").asInt()).isEqualTo(3);
        assertThat(summary.get("device").asText()).isEqualTo("cpu");
        assertThat(summary.get("testAccuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(summary.get("samplesPerSecond").asDouble()).isPositive();
        assertThat(summary.get("reason").asText()).isEqualTo("completed");
    }

    @Test
    void missingCsvCellsAreReportedAsTheAppsImportReportsThem() throws Exception {
        StringBuilder csv = new StringBuilder("x,y,label\n");
        for (int i = 0; i < 60; i++) {
            String x = i == 4 || i == 9 ? "" : Integer.toString(i % 5);
            csv.append(x).append(',').append(i % 3).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Files.writeString(dir.resolve("points.csv"), csv);
        Path doc = dir.resolve("points.lcnet");
        Files.writeString(doc, """
                {"formatVersion": 1, "metadata": {"title": "points"},
                 "nodes": [{"id": "in", "type": "Input", "params": {"kind": "vector", "size": 2}},
                           {"id": "out", "type": "Output", "params": {"units": 2, "loss": "softmax_ce"}}],
                 "edges": [{"from": {"node": "in", "port": "out"}, "to": {"node": "out", "port": "in"}}],
                 "dataset": {"id": "csv", "options": {"path": "points.csv", "label": "label"},
                             "split": {"train": 0.8, "validation": 0.0, "test": 0.2}, "seed": 0},
                 "training": {"epochs": 1, "batchSize": 8}}
                """);
        Run run = cli("train", doc.toString(), "--quiet", "--json");
        assertThat(run.exit()).as("%s", run).isZero();
        // data rows 5 and 10 are file lines 6 and 11 (after the header)
        assertThat(run.errLines()).containsExactly("warning: " + doc + ": dataset: The column 'x' has 2 missing"
                + " values (first on lines 6, 11); they are filled with the column's mean over the training part.");
    }

    @Test
    void normalOutputHasALinePerEpochAndASummary() {
        Run run = cli("train", "sample:xor-2d", "--epochs", "2", "--device", "cpu");
        assertThat(run.exit()).as("%s", run).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).startsWith("training on cpu (CPU requested");
        assertThat(lines).filteredOn(l -> l.startsWith("epoch ")).hasSize(2);
        assertThat(lines).anyMatch(l -> l.startsWith("epoch 1/2  loss ") && l.contains("val_loss"));
        assertThat(lines).contains("finished after 2 epoch(s)");
        assertThat(lines.get(lines.size() - 1)).startsWith("test loss ").endsWith("device cpu");
    }

    @Test
    void writesEventsMetricsAndModel() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Path metrics = dir.resolve("metrics.csv");
        Path model = dir.resolve("model.zip");
        Run run = cli("train", "sample:xor-2d", "--epochs", "3", "--seed", "5", "--quiet", "--json",
                "--events-out", events.toString(), "--metrics-out", metrics.toString(),
                "--model-out", model.toString());
        assertThat(run.exit()).as("%s", run).isZero();

        List<String> eventLines = Files.readAllLines(events);
        TrainingEvent first = EventJson.fromJson(eventLines.get(0));
        assertThat(first).isInstanceOf(TrainingEvent.Started.class);
        assertThat(((TrainingEvent.Started) first).seed()).as("--seed is used").isEqualTo(5);
        TrainingEvent last = EventJson.fromJson(eventLines.get(eventLines.size() - 1));
        assertThat(last).isInstanceOf(TrainingEvent.Finished.class);
        long epochEvents = 0;
        for (String line : eventLines) {
            if (EventJson.fromJson(line) instanceof TrainingEvent.Epoch) {
                epochEvents++;
            }
        }
        assertThat(epochEvents).isEqualTo(3);
        // 350 training examples in minibatches of 16: 22 per epoch, then the epoch and its histograms
        assertThat(eventLines).hasSize(1 + 3 * 22 + 3 * 2 + 1);

        List<String> rows = Files.readAllLines(metrics);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo(EventFiles.CSV_HEADER);
        assertThat(rows.get(1)).startsWith("1,");
        assertThat(rows.get(3)).startsWith("3,");

        JsonNode summary = new ObjectMapper().readTree(run.lastOutLine());
        ComputationGraph loaded = ModelFiles.load(model);
        ComputationGraph fresh = new ComputationGraph(new GraphCompiler(LayerCatalog.standard())
                .compile(DocumentJson.read(Samples.text("xor-2d").orElseThrow(), "xor")).configuration());
        fresh.init();
        assertThat(loaded.numParams()).isEqualTo(fresh.numParams()).isEqualTo(105);
        var out = loaded.outputSingle(Nd4j.create(new float[][] {{0.5f, 0.5f}, {0.5f, -0.5f}})
                .castTo(DataType.FLOAT));
        assertThat(out.shape()).containsExactly(2, 1);
        assertThat(out.getDouble(0, 0)).isBetween(0.0, 1.0);
        assertThat(summary.get("testAccuracy").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void invalidNetworkExitsTwoWithoutTraining() {
        Path events = dir.resolve("events.jsonl");
        Run run = cli("train", fixture("invalid-network.lcnet").toString(), "--events-out", events.toString());
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.INVALID);
        assertThat(run.errLines()).containsExactlyInAnyOrder(
                "error: lonely.in: Nothing flows into Dense 'lonely': connect a layer to its input.",
                "error: out: Output 'out' has 3 units but dataset 'xor' has 2 classes.");
        assertThat(run.out()).isEmpty();
        assertThat(events).doesNotExist();
    }

    @Test
    void gpuWithoutAGpuBuildExitsThree() {
        Run run = cli("train", "sample:xor-2d", "--epochs", "1", "--device", "gpu", "--quiet");
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.TRAINING_FAILED);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("error: device: no usable GPU");
    }

    @Test
    void unknownDeviceIsRefused() {
        Run run = cli("train", "sample:xor-2d", "--epochs", "1", "--device", "tpu", "--quiet");
        // ExitCodes: a bad option value is "unreadable input" (1), like --epochs 0; training never started
        assertThat(run.err()).contains("error: ").contains("unknown device 'tpu'");
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.UNREADABLE);
    }

    @Test
    void badEpochsAndThreadsAreRefused() {
        Run epochs = cli("train", "sample:xor-2d", "--epochs", "0");
        assertThat(epochs.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(epochs.errLines()).containsExactly("error: --epochs: must be at least 1, not 0");
        Run threads = cli("train", "sample:xor-2d", "--threads", "-1");
        assertThat(threads.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(threads.errLines()).containsExactly("error: --threads: must be 0 or more, not -1");
        Run notANumber = cli("train", "sample:xor-2d", "--epochs", "many");
        assertThat(notANumber.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(notANumber.errLines().get(0)).startsWith("error: ").contains("many");
    }

    @Test
    void metricsFileInAMissingFolderExitsOneNamingIt() {
        Path missing = dir.resolve("no-such-folder").resolve("x.csv");
        Run run = cli("train", "sample:xor-2d", "--epochs", "1", "--quiet", "--metrics-out", missing.toString());
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("error: cannot open an output file: ")
                .contains(missing.toString());
    }

    @Test
    void modelFileInAMissingFolderFailsAfterTraining() {
        Path missing = dir.resolve("no-such-folder").resolve("model.zip");
        Run run = cli("train", "sample:xor-2d", "--epochs", "1", "--quiet", "--model-out", missing.toString());
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.TRAINING_FAILED);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("error: " + missing + ": the model could not be saved");
    }

    /** /dev/full opens fine but every write that reaches it fails: training stops and the run fails. */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aWriteFailureDuringTrainingStopsTheRunAndExitsThree() {
        Path full = Path.of("/dev/full");
        assertThat(Files.isWritable(full)).as("Linux has /dev/full").isTrue();
        Run run = cli("train", "sample:digits-mlp", "--epochs", "50", "--quiet", "--json",
                "--events-out", full.toString());
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.TRAINING_FAILED);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("error: /dev/full: writing failed")
                .contains("training was stopped");
        // the write failed on the very first event, so training stopped before the first minibatch
        assertThat(run.out()).contains("\"reason\":\"stopped\"").contains("\"iterations\":0");
    }
}
