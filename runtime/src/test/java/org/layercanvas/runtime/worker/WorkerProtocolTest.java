package org.layercanvas.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.runtime.train.EndReason;
import org.layercanvas.runtime.train.FailureCode;
import org.layercanvas.runtime.train.Planes;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.samples.Samples;

/** Every command and message survives its one-line JSON form; bad lines are refused with a reason. */
class WorkerProtocolTest {

    static NetworkDocument xor() throws Exception {
        return DocumentJson.read(Samples.text("xor-2d").orElseThrow(), "xor-2d");
    }

    static Stream<WorkerProtocol.Command> commands() throws Exception {
        WorkerProtocol.Train noBoundary = WorkerProtocol.Train.of(xor(), "cpu", 1);
        return Stream.of(WorkerProtocol.Train.of(xor(), "cpu", 2), WorkerProtocol.Train.of(xor(), "auto", 0),
                new WorkerProtocol.Train(noBoundary.protocol(), noBoundary.document(), "cpu", 1, 0),
                new WorkerProtocol.Pause(), new WorkerProtocol.Resume(), new WorkerProtocol.Stop(),
                new WorkerProtocol.Step(), WorkerProtocol.Train.of(xor(), "cpu", 1).startingFrom("/tmp/net.weights.h5"),
                new WorkerProtocol.Predict(7, new double[][] {{0.5, -1}, {1e-9, 3}}),
                new WorkerProtocol.Predict(8, new double[0][]),
                new WorkerProtocol.Predict(10, new double[][] {{0.5, 1}}, true),
                WorkerProtocol.Predict.texts(11, List.of("a fine film", "\u4e00\u90e8\u597d\u7535\u5f71")),
                new WorkerProtocol.Save("/tmp/model \"x\".zip", 9L), new WorkerProtocol.Save("m.zip", null),
                new WorkerProtocol.Shutdown(), new WorkerProtocol.Warm("cpu", 1), new WorkerProtocol.Warm("auto", 0),
                new WorkerProtocol.Inspect(12, 41, null, true), new WorkerProtocol.Inspect(13, 0, null, false),
                new WorkerProtocol.Inspect(14, -1, new double[] {0, 0.25, 1, 0.5}, true));
    }

    static Stream<WorkerProtocol.Message> messages() {
        return Stream.of(new WorkerProtocol.Hello(1, 4242, "17.0.15"),
                new WorkerProtocol.Event(new TrainingEvent.Started("CpuBackend", "cpu", "CPU requested", 2,
                        "1.0.0-M2.1", "17", "Linux amd64", 105, 350, 50, 100, 60, 16, 42, "plan",
                        "compiled training plan: it covers every layer of this network", java.util.List.of(), null)),
                new WorkerProtocol.Event(new TrainingEvent.Iteration(3, 1, 0.69, 0.3, 1000)),
                new WorkerProtocol.Event(new TrainingEvent.Epoch(1, 0.5, 0.5, Double.NaN, Double.NaN, 0.1, 0.5, 9)),
                new WorkerProtocol.Event(new TrainingEvent.Paused(3, 1)),
                new WorkerProtocol.Event(new TrainingEvent.Resumed(3, 1, 0.75)),
                new WorkerProtocol.Event(new TrainingEvent.Finished(EndReason.STOPPED, 0, 3, 0.6, 0.7, 100, 1, "cpu")),
                new WorkerProtocol.Event(new TrainingEvent.Failed(FailureCode.DIVERGED, "the loss became NaN", 1, 3)),
                new WorkerProtocol.Event(TrainingEvent.Evaluation.of(new int[] {0, 1, 1}, new int[] {0, 1, 0},
                        List.of("zero", "one"), 0.4)),
                new WorkerProtocol.Prediction(7, new double[][] {{0.25}, {Double.NaN}}),
                new WorkerProtocol.Saved("/tmp/m.zip", 9L), new WorkerProtocol.Saved("/tmp/m.zip", null),
                new WorkerProtocol.Error("unknown command 'x'", null), new WorkerProtocol.Error("save: no", 3L),
                new WorkerProtocol.Bye(), new WorkerProtocol.Ready(3.02, false, null),
                new WorkerProtocol.Ready(0.4, true, null), new WorkerProtocol.Ready(0.1, false, "no backend"),
                inspection(true), inspection(false));
    }

    /** A test image of 2x2 RGB pixels with three class probabilities, with or without its Conv2D pictures. */
    static WorkerProtocol.Inspection inspection(boolean maps) {
        Planes picture = new Planes("", 2, 2, 3, 1, new float[][] {{0, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f,
            0.8f, 0.9f, 1, 1f / 3}});
        Planes filters = new Planes("conv1", 1, 2, 3, 2, new float[][] {{-0.12345678f, 1e-8f, 3, 4, 5, 6},
            {Float.NaN, 0, 0, 0, 0, -7.5f}});
        Planes featureMaps = new Planes("conv1", 2, 1, 1, 32, new float[][] {{0.5f, 0}, {1.25e-3f, 9}});
        return new WorkerProtocol.Inspection(15, maps ? 3 : -1, maps ? 10 : -1, maps ? 2 : -1, picture,
                new double[] {0.1, 0.2, 0.7}, maps ? filters : null, maps ? List.of(featureMaps) : null);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void commandRoundTrip(WorkerProtocol.Command command) throws Exception {
        String line = WorkerProtocol.toLine(command);
        assertThat(line).doesNotContain("\n").doesNotContain("\r").startsWith("{\"type\":\"");
        assertThat(WorkerProtocol.parseCommand(line)).isEqualTo(command);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void messageRoundTrip(WorkerProtocol.Message message) throws Exception {
        String line = WorkerProtocol.toLine(message);
        assertThat(line).doesNotContain("\n").doesNotContain("\r").startsWith("{\"type\":\"");
        assertThat(WorkerProtocol.parseMessage(line)).isEqualTo(message);
        // plain JSON readers can read every line
        assertThat(new ObjectMapper().readTree(line).get("type").isTextual()).isTrue();
    }

    @Test
    void trainCarriesTheDocumentAsAJsonObjectThatReadsBack() throws Exception {
        String line = WorkerProtocol.toLine(WorkerProtocol.Train.of(xor(), "cpu", 2));
        JsonNode node = new ObjectMapper().readTree(line);
        assertThat(node.get("protocol").intValue()).isEqualTo(WorkerProtocol.VERSION).isEqualTo(1);
        assertThat(node.get("document").isObject()).isTrue();
        assertThat(node.get("options").get("device").textValue()).isEqualTo("cpu");
        assertThat(node.get("options").get("threads").intValue()).isEqualTo(2);
        assertThat(DocumentJson.read(node.get("document").toString(), "line")).isEqualTo(xor());
    }

    @Test
    void exampleLinesOfTheProtocolDocumentParse() throws Exception {
        assertThat(WorkerProtocol.parseMessage("{\"type\":\"hello\",\"protocol\":1,\"pid\":12345,"
                + "\"javaVersion\":\"17.0.15\"}")).isEqualTo(new WorkerProtocol.Hello(1, 12345, "17.0.15"));
        assertThat(WorkerProtocol.parseCommand("{\"type\":\"predict\",\"requestId\":3,\"inputs\":[[0.9,-0.8]]}"))
                .isEqualTo(new WorkerProtocol.Predict(3, new double[][] {{0.9, -0.8}}));
        assertThat(WorkerProtocol.parseCommand("{\"type\":\"train\",\"protocol\":1,\"document\":{}}"))
                .isInstanceOf(WorkerProtocol.Train.class)
                .extracting(c -> ((WorkerProtocol.Train) c).device()).isEqualTo("auto");
        assertThat(WorkerProtocol.parseMessage("{\"type\":\"progress-bar\",\"x\":1}"))
                .isEqualTo(new WorkerProtocol.Unknown("progress-bar", "{\"type\":\"progress-bar\",\"x\":1}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "[1,2]", "{\"no\":\"type\"}", "{\"type\":42}", "{\"type\":\"dance\"}",
        "{\"type\":\"predict\",\"inputs\":[[1]]}", "{\"type\":\"predict\",\"requestId\":1}",
        "{\"type\":\"train\",\"protocol\":1,\"document\":{},\"options\":{\"weights\":5}}",
        "{\"type\":\"predict\",\"requestId\":1,\"inputs\":[1,2]}",
        "{\"type\":\"predict\",\"requestId\":1,\"inputs\":[[\"a\"]]}",
        "{\"type\":\"predict\",\"requestId\":\"one\",\"inputs\":[]}", "{\"type\":\"save\"}",
        "{\"type\":\"predict\",\"requestId\":1,\"texts\":[]}", "{\"type\":\"predict\",\"requestId\":1,\"texts\":[3]}",
        "{\"type\":\"train\",\"document\":{}}", "{\"type\":\"train\",\"protocol\":2,\"document\":{}}",
        "{\"type\":\"train\",\"protocol\":1,\"document\":\"x.lcnet\"}",
        "{\"type\":\"train\",\"protocol\":1,\"document\":{},\"options\":{\"threads\":-1}}",
        "{\"type\":\"train\",\"protocol\":1,\"document\":{},\"options\":{\"boundaryMillis\":-5}}",
        "{\"type\":\"train\",\"protocol\":1,\"document\":{},\"options\":{\"boundaryMillis\":\"often\"}}",
        "{\"type\":\"inspect\",\"requestId\":1}", "{\"type\":\"inspect\",\"requestId\":1,\"testIndex\":-2}",
        "{\"type\":\"inspect\",\"testIndex\":0}", "{\"type\":\"inspect\",\"requestId\":1,\"intensities\":[\"x\"]}",
        "{\"type\":"})
    void badCommandsAreRefusedWithAReason(String line) {
        assertThatThrownBy(() -> WorkerProtocol.parseCommand(line))
                .isInstanceOf(WorkerProtocol.ProtocolException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @Test
    void anInspectionWithoutMapsSaysNothingOfThemAndPictureValuesKeepEveryFloatBit() throws Exception {
        String line = WorkerProtocol.toLine(inspection(false));
        assertThat(line).doesNotContain("\"maps\"").doesNotContain("\"filters\"");
        WorkerProtocol.Inspection back = (WorkerProtocol.Inspection) WorkerProtocol.parseMessage(
                WorkerProtocol.toLine(inspection(true)));
        assertThat(back.filters().planes()[0][0]).isEqualTo(-0.12345678f);
        assertThat(back.maps().get(0).total()).isEqualTo(32);
        assertThat(back.picture().at(0, 1, 1, 2)).isEqualTo(1f / 3);
        // a plane whose length does not fit its shape is refused
        assertThatThrownBy(() -> WorkerProtocol.parseMessage(line.replace("[[0.0,0.1", "[[0.1")))
                .isInstanceOf(WorkerProtocol.ProtocolException.class).hasMessageContaining("picture");
    }

    @Test
    void trainAsksForBoundaryEventsAndAnOldTrainLineHasNone() throws Exception {
        String line = WorkerProtocol.toLine(WorkerProtocol.Train.of(xor(), "cpu", 2));
        assertThat(new ObjectMapper().readTree(line).path("options").path("boundaryMillis").asInt())
                .isEqualTo(WorkerProtocol.Train.APP_BOUNDARY_MILLIS);
        String old = line.replace(",\"boundaryMillis\":" + WorkerProtocol.Train.APP_BOUNDARY_MILLIS, "");
        assertThat(((WorkerProtocol.Train) WorkerProtocol.parseCommand(old)).boundaryMillis()).isZero();
    }

    @Test
    void boundaryEventsTravelWithTheirGridsUnitsAndPoints() throws Exception {
        TrainingEvent.Boundary b = new TrainingEvent.Boundary(2, 40, -1.5, 1.5, -2, 2, 2, new int[] {0, 1, 1, 0},
                new float[] {0.5f, 0.75f, 0.875f, 1f},
                List.of(new TrainingEvent.UnitMap("hidden", 3, 1, new float[] {-0.25f})),
                new TrainingEvent.BoundaryPoints(new float[] {0.1f}, new float[] {-0.2f}, new int[] {1}));
        WorkerProtocol.Message m = WorkerProtocol.parseMessage(WorkerProtocol.toLine(new WorkerProtocol.Event(b)));
        TrainingEvent.Boundary back = (TrainingEvent.Boundary) ((WorkerProtocol.Event) m).event();
        assertThat(back.epoch()).isEqualTo(2);
        assertThat(back.xMin()).isEqualTo(-1.5);
        assertThat(back.predicted()).containsExactly(0, 1, 1, 0);
        assertThat(back.confidence()).containsExactly(0.5f, 0.75f, 0.875f, 1f);
        assertThat(back.units()).singleElement().satisfies(u -> {
            assertThat(u.layer()).isEqualTo("hidden");
            assertThat(u.unit()).isEqualTo(3);
            assertThat(u.values()).containsExactly(-0.25f);
        });
        assertThat(back.points().label()).containsExactly(1);
        assertThat(back.points().y()).containsExactly(-0.2f);
    }

    @Test
    void reasonsNameTheProblem() {
        assertThatThrownBy(() -> WorkerProtocol.parseCommand("{\"type\":\"dance\"}"))
                .hasMessage("unknown command 'dance'; expected one of train, pause, resume, step, stop, predict,"
                        + " save, warm, shutdown, inspect");
        assertThatThrownBy(() -> WorkerProtocol.parseCommand("{\"type\":\"train\",\"protocol\":2,\"document\":{}}"))
                .hasMessage("train: protocol 2 is not supported; this worker speaks protocol 1");
        assertThatThrownBy(() -> WorkerProtocol.parseCommand("not json")).hasMessageStartingWith("malformed JSON: ");
        assertThatThrownBy(() -> WorkerProtocol.parseCommand(
                "{\"type\":\"predict\",\"requestId\":1,\"inputs\":[[1,\"a\"]]}"))
                .hasMessage("predict: 'inputs': row 0, column 1 is not a number");
    }

    @Test
    void everyExampleLineOfTheProtocolDocumentParses() throws Exception {
        Path doc = Path.of("..", "docs", "worker-protocol.md");
        assertThat(doc).exists();
        List<String> examples = Files.readAllLines(doc).stream().filter(l -> l.startsWith("{\"type\":"))
                .filter(l -> !l.contains("[...]")).toList();
        assertThat(examples).hasSizeGreaterThan(15);
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (String line : examples) {
            String type = new ObjectMapper().readTree(line).get("type").textValue();
            types.add(type);
            if (WorkerProtocol.COMMAND_TYPES.contains(type)) {
                assertThat(WorkerProtocol.parseCommand(line)).as(line).isNotNull();
            } else {
                assertThat(WorkerProtocol.parseMessage(line)).as(line).isNotInstanceOf(WorkerProtocol.Unknown.class);
            }
        }
        assertThat(types).containsAll(WorkerProtocol.COMMAND_TYPES.stream().filter(t -> !t.equals("train")).toList())
                .contains("hello", "started", "iteration", "epoch", "paused", "resumed", "finished", "failed",
                        "evaluation", "prediction", "saved", "error", "bye", "ready", "inspection");
    }
}
