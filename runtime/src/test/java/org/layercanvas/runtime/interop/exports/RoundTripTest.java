package org.layercanvas.runtime.interop.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.runtime.interop.imports.ImportException;
import org.layercanvas.runtime.interop.imports.Importers;
import org.layercanvas.samples.Samples;

/**
 * Document -> Mermaid -> document and document -> Keras JSON -> document through the importer
 * ({@link Importers#read(Path)}): the same nodes, types, resolved parameters and wires, for every sample and for
 * networks that use every layer type.
 */
class RoundTripTest {
    private static final LayerCatalog CATALOG = LayerCatalog.standard();

    @TempDir
    Path dir;

    static Stream<Arguments> cases() throws Exception {
        Map<String, NetworkDocument> docs = new java.util.LinkedHashMap<>();
        for (String sample : Samples.names()) {
            docs.put(sample, ExportFixtures.sample(sample));
        }
        docs.put("every-vector-layer", OnnxExportTest.vectorLayers());
        docs.put("every-image-layer", OnnxExportTest.imageLayers());
        docs.put("every-sequence-layer", OnnxExportTest.sequenceLayers());
        // The importer refuses Keras's MultiHeadAttention, so networks with attention (the transformer block) go
        // round through Mermaid only.
        Stream<Arguments> both = docs.entrySet().stream().flatMap(e -> hasAttention(e.getValue())
                ? Stream.of(Arguments.of(e.getKey(), e.getValue(), ExportFormat.MERMAID))
                : Stream.of(Arguments.of(e.getKey(), e.getValue(), ExportFormat.MERMAID),
                        Arguments.of(e.getKey(), e.getValue(), ExportFormat.KERAS_JSON)));
        // hard_sigmoid LSTM gates: the Keras JSON refuses them (Keras 3 reads its hard_sigmoid with slope 1/6)
        return Stream.concat(both, Stream.of(Arguments.of("self-attention", OnnxExportTest.attention(),
                ExportFormat.MERMAID), Arguments.of("hard-sigmoid-lstms", OnnxExportTest.hardSigmoidLstms(),
                ExportFormat.MERMAID)));
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("cases")
    void exportedNetworkImportsBackUnchanged(String sample, NetworkDocument doc, ExportFormat format)
            throws Exception {
        Path file = dir.resolve(sample + (format == ExportFormat.MERMAID ? ".mmd" : ".json"));
        Files.writeString(file, Exporters.text(doc, format), StandardCharsets.UTF_8);
        NetworkDocument back = imported(file);
        Map<String, String> ids = format == ExportFormat.MERMAID ? MermaidExporter.mermaidIds(doc)
                : doc.nodes().stream().collect(Collectors.toMap(Node::id, Node::id));
        assertThat(back.nodes()).hasSameSizeAs(doc.nodes());
        for (Node n : doc.nodes()) {
            Node m = back.node(ids.get(n.id())).orElseThrow(() -> new AssertionError("no node " + n.id()));
            assertThat(m.type()).as(n.id()).isEqualTo(n.type());
            assertThat(CATALOG.resolve(m)).as(n.id()).isEqualTo(CATALOG.resolve(n));
        }
        assertThat(wires(back, Map.of())).isEqualTo(wires(doc, ids));
    }

    private static boolean hasAttention(NetworkDocument doc) {
        return doc.nodes().stream().anyMatch(n -> n.type() == org.layercanvas.model.layers.LayerType.SELF_ATTENTION);
    }

    private static Set<String> wires(NetworkDocument doc, Map<String, String> rename) {
        return doc.edges().stream().map(e -> rename.getOrDefault(e.from().nodeId(), e.from().nodeId()) + " -> "
                + rename.getOrDefault(e.to().nodeId(), e.to().nodeId())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static NetworkDocument imported(Path file) {
        try {
            return Importers.read(file).document();
        } catch (ImportException e) {
            throw new AssertionError("import of " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

}
