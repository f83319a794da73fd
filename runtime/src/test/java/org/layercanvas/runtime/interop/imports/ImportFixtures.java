package org.layercanvas.runtime.interop.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;

/** Shared helpers of the import tests: fixtures, files the tests write, parameter counts, failures. */
final class ImportFixtures {
    private ImportFixtures() {
    }

    /** A real Keras file under src/test/resources/org/layercanvas/runtime/interop/imports/keras (see README.md). */
    static Path keras(String name) {
        URL url = ImportFixtures.class.getResource("keras/" + name);
        assertThat(url).as("fixture %s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static Analysis analyze(NetworkDocument doc) {
        return new ShapeInference(LayerCatalog.standard()).analyze(doc);
    }

    static long params(NetworkDocument doc) {
        return analyze(doc).totalParams();
    }

    static Node node(NetworkDocument doc, String id) {
        return doc.node(id).orElseThrow(() -> new AssertionError("no node " + id + " in " + doc.nodes()));
    }

    /** The import's failure; fails the test when the import succeeds or throws anything else. */
    static ImportException failure(Path file) {
        try {
            ImportResult r = Importers.read(file);
            throw new AssertionError("imported, expected a failure: " + r.document().nodes());
        } catch (ImportException e) {
            return e;
        }
    }

    static List<String> texts(ImportException e) {
        return e.problems().stream().map(ImportProblem::toString).toList();
    }

    static List<String> warnings(ImportResult r) {
        return r.warnings().stream().map(ImportProblem::toString).toList();
    }
}
