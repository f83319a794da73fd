package org.layercanvas.model.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Node;
import org.layercanvas.model.Position;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;

/** Layer shape rules applied one node at a time, with the catalog's defaults. */
class LayerShapesTest {
    private final Problems problems = new Problems();
    private final LayerShapes rules = new LayerShapes(problems);

    private LayerShapes.Result infer(LayerType type, TensorShape input, Object... params) {
        Node n = new Node("n", type, ShapeInferenceTest.params(params), new Position(0, 0));
        Map<String, Object> resolved = LayerCatalog.standard().resolve(n);
        return rules.infer(n, resolved, List.of(input), List.of(Edge.of("in", "n")));
    }

    @Test
    void inputShapesFollowTheKind() {
        assertThat(LayerShapes.inputShape(ShapeInferenceTest.params("kind", "image", "height", 28, "width", 20,
                "channels", 3))).isEqualTo(TensorShape.image(28, 20, 3));
        assertThat(LayerShapes.inputShape(ShapeInferenceTest.params("kind", "tokens", "length", 50,
                "vocabSize", 1000))).isEqualTo(TensorShape.tokens(50, 1000));
        assertThat(LayerShapes.inputShape(ShapeInferenceTest.params("kind", "vector", "size", 7)))
                .isEqualTo(TensorShape.vector(7));
    }

    @Test
    void denseCountsWeightsAndBiases() {
        LayerShapes.Result r = infer(LayerType.DENSE, TensorShape.vector(10), "units", 4);
        assertThat(r.shape()).isEqualTo(TensorShape.vector(4));
        assertThat(r.params()).isEqualTo(10 * 4 + 4);
    }

    @Test
    void validConvolutionShrinksByTheDilatedKernel() {
        // 28 - (3 + 2 * 1) + 1 = 24 with dilation 2
        LayerShapes.Result r = infer(LayerType.CONV2D, TensorShape.image(28, 28, 1), "kernel", 3, "stride", 1,
                "dilation", 2, "filters", 8, "padding", "valid");
        assertThat(r.shape()).isEqualTo(TensorShape.image(24, 24, 8));
        assertThat(r.params()).isEqualTo(3 * 3 * 1 * 8 + 8);
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void aPoolWindowLargerThanTheImageLeavesNothingAndSaysWhy() {
        LayerShapes.Result r = infer(LayerType.MAX_POOL2D, TensorShape.image(2, 2, 1), "size", 3, "stride", 1,
                "padding", "valid");
        assertThat(r).isNull();
        assertThat(problems.list()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("shape.pool.empty");
            assertThat(d.location()).isEqualTo("n.in");
        });
    }

    @Test
    void denseOnAnImageOffersAFlatten() {
        assertThat(infer(LayerType.DENSE, TensorShape.image(4, 4, 2), "units", 3)).isNull();
        assertThat(problems.list()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("shape.needVector");
            assertThat(d.fix()).isNotNull();
        });
    }
}
