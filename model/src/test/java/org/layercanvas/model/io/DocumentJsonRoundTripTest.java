package org.layercanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Edge;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.PortRef;
import org.layercanvas.model.Position;
import org.layercanvas.model.Split;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerType;

class DocumentJsonRoundTripTest {

    /** A small image classifier with one node of every layer type hanging off it, and all param value types. */
    static NetworkDocument everyLayerDocument() {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        String previous = null;
        int i = 0;
        for (LayerType type : LayerType.values()) {
            String id = "n" + i + "-" + type.jsonName();
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("anInt", i);
            params.put("aDouble", i + 0.5);
            params.put("integralDouble", 2.0);
            params.put("aBool", i % 2 == 0);
            params.put("aString", "s" + i);
            nodes.add(new Node(id, type, params, new Position(i * 120.5, -i * 3)));
            if (previous != null) {
                edges.add(Edge.of(previous, id));
            }
            previous = id;
            i++;
        }
        DatasetSpec dataset = new DatasetSpec("digits", Map.of("samples", 400), new Split(0.6, 0.2, 0.2), 7);
        return new NetworkDocument(new Metadata("Every layer", "one of each"), nodes, edges, dataset,
                TrainingSettings.DEFAULT);
    }

    static NetworkDocument simple(TrainingSettings training, DatasetSpec dataset) {
        Node in = new Node("in", LayerType.INPUT, Map.of("kind", "vector", "size", 64), new Position(0, 0));
        Node d1 = new Node("d1", LayerType.DENSE, Map.of("units", 32), new Position(0, 100));
        Node out = new Node("out", LayerType.OUTPUT, Map.of("units", 10, "loss", "softmax_ce"),
                new Position(0, 200));
        return new NetworkDocument(new Metadata("Digits MLP", "A small MLP"), List.of(in, d1, out),
                List.of(Edge.of("in", "d1"), Edge.of("d1", "out")), dataset, training);
    }

    static NetworkDocument roundTrip(NetworkDocument doc) throws DocumentFormatException {
        return DocumentJson.read(DocumentJson.write(doc), "test.lcnet");
    }

    @Test
    void everyLayerTypeRoundTrips() throws Exception {
        NetworkDocument doc = everyLayerDocument();
        NetworkDocument back = roundTrip(doc);
        assertThat(back).isEqualTo(doc);
        assertThat(back.nodes()).extracting(Node::type).containsExactly(LayerType.values());
    }

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void everyOptimizerRoundTrips(Optimizer optimizer) throws Exception {
        TrainingSettings t = new TrainingSettings(optimizer, 0.05, 0.8, LrSchedule.FIXED, 16, 3, 1e-4, -5, 2, 1.5);
        NetworkDocument doc = simple(t, null);
        assertThat(roundTrip(doc)).isEqualTo(doc);
        assertThat(DocumentJson.write(doc)).contains("\"optimizer\": \"" + optimizer.jsonName() + "\"");
    }

    @ParameterizedTest
    @EnumSource(LrSchedule.Type.class)
    void everyScheduleRoundTrips(LrSchedule.Type type) throws Exception {
        TrainingSettings t = new TrainingSettings(Optimizer.SGD, 0.1, 0, new LrSchedule(type, 0.5, 4), 8, 20, 0,
                Long.MAX_VALUE, 0, 0);
        NetworkDocument doc = simple(t, null);
        NetworkDocument back = roundTrip(doc);
        assertThat(back).isEqualTo(doc);
        assertThat(back.training().schedule().type()).isEqualTo(type);
        assertThat(back.training().seed()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void nullDatasetIsWrittenAsNullAndReadBackAsNull() throws Exception {
        NetworkDocument doc = simple(TrainingSettings.DEFAULT, null);
        String json = DocumentJson.write(doc);
        assertThat(json).contains("\"dataset\": null");
        assertThat(DocumentJson.read(json, "x").dataset()).isNull();
        assertThat(roundTrip(doc)).isEqualTo(doc);
    }

    @Test
    void datasetWithOptionsOfEveryTypeRoundTrips() throws Exception {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("samples", 400);
        options.put("noise", 0.1);
        options.put("big", 10_000_000_000L);
        options.put("shuffle", true);
        options.put("variant", "hard");
        DatasetSpec ds = new DatasetSpec("spiral", options, new Split(0.5, 0.25, 0.25), -3);
        NetworkDocument doc = simple(TrainingSettings.DEFAULT, ds);
        NetworkDocument back = roundTrip(doc);
        assertThat(back).isEqualTo(doc);
        assertThat(back.dataset().options()).containsExactly(Map.entry("samples", 400), Map.entry("noise", 0.1),
                Map.entry("big", 10_000_000_000L), Map.entry("shuffle", true), Map.entry("variant", "hard"));
    }

    @Test
    void paramValueTypesAreKeptExactly() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("int", 7);
        params.put("negInt", Integer.MIN_VALUE);
        params.put("long", Long.MIN_VALUE);
        params.put("integralDouble", 1.0);
        params.put("negZero", -0.0);
        params.put("tiny", Double.MIN_VALUE);
        params.put("huge", Double.MAX_VALUE);
        params.put("third", 1.0 / 3);
        params.put("t", true);
        params.put("f", false);
        params.put("empty", "");
        params.put("escapes", "quote \" backslash \\ tab \t newline \n nul \u0000 ls \u2028");
        NetworkDocument doc = new NetworkDocument(new Metadata("p", ""),
                List.of(new Node("a", LayerType.DENSE, params, Position.ORIGIN)), List.of(), null, null);
        String json = DocumentJson.write(doc);
        assertThat(json).contains("\"int\": 7,", "\"integralDouble\": 1.0,", "\"negZero\": -0.0,", "\"t\": true");
        Map<String, Object> back = DocumentJson.read(json, "p").nodes().get(0).params();
        assertThat(back).isEqualTo(params);
        assertThat(back.get("int")).isInstanceOf(Integer.class);
        assertThat(back.get("long")).isInstanceOf(Long.class);
        assertThat(back.get("integralDouble")).isInstanceOf(Double.class);
        assertThat(back.get("negZero")).isEqualTo(-0.0);
        assertThat(new ArrayList<>(back.keySet())).containsExactlyElementsOf(params.keySet());
    }

    @Test
    void unicodeTitlesRoundTrip() throws Exception {
        NetworkDocument doc = new NetworkDocument(new Metadata("手写数字识别网络", "卷积网络 \uD83E\uDDE0 — naïve"),
                List.of(new Node("输入", LayerType.INPUT, Map.of("kind", "vector"), Position.ORIGIN)), List.of(),
                null, null);
        String json = DocumentJson.write(doc);
        assertThat(json).contains("手写数字识别网络");
        assertThat(roundTrip(doc)).isEqualTo(doc);
    }

    @Test
    void emptyDocumentRoundTrips() throws Exception {
        NetworkDocument doc = new NetworkDocument(new Metadata("", ""), List.of(), List.of(), null, null);
        String json = DocumentJson.write(doc);
        assertThat(json).contains("\"nodes\": [],", "\"edges\": [],");
        assertThat(roundTrip(doc)).isEqualTo(doc);
    }

    @Test
    void edgesKeepTheirPortsAndDanglingIdsAreLeftToTheValidator() throws Exception {
        NetworkDocument doc = new NetworkDocument(new Metadata("e", ""),
                List.of(new Node("a", LayerType.ADD, null, null)),
                List.of(new Edge(new PortRef("a", "out"), new PortRef("nowhere", "in2"))), null, null);
        NetworkDocument back = roundTrip(doc);
        assertThat(back.edges()).containsExactly(new Edge(new PortRef("a", "out"), new PortRef("nowhere", "in2")));
    }

    @Test
    void outputIsPrettyStableAndEndsWithNewline() throws Exception {
        NetworkDocument doc = simple(TrainingSettings.DEFAULT, null);
        String json = DocumentJson.write(doc);
        assertThat(json).endsWith("}\n").doesNotContain("\r").doesNotContain(" : ");
        assertThat(json).startsWith("{\n  \"formatVersion\": 1,\n  \"metadata\": {\n    \"title\": \"Digits MLP\",");
        assertThat(DocumentJson.write(doc)).isEqualTo(json);
        List<String> keys = List.of("\"formatVersion\"", "\"metadata\"", "\"nodes\"", "\"edges\"", "\"dataset\"",
                "\"training\"");
        int last = -1;
        for (String key : keys) {
            int at = json.indexOf(key);
            assertThat(at).as(key).isGreaterThan(last);
            last = at;
        }
        assertThat(json).contains("\"learningRate\": 0.001,", "\"batchSize\": 32,", "\"gamma\": 1.0,");
    }

    @Test
    void writerRejectsValuesJsonCannotHold() {
        NetworkDocument nan = new NetworkDocument(new Metadata("x", ""),
                List.of(new Node("a", LayerType.DROPOUT, Map.of("rate", Double.NaN), null)), List.of(), null, null);
        assertThatThrownBy(() -> DocumentJson.write(nan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.nodes[0].params.rate");
        NetworkDocument flt = new NetworkDocument(new Metadata("x", ""),
                List.of(new Node("a", LayerType.DROPOUT, Map.of("rate", 0.5f), null)), List.of(), null, null);
        assertThatThrownBy(() -> DocumentJson.write(flt)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Float");
        NetworkDocument inf = simple(TrainingSettings.DEFAULT.withLearningRate(Double.POSITIVE_INFINITY), null);
        assertThatThrownBy(() -> DocumentJson.write(inf)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.training.learningRate");
    }
}
