package org.layercanvas.model.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.model.layers.LayerType.ACTIVATION;
import static org.layercanvas.model.layers.LayerType.ADD;
import static org.layercanvas.model.layers.LayerType.AVG_POOL2D;
import static org.layercanvas.model.layers.LayerType.BATCH_NORM;
import static org.layercanvas.model.layers.LayerType.CONCATENATE;
import static org.layercanvas.model.layers.LayerType.CONV2D;
import static org.layercanvas.model.layers.LayerType.DENSE;
import static org.layercanvas.model.layers.LayerType.DROPOUT;
import static org.layercanvas.model.layers.LayerType.EMBEDDING;
import static org.layercanvas.model.layers.LayerType.FLATTEN;
import static org.layercanvas.model.layers.LayerType.GLOBAL_AVG_POOL;
import static org.layercanvas.model.layers.LayerType.LAYER_NORM;
import static org.layercanvas.model.layers.LayerType.LSTM;
import static org.layercanvas.model.layers.LayerType.MAX_POOL2D;
import static org.layercanvas.model.layers.LayerType.OUTPUT;
import static org.layercanvas.model.layers.LayerType.SELF_ATTENTION;
import static org.layercanvas.model.layers.LayerType.SIMPLE_RNN;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.PortRef;
import org.layercanvas.model.Position;
import org.layercanvas.model.Split;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;

/**
 * Output shapes and parameter counts of every layer type, with expected numbers computed by hand. {@link Net} is a
 * small builder for test documents, shared by the other tests of this package.
 */
class ShapeInferenceTest {

    // ---- test document builder -------------------------------------------------------------------------------

    /** Builds documents for tests: nodes in order, at x = 100 * index, wires from "out" to "in". */
    static final class Net {
        final List<Node> nodes = new ArrayList<>();
        final List<Edge> edges = new ArrayList<>();
        DatasetSpec dataset;
        TrainingSettings training = TrainingSettings.DEFAULT;

        static Net create() {
            return new Net();
        }

        Net node(String id, LayerType type, Object... kv) {
            nodes.add(new Node(id, type, params(kv), new Position(100.0 * nodes.size(), 20.0 * nodes.size())));
            return this;
        }

        Net vectorInput(String id, int size) {
            return node(id, LayerType.INPUT, "kind", "vector", "size", size);
        }

        Net imageInput(String id, int h, int w, int c) {
            return node(id, LayerType.INPUT, "kind", "image", "height", h, "width", w, "channels", c);
        }

        Net tokensInput(String id, int length, int vocab) {
            return node(id, LayerType.INPUT, "kind", "tokens", "length", length, "vocabSize", vocab);
        }

        Net seriesInput(String id, int length, int features) {
            return node(id, LayerType.INPUT, "kind", "timeseries", "length", length, "features", features);
        }

        Net wire(String from, String to) {
            edges.add(Edge.of(from, to));
            return this;
        }

        Net wire(String from, String fromPort, String to, String toPort) {
            edges.add(new Edge(new PortRef(from, fromPort), new PortRef(to, toPort)));
            return this;
        }

        Net chain(String... ids) {
            for (int k = 1; k < ids.length; k++) {
                wire(ids[k - 1], ids[k]);
            }
            return this;
        }

        Net dataset(String id, Object... options) {
            dataset = new DatasetSpec(id, params(options), Split.DEFAULT, 1);
            return this;
        }

        Net dataset(DatasetSpec spec) {
            dataset = spec;
            return this;
        }

        Net training(TrainingSettings settings) {
            training = settings;
            return this;
        }

        NetworkDocument doc() {
            return new NetworkDocument(new Metadata("test", ""), nodes, edges, dataset, training);
        }

        Analysis analyze() {
            return ShapeInferenceTest.analyze(doc());
        }
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], kv[k + 1]);
        }
        return m;
    }

    static Analysis analyze(NetworkDocument doc) {
        return new ShapeInference(LayerCatalog.standard()).analyze(doc);
    }

    static TensorShape vec(int n) {
        return TensorShape.vector(n);
    }

    static TensorShape img(int h, int w, int c) {
        return TensorShape.image(h, w, c);
    }

    static TensorShape seq(int t, int f) {
        return TensorShape.sequence(t, f);
    }

    private static void assertNoErrorsOn(Analysis a, String nodeId) {
        assertThat(a.diagnosticsFor(nodeId)).filteredOn(Diagnostic::isError).isEmpty();
    }

    // ---- Input -----------------------------------------------------------------------------------------------

    @Test
    void inputKindsGiveTheirShapes() {
        Analysis a = Net.create()
                .vectorInput("v", 784)
                .imageInput("i", 32, 24, 3)
                .tokensInput("t", 50, 10_000)
                .seriesInput("s", 100, 6)
                .node("dflt", LayerType.INPUT)
                .analyze();
        assertThat(a.outputShape("v")).contains(vec(784));
        assertThat(a.outputShape("i")).contains(img(32, 24, 3));
        assertThat(a.outputShape("t")).contains(TensorShape.tokens(50, 10_000));
        assertThat(a.outputShape("s")).contains(seq(100, 6));
        assertThat(a.outputShape("dflt")).contains(vec(2));
        for (String id : List.of("v", "i", "t", "s", "dflt")) {
            assertThat(a.paramCount(id)).isZero();
            assertThat(a.paramCounts()).containsEntry(id, 0L);
        }
    }

    // ---- Dense and Output ------------------------------------------------------------------------------------

    @Test
    void denseCountsWeightsAndBiases() {
        Analysis a = Net.create().vectorInput("in", 784)
                .node("d", DENSE, "units", 128)
                .node("nb", DENSE, "units", 64, "useBias", false)
                .node("out", OUTPUT, "units", 10)
                .chain("in", "d", "nb", "out").analyze();
        assertThat(a.hasErrors()).as(a.diagnostics().toString()).isFalse();
        assertThat(a.outputShape("d")).contains(vec(128));
        assertThat(a.paramCount("d")).isEqualTo(784L * 128 + 128); // 100480
        assertThat(a.outputShape("nb")).contains(vec(64));
        assertThat(a.paramCount("nb")).isEqualTo(128L * 64); // 8192, no bias
        assertThat(a.outputShape("out")).contains(vec(10));
        assertThat(a.paramCount("out")).isEqualTo(64L * 10 + 10); // 650
        assertThat(a.totalParams()).isEqualTo(100_480 + 8_192 + 650);
        assertThat(a.order()).containsExactly("in", "d", "nb", "out");
    }

    @Test
    void denseDefaultsAreSixtyFourUnitsWithBias() {
        Analysis a = Net.create().vectorInput("in", 3).node("d", DENSE).chain("in", "d").analyze();
        assertThat(a.outputShape("d")).contains(vec(64));
        assertThat(a.paramCount("d")).isEqualTo(3 * 64 + 64);
    }

    @Test
    void outputDefaultsToTenUnitsAndCountsItsOwnDenseLayer() {
        Analysis a = Net.create().vectorInput("in", 2).node("out", OUTPUT).chain("in", "out").analyze();
        assertThat(a.outputShape("out")).contains(vec(10));
        assertThat(a.paramCount("out")).isEqualTo(2 * 10 + 10);
        assertThat(a.hasErrors()).isFalse();
    }

    @Test
    void sigmoidOutputWithOneUnit() {
        Analysis a = Net.create().vectorInput("in", 5).node("out", OUTPUT, "units", 1, "loss", "sigmoid_bce")
                .chain("in", "out").analyze();
        assertThat(a.outputShape("out")).contains(vec(1));
        assertThat(a.paramCount("out")).isEqualTo(6);
        assertThat(a.hasErrors()).isFalse();
    }

    // ---- shape-preserving layers -----------------------------------------------------------------------------

    @Test
    void activationAndDropoutKeepTheShapeOfAnyNonTokenInput() {
        Analysis a = Net.create()
                .vectorInput("v", 7).node("av", ACTIVATION).node("dv", DROPOUT, "rate", 0.5).chain("v", "av", "dv")
                .imageInput("i", 9, 8, 3).node("ai", ACTIVATION, "function", "leakyrelu", "alpha", 0.2)
                .node("di", DROPOUT).chain("i", "ai", "di")
                .seriesInput("s", 12, 4).node("as", ACTIVATION, "function", "tanh").node("ds", DROPOUT)
                .chain("s", "as", "ds")
                .analyze();
        assertThat(a.outputShape("av")).contains(vec(7));
        assertThat(a.outputShape("dv")).contains(vec(7));
        assertThat(a.outputShape("ai")).contains(img(9, 8, 3));
        assertThat(a.outputShape("di")).contains(img(9, 8, 3));
        assertThat(a.outputShape("as")).contains(seq(12, 4));
        assertThat(a.outputShape("ds")).contains(seq(12, 4));
        for (String id : List.of("av", "dv", "ai", "di", "as", "ds")) {
            assertThat(a.paramCounts()).containsEntry(id, 0L);
            assertNoErrorsOn(a, id);
        }
        assertThat(a.totalParams()).isZero();
    }

    @Test
    void batchNormHasFourParametersPerFeatureOrChannel() {
        Analysis a = Net.create()
                .vectorInput("v", 128).node("bv", BATCH_NORM).chain("v", "bv")
                .imageInput("i", 14, 14, 32).node("bi", BATCH_NORM).chain("i", "bi")
                .analyze();
        assertThat(a.outputShape("bv")).contains(vec(128));
        assertThat(a.paramCount("bv")).isEqualTo(4 * 128);
        assertThat(a.outputShape("bi")).contains(img(14, 14, 32));
        assertThat(a.paramCount("bi")).isEqualTo(4 * 32);
        assertThat(a.totalParams()).isEqualTo(512 + 128);
    }

    @Test
    void layerNormHasTwoParametersPerFeature() {
        Analysis a = Net.create()
                .vectorInput("v", 128).node("lv", LAYER_NORM).chain("v", "lv")
                .seriesInput("s", 50, 64).node("ls", LAYER_NORM, "epsilon", 1e-3).chain("s", "ls")
                .analyze();
        assertThat(a.outputShape("lv")).contains(vec(128));
        assertThat(a.paramCount("lv")).isEqualTo(2 * 128);
        assertThat(a.outputShape("ls")).contains(seq(50, 64));
        assertThat(a.paramCount("ls")).isEqualTo(2 * 64);
    }

    // ---- convolution and pooling -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}x{1}x{2}, {3} filters k{4} s{5} {6} d{7} -> {8}x{9}")
    @CsvSource({
            // h, w, cin, filters, kernel, stride, padding, dilation, outH, outW
            "28, 28, 1, 32, 3, 1, valid, 1, 26, 26",   // (28-3)/1+1
            "28, 28, 1, 32, 3, 1, same, 1, 28, 28",    // ceil(28/1)
            "28, 28, 1, 32, 3, 2, valid, 1, 13, 13",   // floor(25/2)+1
            "28, 28, 1, 32, 3, 2, same, 1, 14, 14",    // ceil(28/2)
            "27, 27, 3, 16, 3, 2, same, 1, 14, 14",    // ceil(27/2)
            "28, 20, 3, 8, 5, 1, valid, 1, 24, 16",    // non-square: (28-5)+1, (20-5)+1
            "28, 28, 3, 8, 3, 1, valid, 2, 24, 24",    // dilated kernel spans 3+2*1 = 5: 28-5+1
            "32, 32, 3, 64, 3, 1, valid, 3, 26, 26",   // spans 3+2*2 = 7: 32-7+1
            "32, 32, 3, 64, 3, 1, same, 3, 32, 32",    // same ignores dilation for the size
            "7, 7, 64, 10, 7, 1, valid, 1, 1, 1",      // kernel as large as the image
            "10, 10, 2, 4, 1, 3, valid, 1, 4, 4",      // 1x1 kernel, floor(9/3)+1
    })
    void conv2dShapeAndParams(int h, int w, int cin, int filters, int kernel, int stride, String padding,
                              int dilation, int outH, int outW) {
        Analysis a = Net.create().imageInput("in", h, w, cin)
                .node("conv", CONV2D, "filters", filters, "kernel", kernel, "stride", stride, "padding", padding,
                        "dilation", dilation)
                .chain("in", "conv").analyze();
        assertNoErrorsOn(a, "conv");
        assertThat(a.outputShape("conv")).contains(img(outH, outW, filters));
        assertThat(a.paramCount("conv")).isEqualTo((long) kernel * kernel * cin * filters + filters);
    }

    @Test
    void conv2dHandComputedCounts() {
        Analysis a = Net.create().imageInput("in", 28, 28, 1)
                .node("c1", CONV2D, "filters", 32)                     // 3*3*1*32+32 = 320
                .node("c2", CONV2D, "filters", 64, "padding", "same")  // 3*3*32*64+64 = 18496
                .chain("in", "c1", "c2").analyze();
        assertThat(a.outputShape("c1")).contains(img(26, 26, 32));
        assertThat(a.paramCount("c1")).isEqualTo(320);
        assertThat(a.outputShape("c2")).contains(img(26, 26, 64));
        assertThat(a.paramCount("c2")).isEqualTo(18_496);
        assertThat(a.totalParams()).isEqualTo(18_816);
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3} size {4} stride {5} {6} -> {7}x{8}")
    @CsvSource({
            "MAX_POOL2D, 28, 28, 32, 2, 2, valid, 14, 14",
            "AVG_POOL2D, 28, 28, 32, 2, 2, valid, 14, 14",
            "MAX_POOL2D, 27, 27, 8, 2, 2, valid, 13, 13",  // floor(25/2)+1
            "MAX_POOL2D, 27, 27, 8, 2, 2, same, 14, 14",   // ceil(27/2)
            "AVG_POOL2D, 28, 28, 3, 3, 1, valid, 26, 26",
            "AVG_POOL2D, 9, 6, 5, 3, 3, valid, 3, 2",      // non-square
            "MAX_POOL2D, 5, 5, 1, 5, 1, valid, 1, 1",
    })
    void poolShapes(LayerType type, int h, int w, int c, int size, int stride, String padding, int outH,
                    int outW) {
        Analysis a = Net.create().imageInput("in", h, w, c)
                .node("pool", type, "size", size, "stride", stride, "padding", padding)
                .chain("in", "pool").analyze();
        assertNoErrorsOn(a, "pool");
        assertThat(a.outputShape("pool")).contains(img(outH, outW, c));
        assertThat(a.paramCounts()).containsEntry("pool", 0L);
    }

    @Test
    void poolDefaultsAreTwoByTwoStrideTwo() {
        Analysis a = Net.create().imageInput("in", 8, 8, 4).node("mp", MAX_POOL2D).node("ap", AVG_POOL2D)
                .chain("in", "mp", "ap").analyze();
        assertThat(a.outputShape("mp")).contains(img(4, 4, 4));
        assertThat(a.outputShape("ap")).contains(img(2, 2, 4));
    }

    @Test
    void globalAvgPoolOnImageAndSequence() {
        Analysis a = Net.create()
                .imageInput("i", 7, 7, 64).node("gi", GLOBAL_AVG_POOL).chain("i", "gi")
                .seriesInput("s", 50, 12).node("gs", GLOBAL_AVG_POOL).chain("s", "gs")
                .analyze();
        assertThat(a.outputShape("gi")).contains(vec(64));
        assertThat(a.outputShape("gs")).contains(vec(12));
        assertThat(a.paramCounts()).containsEntry("gi", 0L).containsEntry("gs", 0L);
    }

    @Test
    void flattenOfImageAndSequence() {
        Analysis a = Net.create()
                .imageInput("i", 7, 7, 64).node("fi", FLATTEN).chain("i", "fi")
                .seriesInput("s", 50, 64).node("fs", FLATTEN).chain("s", "fs")
                .analyze();
        assertThat(a.outputShape("fi")).contains(vec(3136));
        assertThat(a.outputShape("fs")).contains(vec(3200));
        assertThat(a.paramCounts()).containsEntry("fi", 0L).containsEntry("fs", 0L);
        assertNoErrorsOn(a, "fi");
        assertNoErrorsOn(a, "fs");
    }

    // ---- sequences -------------------------------------------------------------------------------------------

    @Test
    void embeddingTurnsTokensIntoASequence() {
        Analysis a = Net.create().tokensInput("in", 50, 10_000).node("emb", EMBEDDING, "dim", 64)
                .chain("in", "emb").analyze();
        assertThat(a.outputShape("emb")).contains(seq(50, 64));
        assertThat(a.paramCount("emb")).isEqualTo(10_000L * 64); // 640000
    }

    @Test
    void embeddingWithPositionsLearnsOneMoreVectorPerStep() {
        Analysis a = Net.create().tokensInput("in", 10, 16).node("emb", EMBEDDING, "dim", 32, "positions", true)
                .chain("in", "emb").analyze();
        assertNoErrorsOn(a, "emb");
        assertThat(a.outputShape("emb")).contains(seq(10, 32));
        assertThat(a.paramCount("emb")).isEqualTo((16L + 10) * 32);
    }

    @Test
    void denseOnASequenceWorksOnEachStepWithSharedWeights() {
        Analysis a = Net.create().seriesInput("in", 10, 32).node("ff", DENSE, "units", 64)
                .node("nb", DENSE, "units", 8, "useBias", false).chain("in", "ff", "nb").analyze();
        assertNoErrorsOn(a, "ff");
        assertNoErrorsOn(a, "nb");
        assertThat(a.outputShape("ff")).contains(seq(10, 64));
        assertThat(a.paramCount("ff")).isEqualTo(32L * 64 + 64);
        assertThat(a.outputShape("nb")).contains(seq(10, 8));
        assertThat(a.paramCount("nb")).isEqualTo(64L * 8);
    }

    @Test
    void embeddingDefaultDimIsSixtyFour() {
        Analysis a = Net.create().tokensInput("in", 20, 500).node("emb", EMBEDDING).chain("in", "emb").analyze();
        assertThat(a.outputShape("emb")).contains(seq(20, 64));
        assertThat(a.paramCount("emb")).isEqualTo(32_000);
    }

    @ParameterizedTest(name = "LSTM f={0} u={1} bidi={2} seq={3}")
    @CsvSource({
            // features, units, bidirectional, returnSequences, params, out is sequence, out width
            "64, 32, false, false, 12416, false, 32",  // 4*(64*32+32*32+32) = 4*3104
            "64, 32, true, false, 24832, false, 64",   // x2, output 2u
            "64, 32, false, true, 12416, true, 32",
            "64, 32, true, true, 24832, true, 64",
            "1, 1, false, false, 12, false, 1",        // 4*(1+1+1)
            "10, 20, false, false, 2480, false, 20",   // 4*(200+400+20) = 4*620
    })
    void lstmParamsAndShape(int features, int units, boolean bidirectional, boolean returnSequences, long params,
                            boolean sequenceOut, int width) {
        Analysis a = Net.create().seriesInput("in", 30, features)
                .node("lstm", LSTM, "units", units, "bidirectional", bidirectional, "returnSequences",
                        returnSequences)
                .chain("in", "lstm").analyze();
        assertNoErrorsOn(a, "lstm");
        assertThat(a.paramCount("lstm")).isEqualTo(params);
        assertThat(a.paramCount("lstm")).isEqualTo(
                4L * (features * units + units * units + units) * (bidirectional ? 2 : 1));
        assertThat(a.outputShape("lstm")).contains(sequenceOut ? seq(30, width) : vec(width));
    }

    @ParameterizedTest(name = "SimpleRNN f={0} u={1} seq={2}")
    @CsvSource({
            "64, 32, false, 3104",  // 64*32 + 32*32 + 32
            "64, 32, true, 3104",
            "3, 5, false, 45",      // 15 + 25 + 5
    })
    void simpleRnnParamsAndShape(int features, int units, boolean returnSequences, long params) {
        Analysis a = Net.create().seriesInput("in", 30, features)
                .node("rnn", SIMPLE_RNN, "units", units, "returnSequences", returnSequences)
                .chain("in", "rnn").analyze();
        assertNoErrorsOn(a, "rnn");
        assertThat(a.paramCount("rnn")).isEqualTo(params);
        assertThat(a.outputShape("rnn")).contains(returnSequences ? seq(30, units) : vec(units));
    }

    @Test
    void stackedRecurrentLayersOnEmbeddedTokens() {
        Analysis a = Net.create().tokensInput("in", 40, 1000)
                .node("emb", EMBEDDING, "dim", 16)                                   // 16000
                .node("l1", LSTM, "units", 8, "returnSequences", true, "bidirectional", true) // 4*(128+64+8)*2=1600
                .node("r2", SIMPLE_RNN, "units", 4)                                  // 16*4+16+4 = 84
                .node("out", OUTPUT, "units", 2, "loss", "softmax_ce")              // 4*2+2 = 10
                .chain("in", "emb", "l1", "r2", "out").analyze();
        assertThat(a.hasErrors()).as(a.diagnostics().toString()).isFalse();
        assertThat(a.outputShape("l1")).contains(seq(40, 16));
        assertThat(a.outputShape("r2")).contains(vec(4));
        assertThat(a.paramCount("l1")).isEqualTo(1600);
        assertThat(a.paramCount("r2")).isEqualTo(84);
        assertThat(a.totalParams()).isEqualTo(16_000 + 1600 + 84 + 10);
    }

    @Test
    void selfAttentionKeepsTheShape() {
        Analysis a = Net.create().seriesInput("in", 50, 64)
                .node("att", SELF_ATTENTION, "heads", 4, "headSize", 16)
                .node("att2", SELF_ATTENTION, "heads", 2, "headSize", 8)
                .node("dflt", SELF_ATTENTION)
                .chain("in", "att", "att2", "dflt").analyze();
        assertThat(a.outputShape("att")).contains(seq(50, 64));
        assertThat(a.paramCount("att")).isEqualTo(4L * 4 * 16 * 64); // 16384
        assertThat(a.paramCount("att2")).isEqualTo(4L * 2 * 8 * 64); // 4096
        assertThat(a.paramCount("dflt")).isEqualTo(4L * 4 * 16 * 64); // defaults heads 4, headSize 16
        assertThat(a.outputShape("dflt")).contains(seq(50, 64));
    }

    // ---- merges ----------------------------------------------------------------------------------------------

    @Test
    void addOfEqualShapes() {
        Analysis a = Net.create().vectorInput("in", 16)
                .node("a", DENSE, "units", 8).node("b", DENSE, "units", 8).node("c", DENSE, "units", 8)
                .node("sum", ADD)
                .wire("in", "a").wire("in", "b").wire("in", "c")
                .wire("a", "sum").wire("b", "sum").wire("c", "sum").analyze();
        assertNoErrorsOn(a, "sum");
        assertThat(a.outputShape("sum")).contains(vec(8));
        assertThat(a.paramCounts()).containsEntry("sum", 0L);
        assertThat(a.totalParams()).isEqualTo(3 * (16 * 8 + 8));
    }

    @Test
    void residualAddOnImages() {
        Analysis a = Net.create().imageInput("in", 8, 8, 4)
                .node("conv", CONV2D, "filters", 4, "padding", "same") // 3*3*4*4+4 = 148
                .node("sum", ADD)
                .wire("in", "conv").wire("conv", "sum").wire("in", "sum").analyze();
        assertNoErrorsOn(a, "sum");
        assertThat(a.outputShape("sum")).contains(img(8, 8, 4));
        assertThat(a.totalParams()).isEqualTo(148);
    }

    @Test
    void concatenateVectorsSumsFeatures() {
        Analysis a = Net.create().vectorInput("in", 10)
                .node("a", DENSE, "units", 32).node("b", DENSE, "units", 16)
                .node("cat", CONCATENATE)
                .node("out", OUTPUT, "units", 3)
                .wire("in", "a").wire("in", "b").wire("a", "cat").wire("b", "cat").wire("cat", "out")
                .analyze();
        assertThat(a.hasErrors()).as(a.diagnostics().toString()).isFalse();
        assertThat(a.outputShape("cat")).contains(vec(48));
        assertThat(a.paramCount("out")).isEqualTo(48 * 3 + 3);
        assertThat(a.totalParams()).isEqualTo((10 * 32 + 32) + (10 * 16 + 16) + (48 * 3 + 3));
    }

    @Test
    void concatenateImagesJoinsChannels() {
        Analysis a = Net.create().imageInput("in", 14, 14, 3)
                .node("a", CONV2D, "filters", 8, "padding", "same")
                .node("b", CONV2D, "filters", 16, "kernel", 5, "padding", "same")
                .node("cat", CONCATENATE)
                .wire("in", "a").wire("in", "b").wire("a", "cat").wire("b", "cat").wire("in", "cat")
                .analyze();
        assertNoErrorsOn(a, "cat");
        assertThat(a.outputShape("cat")).contains(img(14, 14, 8 + 16 + 3));
        assertThat(a.paramCount("a")).isEqualTo(3 * 3 * 3 * 8 + 8);
        assertThat(a.paramCount("b")).isEqualTo(5 * 5 * 3 * 16 + 16);
    }

    @Test
    void concatenateSequencesJoinsFeatures() {
        Analysis a = Net.create().seriesInput("in", 50, 32)
                .node("att", SELF_ATTENTION, "heads", 2, "headSize", 16)
                .node("rnn", SIMPLE_RNN, "units", 64, "returnSequences", true)
                .node("cat", CONCATENATE)
                .wire("in", "att").wire("in", "rnn").wire("att", "cat").wire("rnn", "cat").analyze();
        assertNoErrorsOn(a, "cat");
        assertThat(a.outputShape("cat")).contains(seq(50, 96));
    }

    // ---- whole networks --------------------------------------------------------------------------------------

    @Test
    void lenetLikeNetworkTotals() {
        Analysis a = Net.create().imageInput("in", 28, 28, 1)
                .node("c1", CONV2D, "filters", 6, "kernel", 5, "padding", "same") // 5*5*1*6+6 = 156 -> 28x28x6
                .node("p1", MAX_POOL2D)                                           // 14x14x6
                .node("c2", CONV2D, "filters", 16, "kernel", 5)                   // 5*5*6*16+16 = 2416 -> 10x10x16
                .node("p2", AVG_POOL2D)                                           // 5x5x16
                .node("bn", BATCH_NORM)                                           // 64
                .node("f", FLATTEN)                                               // 400
                .node("d1", DENSE, "units", 120)                                  // 400*120+120 = 48120
                .node("drop", DROPOUT)
                .node("d2", DENSE, "units", 84)                                   // 120*84+84 = 10164
                .node("ln", LAYER_NORM)                                           // 168
                .node("act", ACTIVATION, "function", "gelu")
                .node("out", OUTPUT, "units", 10)                                 // 84*10+10 = 850
                .chain("in", "c1", "p1", "c2", "p2", "bn", "f", "d1", "drop", "d2", "ln", "act", "out")
                .dataset("random", "features", 784)
                .analyze();
        assertThat(a.outputShape("p2")).contains(img(5, 5, 16));
        assertThat(a.outputShape("f")).contains(vec(400));
        assertThat(a.totalParams()).isEqualTo(156 + 2416 + 64 + 48_120 + 10_164 + 168 + 850);
        assertThat(a.totalParams()).isEqualTo(
                a.paramCounts().values().stream().mapToLong(Long::longValue).sum());
        // the random dataset gives 784-vectors, not 28x28x1 images: exactly that one error
        assertThat(a.errors()).extracting(Diagnostic::code).containsExactly("dataset.inputMismatch");
    }

    @Test
    void everyLayerTypeIsCoveredByTheseTests() {
        // guards against a new LayerType slipping in without a shape test here
        Set<LayerType> covered = EnumSet.of(LayerType.INPUT, DENSE, ACTIVATION, DROPOUT, BATCH_NORM, LAYER_NORM,
                CONV2D, MAX_POOL2D, AVG_POOL2D, GLOBAL_AVG_POOL, FLATTEN, EMBEDDING, LSTM, SIMPLE_RNN,
                SELF_ATTENTION, ADD, CONCATENATE, OUTPUT);
        assertThat(covered).containsExactlyInAnyOrder(LayerType.values());
    }

    @Nested
    class TotalParams {
        @Test
        void isTheSumOverNodesAndZeroForAnEmptyDocument() {
            Analysis empty = Net.create().analyze();
            assertThat(empty.totalParams()).isZero();
            assertThat(empty.outputShapes()).isEmpty();
            Analysis mlp = Net.create().vectorInput("in", 784)
                    .node("h1", DENSE, "units", 128).node("h2", DENSE, "units", 64)
                    .node("out", OUTPUT, "units", 10)
                    .chain("in", "h1", "h2", "out").analyze();
            assertThat(mlp.totalParams()).isEqualTo(100_480 + 8_256 + 650); // 109386
        }

        @Test
        void excludesNodesWhoseShapeIsUnknown() {
            Analysis a = Net.create().imageInput("in", 4, 4, 1)
                    .node("d", DENSE, "units", 3)     // broken: image into Dense
                    .node("out", OUTPUT, "units", 2)
                    .chain("in", "d", "out").analyze();
            assertThat(a.paramCounts()).containsOnlyKeys("in");
            assertThat(a.totalParams()).isZero();
        }
    }
}
