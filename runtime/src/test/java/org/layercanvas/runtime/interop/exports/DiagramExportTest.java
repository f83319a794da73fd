package org.layercanvas.runtime.interop.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.Position;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.layers.ParamDef;
import org.layercanvas.samples.Samples;
import org.w3c.dom.Document;

/**
 * Mermaid and SVG. The Mermaid text is read back by a reader written from the grammar in docs/file-format.md alone,
 * so the grammar is proven sufficient: every sample comes back with the same nodes, resolved parameters and wires.
 */
class DiagramExportTest {
    private static final LayerCatalog CATALOG = LayerCatalog.standard();
    private static final Pattern NODE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\[\"([^\"]*)\"]");
    private static final Pattern EDGE =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*-->\\s*(?:\\|\"?([^|\"]*)\"?\\|)?\\s*([A-Za-z_][A-Za-z0-9_]*)");

    static List<String> samples() {
        return Samples.names();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void mermaidReadsBackToTheSameNetwork(String sample) throws Exception {
        NetworkDocument doc = ExportFixtures.sample(sample);
        String text = new MermaidExporter(CATALOG).export(doc);
        NetworkDocument back = readByGrammar(text);
        assertThat(back.nodes()).hasSameSizeAs(doc.nodes());
        // Nodes come back in document order; ids that are Mermaid keywords ("class", "end") come back renamed.
        Map<String, String> ids = new HashMap<>();
        for (int k = 0; k < doc.nodes().size(); k++) {
            Node n = doc.nodes().get(k);
            Node m = back.nodes().get(k);
            ids.put(n.id(), m.id());
            assertThat(m.type()).isEqualTo(n.type());
            assertThat(CATALOG.resolve(m)).as(n.id()).isEqualTo(CATALOG.resolve(n));
        }
        assertThat(back.edges()).isEqualTo(doc.edges().stream()
                .map(e -> Edge.of(ids.get(e.from().nodeId()), ids.get(e.to().nodeId()))).toList());
    }

    @Test
    void labelsNameTheTypeAndMainParameters() throws Exception {
        String text = new MermaidExporter(CATALOG).export(ExportFixtures.sample("mnist-mlp"));
        assertThat(text).startsWith("flowchart TD\n");
        assertThat(text).containsPattern("\\[\"Dense \\d+ relu\"]");
        assertThat(text).contains("\"Input image height=28 width=28 channels=1\"", "-->|\"784\"|");
    }

    @Test
    void unsafeIdsBecomeMermaidIds() {
        NetworkDocument doc = new NetworkDocument(new Metadata("t", ""), List.of(
                new Node("end", LayerType.INPUT, Map.of(), Position.ORIGIN),
                new Node("2 hidden", LayerType.DENSE, Map.of("units", 3), Position.ORIGIN)),
                List.of(Edge.of("end", "2 hidden")), null, null);
        String text = new MermaidExporter(CATALOG).export(doc);
        assertThat(text).contains("end_[\"Input vector size=2\"]", "n_2_hidden[\"Dense 3 relu\"]",
                "end_ -->|\"2\"| n_2_hidden");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void svgIsWellFormedWithABoxPerNodeAndShapesOnWires(String sample) throws Exception {
        NetworkDocument doc = ExportFixtures.sample(sample);
        String svg = new SvgExporter(CATALOG).export(doc);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(xml.getElementsByTagName("path").getLength()).isEqualTo(doc.edges().size());
        assertThat(svg.split("class=\"node\"", -1)).hasSize(doc.nodes().size() + 1);
        for (Node n : doc.nodes()) {
            assertThat(svg).contains(">" + n.id() + "</text>");
        }
    }

    /** A Mermaid reader that follows the documented grammar and nothing else. */
    static NetworkDocument readByGrammar(String text) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        String[] lines = text.split("\n");
        assertThat(lines[0].trim()).matches("(flowchart|graph)\\s+(TD|TB)");
        for (int k = 1; k < lines.length; k++) {
            String line = lines[k].trim();
            if (line.isEmpty() || line.startsWith("%%")) {
                continue;
            }
            Matcher e = EDGE.matcher(line);
            Matcher n = NODE.matcher(line);
            if (e.matches()) {
                edges.add(Edge.of(e.group(1), e.group(3)));
            } else if (n.matches()) {
                nodes.add(node(n.group(1), n.group(2)));
            } else {
                throw new AssertionError("not in the grammar: " + line);
            }
        }
        return new NetworkDocument(new Metadata("back", ""), nodes, edges, null, null);
    }

    private static Node node(String id, String label) {
        String[] tokens = label.trim().split("\\s+");
        LayerType type = LayerType.fromJson(tokens[0]);
        assertThat(type).as(label).isNotNull();
        List<String> positional = MermaidExporter.POSITIONAL.getOrDefault(type, List.of());
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, ParamDef> defs = new HashMap<>();
        CATALOG.spec(type).params().forEach(p -> defs.put(p.name(), p));
        int next = 0;
        for (int k = 1; k < tokens.length; k++) {
            int eq = tokens[k].indexOf('=');
            String name = eq < 0 ? positional.get(next++) : tokens[k].substring(0, eq);
            params.put(name, typed(defs.get(name), eq < 0 ? tokens[k] : tokens[k].substring(eq + 1)));
        }
        return new Node(id, type, params, Position.ORIGIN);
    }

    private static Object typed(ParamDef def, String value) {
        return switch (def.type()) {
            case INT -> Integer.parseInt(value);
            case DOUBLE -> Double.parseDouble(value);
            case BOOLEAN -> Boolean.parseBoolean(value);
            case CHOICE -> value;
        };
    }
}
