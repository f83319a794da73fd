package org.layercanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Edge;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.Position;
import org.layercanvas.model.Split;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerType;

/**
 * Compatibility fixtures: version-1 files that every future LayerCanvas must keep reading with these contents.
 * Never edit the fixtures; add new ones for new versions.
 */
class DocumentJsonGoldenTest {

    static String resource(String name) throws IOException {
        try (InputStream in = DocumentJsonGoldenTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Path resourcePath(String name) throws URISyntaxException {
        return Path.of(DocumentJsonGoldenTest.class.getResource(name).toURI());
    }

    @Test
    void goldenVersion1LoadsWithExactContents() throws Exception {
        NetworkDocument doc = DocumentJson.read(resourcePath("golden-v1.lcnet"));

        assertThat(doc.metadata().title()).isEqualTo("手写数字 — small CNN with a skip");
        assertThat(doc.metadata().description())
                .isEqualTo("Conv → pool → dense, with a residual \"skip\" branch.\nSecond line.");

        assertThat(doc.nodes()).extracting(Node::id)
                .containsExactly("in", "conv1", "bn1", "pool1", "flat", "d1", "drop", "skip", "sum", "out");
        assertThat(doc.nodes()).extracting(Node::type).containsExactly(LayerType.INPUT, LayerType.CONV2D,
                LayerType.BATCH_NORM, LayerType.MAX_POOL2D, LayerType.FLATTEN, LayerType.DENSE, LayerType.DROPOUT,
                LayerType.DENSE, LayerType.ADD, LayerType.OUTPUT);
        Node in = doc.node("in").orElseThrow();
        assertThat(in.params()).containsExactly(Map.entry("kind", "image"), Map.entry("height", 8),
                Map.entry("width", 8), Map.entry("channels", 1));
        assertThat(in.position()).isEqualTo(new Position(40, 20));
        assertThat(doc.node("bn1").orElseThrow().params())
                .containsExactly(Map.entry("momentum", 0.99), Map.entry("epsilon", 1.0e-5));
        assertThat(doc.node("skip").orElseThrow().params()).containsEntry("useBias", false);
        assertThat(doc.node("skip").orElseThrow().position()).isEqualTo(new Position(260, 570.5));
        assertThat(doc.node("flat").orElseThrow().params()).isEmpty();

        assertThat(doc.edges()).hasSize(10).contains(Edge.of("flat", "skip"), Edge.of("skip", "sum"));
        assertThat(doc.edgesInto("sum")).containsExactly(Edge.of("drop", "sum"), Edge.of("skip", "sum"));

        assertThat(doc.dataset()).isEqualTo(new DatasetSpec("digits",
                Map.of("samples", 1797, "noise", 0.0, "normalize", true), new Split(0.7, 0.1, 0.2), 7));
        assertThat(doc.training()).isEqualTo(new TrainingSettings(Optimizer.ADAMW, 0.002, 0.9,
                new LrSchedule(LrSchedule.Type.STEP, 0.5, 5), 64, 30, 1e-4, 1234567890123L, 5, 1.0));
    }

    @Test
    void goldenVersion1IsExactlyWhatTheWriterProduces() throws Exception {
        String golden = resource("golden-v1.lcnet");
        assertThat(DocumentJson.write(DocumentJson.read(golden, "golden-v1.lcnet"))).isEqualTo(golden);
    }

    @Test
    void minimalHandWrittenFileUsesDefaultsAndIgnoresUnknownKeys() throws Exception {
        NetworkDocument doc = DocumentJson.read(resourcePath("minimal-v1.lcnet"));

        assertThat(doc.metadata().title()).isEqualTo("XOR");
        assertThat(doc.metadata().description()).isEmpty();
        assertThat(doc.nodes()).extracting(Node::id).containsExactly("in", "h", "out");
        assertThat(doc.node("in").orElseThrow().position()).isEqualTo(Position.ORIGIN);
        assertThat(doc.node("h").orElseThrow().position()).isEqualTo(new Position(100.0, -50.0));
        assertThat(doc.node("out").orElseThrow().params()).isEmpty();
        assertThat(doc.edges()).containsExactly(Edge.of("in", "h"), Edge.of("h", "out"));
        assertThat(doc.dataset()).isEqualTo(new DatasetSpec("xor", Map.of(), Split.DEFAULT, 0));

        TrainingSettings d = TrainingSettings.DEFAULT;
        assertThat(doc.training()).isEqualTo(new TrainingSettings(Optimizer.SGD, 0.5, d.momentum(),
                new LrSchedule(LrSchedule.Type.COSINE, 1.0, 1), d.batchSize(), 200, d.weightDecay(), d.seed(),
                d.earlyStoppingPatience(), d.gradientClip()));
    }

    @Test
    void absentTrainingMeansDefaultsAndByteOrderMarkIsAccepted(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String json = "\uFEFF{\"formatVersion\": 1, \"metadata\": {\"title\": \"t\"}, \"nodes\": [], \"edges\": []}";
        Path file = dir.resolve("bom.lcnet");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        NetworkDocument doc = DocumentJson.read(file);
        assertThat(doc.training()).isEqualTo(TrainingSettings.DEFAULT);
        assertThat(doc.dataset()).isNull();
    }
}
