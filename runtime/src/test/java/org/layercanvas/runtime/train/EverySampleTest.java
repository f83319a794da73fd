package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.samples.Samples;

/**
 * Every bundled sample is valid and compiles; every sample whose data is bundled or generated trains with its own
 * settings to the test accuracy {@code expected.properties} states. Samples on downloaded data are checked here for
 * shape and compilation only (no download); {@link DownloadedSamplesStandInTest} trains each of them for one epoch
 * on generated stand-in files of the real format.
 */
class EverySampleTest {

    static Stream<String> samples() {
        return Samples.names().stream();
    }

    static Stream<String> offlineSamples() {
        return samples().filter(n -> !DatasetCatalog.DOWNLOADED.contains(doc(n).dataset().id()));
    }

    private static NetworkDocument doc(String name) {
        try {
            return DocumentJson.read(Samples.text(name).orElseThrow(), name);
        } catch (Exception e) {
            throw new AssertionError("sample " + name + " does not read", e);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void isValidCompilesAndStatesWhatItReaches(String name) throws Exception {
        NetworkDocument doc = doc(name);
        Analysis analysis = new ShapeInference(LayerCatalog.standard()).analyze(doc);
        assertThat(analysis.diagnostics()).as(name).isEmpty();
        assertThat(new GraphCompiler(LayerCatalog.standard()).compile(doc).configuration().getVertices())
                .as(name + " compiles to DL4J").isNotEmpty();
        Samples.Expected expected = Samples.expected(name).orElseThrow(
                () -> new AssertionError(name + " has no line in expected.properties"));
        assertThat(expected.measured()).as(name + " is measured unless its data is downloaded")
                .isEqualTo(!DatasetCatalog.DOWNLOADED.contains(doc.dataset().id()));
        assertThat(doc.metadata().description()).as(name + "'s description").hasSizeGreaterThan(80);
    }

    @ParameterizedTest
    @MethodSource("offlineSamples")
    void trainsToItsStatedAccuracy(String name) {
        List<TrainingEvent> events = new java.util.ArrayList<>();
        TrainingSession.Result r = new TrainingSession(doc(name), new TrainingSession.Options("cpu", 0), events::add)
                .run();
        assertThat(r.succeeded()).as("%s failed: %s", name, r.failed()).isTrue();
        assertThat(r.finished().testAccuracy()).as(name + " test accuracy")
                .isGreaterThanOrEqualTo(Samples.expected(name).orElseThrow().accuracy());
    }
}
