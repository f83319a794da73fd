package org.layercanvas.model.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.layercanvas.model.layers.LayerType.ADD;
import static org.layercanvas.model.layers.LayerType.DENSE;
import static org.layercanvas.model.layers.LayerType.FLATTEN;
import static org.layercanvas.model.layers.LayerType.OUTPUT;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.PortRef;
import org.layercanvas.model.Position;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.ShapeInferenceTest.Net;

class FixesTest {

    private static NetworkDocument imageIntoDense() {
        return Net.create().imageInput("in", 8, 8, 1).node("d1", DENSE, "units", 32)
                .node("out", OUTPUT, "units", 10).chain("in", "d1", "out").dataset("digits").doc();
    }

    @Test
    void insertReplacesTheWireWithTwoWiresThroughANewDefaultNode() {
        NetworkDocument doc = imageIntoDense();
        NetworkDocument fixed = Fixes.apply(doc, Fix.insert(FLATTEN, Edge.of("in", "d1")));
        Node flatten = fixed.node("flatten").orElseThrow();
        assertThat(flatten.type()).isEqualTo(FLATTEN);
        assertThat(flatten.params()).isEmpty();
        // in at (0, 0), d1 at (100, 20)
        assertThat(flatten.position()).isEqualTo(new Position(50, 10));
        assertThat(fixed.edges()).containsExactly(Edge.of("in", "flatten"), Edge.of("flatten", "d1"),
                Edge.of("d1", "out"));
        assertThat(fixed.nodes()).hasSize(4);
        assertThat(fixed.metadata()).isEqualTo(doc.metadata());
        assertThat(fixed.dataset()).isEqualTo(doc.dataset());
        assertThat(fixed.training()).isEqualTo(doc.training());
    }

    @Test
    void theOriginalDocumentIsUnchanged() {
        NetworkDocument doc = imageIntoDense();
        NetworkDocument copy = new NetworkDocument(doc.metadata(), List.copyOf(doc.nodes()), List.copyOf(doc.edges()),
                doc.dataset(), doc.training());
        Fixes.apply(doc, Fix.insert(FLATTEN, Edge.of("in", "d1")));
        Fixes.apply(doc, Fix.setParam("d1", "units", 5));
        assertThat(doc).isEqualTo(copy);
    }

    @Test
    void freshIdsCountUpAndSkipTakenOnes() {
        NetworkDocument doc = Net.create().vectorInput("in", 4).node("flatten", DENSE).node("flatten3", DENSE)
                .node("a", DENSE).node("b", DENSE).node("c", DENSE)
                .chain("in", "flatten", "flatten3", "a", "b", "c").doc();
        NetworkDocument once = Fixes.apply(doc, Fix.insert(FLATTEN, Edge.of("a", "b")));
        assertThat(once.node("flatten2")).isPresent();
        NetworkDocument twice = Fixes.apply(once, Fix.insert(FLATTEN, Edge.of("b", "c")));
        assertThat(twice.node("flatten4")).isPresent();
        NetworkDocument bn = Fixes.apply(twice, Fix.insert(LayerType.BATCH_NORM, Edge.of("in", "flatten")));
        assertThat(bn.node("batchnorm")).map(Node::type).contains(LayerType.BATCH_NORM);
        assertThat(bn.nodes()).extracting(Node::id).doesNotHaveDuplicates();
    }

    @Test
    void insertKeepsTheTargetPortAndTheOtherWiresOfAMerge() {
        Edge custom = new Edge(new PortRef("b", "out"), new PortRef("sum", "in"));
        NetworkDocument doc = Net.create().vectorInput("in", 4).node("a", DENSE, "units", 4)
                .node("b", DENSE, "units", 4).node("sum", ADD)
                .wire("in", "a").wire("in", "b").wire("a", "sum").wire("b", "sum").doc();
        NetworkDocument fixed = Fixes.apply(doc, Fix.insert(LayerType.DROPOUT, custom));
        assertThat(fixed.edges()).containsExactly(Edge.of("in", "a"), Edge.of("in", "b"), Edge.of("a", "sum"),
                Edge.of("b", "dropout"), Edge.of("dropout", "sum"));
        assertThat(ShapeInferenceTest.analyze(fixed).outputShape("sum")).contains(TensorShape.vector(4));
    }

    @Test
    void setParamChangesOnlyThatParameter() {
        NetworkDocument doc = imageIntoDense();
        NetworkDocument fixed = Fixes.apply(doc, Fix.setParam("out", "loss", "sigmoid_bce"));
        Node out = fixed.node("out").orElseThrow();
        assertThat(out.params()).containsEntry("loss", "sigmoid_bce").containsEntry("units", 10);
        assertThat(out.position()).isEqualTo(doc.node("out").orElseThrow().position());
        assertThat(fixed.nodes()).extracting(Node::id).containsExactly("in", "d1", "out");
        assertThat(fixed.edges()).isEqualTo(doc.edges());
        NetworkDocument units = Fixes.apply(doc, Fix.setParam("d1", "units", 7));
        assertThat(units.node("d1").orElseThrow().params()).containsEntry("units", 7);
    }

    @Test
    void missingWireOrNodeIsRejected() {
        NetworkDocument doc = imageIntoDense();
        assertThatThrownBy(() -> Fixes.apply(doc, Fix.insert(FLATTEN, Edge.of("in", "out"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixes.apply(doc, Fix.insert(FLATTEN,
                new Edge(new PortRef("in", "out"), new PortRef("d1", "other")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixes.apply(doc, Fix.setParam("ghost", "units", 3)))
                .isInstanceOf(IllegalArgumentException.class);
        // a wire listed in the document but leading to a node that is not there
        NetworkDocument dangling = doc.withEdges(List.of(Edge.of("in", "d1"), Edge.of("d1", "ghost")));
        assertThatThrownBy(() -> Fixes.apply(dangling, Fix.insert(FLATTEN, Edge.of("d1", "ghost"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixes.apply(doc, Fix.insert(OUTPUT, Edge.of("in", "d1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixes.apply(doc, Fix.insert(LayerType.INPUT, Edge.of("in", "d1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyFixTheValidatorOffersIsApplicableAndRemovesItsError() {
        List<NetworkDocument> docs = List.of(
                imageIntoDense(),
                Net.create().vectorInput("in", 784).node("out", OUTPUT, "units", 10).chain("in", "out")
                        .dataset("digits").doc(),
                Net.create().vectorInput("in", 64).node("out", OUTPUT, "units", 3).chain("in", "out")
                        .dataset("digits").doc(),
                Net.create().vectorInput("in", 2).node("out", OUTPUT, "units", 1).chain("in", "out").doc(),
                Net.create().tokensInput("in", 10, 100).node("drop", LayerType.DROPOUT).chain("in", "drop").doc());
        for (NetworkDocument doc : docs) {
            Analysis before = ShapeInferenceTest.analyze(doc);
            List<Diagnostic> withFix = before.diagnostics().stream().filter(d -> d.fix() != null).toList();
            assertThat(withFix).as(before.diagnostics().toString()).isNotEmpty();
            for (Diagnostic d : withFix) {
                Analysis after = ShapeInferenceTest.analyze(Fixes.apply(doc, d.fix()));
                assertThat(after.diagnostics()).extracting(Diagnostic::code).as(d.toString())
                        .doesNotContain(d.code());
            }
        }
    }
}
