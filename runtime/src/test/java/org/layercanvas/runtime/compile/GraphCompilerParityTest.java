package org.layercanvas.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.compile.Networks.activation;
import static org.layercanvas.runtime.compile.Networks.attention;
import static org.layercanvas.runtime.compile.Networks.chain;
import static org.layercanvas.runtime.compile.Networks.conv;
import static org.layercanvas.runtime.compile.Networks.dense;
import static org.layercanvas.runtime.compile.Networks.graph;
import static org.layercanvas.runtime.compile.Networks.imageInput;
import static org.layercanvas.runtime.compile.Networks.lstm;
import static org.layercanvas.runtime.compile.Networks.node;
import static org.layercanvas.runtime.compile.Networks.of;
import static org.layercanvas.runtime.compile.Networks.output;
import static org.layercanvas.runtime.compile.Networks.pool;
import static org.layercanvas.runtime.compile.Networks.rnn;
import static org.layercanvas.runtime.compile.Networks.seriesInput;
import static org.layercanvas.runtime.compile.Networks.tokensInput;
import static org.layercanvas.runtime.compile.Networks.vectorInput;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.samples.Samples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The editor's numbers are DL4J's numbers: for networks covering every layer type and option, the model's shape
 * inference and the compiled DL4J graph agree on (a) every node's parameter count and the total, (b) every
 * node's activation type as DL4J's configuration reports it, and (c) the array every node produces in a real
 * forward pass, ending in {@code [mb, units]}.
 */
class GraphCompilerParityTest {
    private static final LayerCatalog CATALOG = LayerCatalog.standard();
    private static final int MB = 3;

    /** A named document; the name is the parameterised test's display name. */
    record Case(String name, NetworkDocument doc) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        // ---- Input kinds
        c.add(new Case("Input vector", chain(vectorInput(5), dense(4, "tanh"), output(3, "softmax_ce"))));
        c.add(new Case("Input image", chain(imageInput(6, 5, 2), conv(3, 3, 1, "valid", 1, "relu"),
                of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        c.add(new Case("Input tokens", chain(tokensInput(4, 11), node(LayerType.EMBEDDING, "dim", 5),
                of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        c.add(new Case("Input timeseries", chain(seriesInput(4, 3), lstm(5, false, false),
                output(2, "softmax_ce"))));
        // ---- Dense
        c.add(new Case("Dense with bias", chain(vectorInput(5),
                node(LayerType.DENSE, "units", 4, "activation", "relu", "useBias", true), output(3, "softmax_ce"))));
        c.add(new Case("Dense without bias", chain(vectorInput(5),
                node(LayerType.DENSE, "units", 4, "activation", "relu", "useBias", false),
                output(3, "softmax_ce"))));
        // ---- Activation, each function
        for (String f : LayerCatalog.ACTIVATIONS) {
            c.add(new Case("Activation " + f, chain(vectorInput(5), dense(4, "identity"), activation(f),
                    output(3, "softmax_ce"))));
            c.add(new Case("Dense activation " + f, chain(vectorInput(5), dense(4, f), output(3, "softmax_ce"))));
        }
        c.add(new Case("Activation leakyrelu alpha on image", chain(imageInput(5, 5, 2),
                conv(2, 3, 1, "same", 1, "identity"), node(LayerType.ACTIVATION, "function", "leakyrelu", "alpha", 0.3),
                of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        c.add(new Case("Activation softmax on sequence", chain(seriesInput(4, 3), activation("softmax"),
                lstm(3, false, false), output(2, "softmax_ce"))));
        // ---- Dropout
        c.add(new Case("Dropout vector", chain(vectorInput(5), dense(4, "relu"),
                node(LayerType.DROPOUT, "rate", 0.5), output(3, "softmax_ce"))));
        c.add(new Case("Dropout rate 0", chain(vectorInput(5), dense(4, "relu"),
                node(LayerType.DROPOUT, "rate", 0.0), output(3, "softmax_ce"))));
        c.add(new Case("Dropout image", chain(imageInput(5, 5, 2), node(LayerType.DROPOUT, "rate", 0.2),
                conv(2, 3, 1, "valid", 1, "relu"), of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        c.add(new Case("Dropout sequence", chain(seriesInput(4, 3), node(LayerType.DROPOUT, "rate", 0.2),
                lstm(3, false, false), output(2, "softmax_ce"))));
        // ---- Normalisation
        c.add(new Case("BatchNorm after Dense", chain(vectorInput(5), dense(4, "identity"),
                of(LayerType.BATCH_NORM), activation("relu"), output(3, "softmax_ce"))));
        c.add(new Case("BatchNorm after Conv2D", chain(imageInput(5, 5, 2), conv(3, 3, 1, "same", 1, "identity"),
                node(LayerType.BATCH_NORM, "momentum", 0.5, "epsilon", 1e-3), of(LayerType.FLATTEN),
                output(3, "softmax_ce"))));
        c.add(new Case("LayerNorm vector", chain(vectorInput(5), dense(4, "relu"), of(LayerType.LAYER_NORM),
                output(3, "softmax_ce"))));
        c.add(new Case("LayerNorm sequence", chain(seriesInput(4, 3), of(LayerType.LAYER_NORM),
                lstm(5, true, false), of(LayerType.LAYER_NORM), lstm(2, false, false), output(2, "softmax_ce"))));
        // ---- Conv2D
        c.add(new Case("Conv2D valid", chain(imageInput(7, 6, 2), conv(3, 3, 1, "valid", 1, "relu"),
                of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        c.add(new Case("Conv2D same", chain(imageInput(7, 6, 2), conv(3, 3, 1, "same", 1, "relu"),
                of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        c.add(new Case("Conv2D stride 2 valid", chain(imageInput(8, 7, 2), conv(3, 3, 2, "valid", 1, "relu"),
                of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        c.add(new Case("Conv2D stride 2 same", chain(imageInput(7, 8, 2), conv(3, 3, 2, "same", 1, "relu"),
                of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        c.add(new Case("Conv2D dilation 2 valid", chain(imageInput(7, 8, 2), conv(3, 3, 1, "valid", 2, "relu"),
                of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        c.add(new Case("Conv2D dilation 2 same", chain(imageInput(7, 6, 2), conv(3, 3, 1, "same", 2, "relu"),
                of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        c.add(new Case("Conv2D stride 3 dilation 2 valid", chain(imageInput(9, 10, 1),
                conv(2, 2, 3, "valid", 2, "relu"), of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        c.add(new Case("Conv2D kernel 1", chain(imageInput(4, 4, 3), conv(2, 1, 1, "valid", 1, "relu"),
                of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        // ---- Pooling
        for (LayerType p : List.of(LayerType.MAX_POOL2D, LayerType.AVG_POOL2D)) {
            String n = p.jsonName();
            c.add(new Case(n + " 2/2 valid", chain(imageInput(5, 7, 2), pool(p, 2, 2, "valid"),
                    of(LayerType.FLATTEN), output(3, "softmax_ce"))));
            c.add(new Case(n + " 2/2 same", chain(imageInput(5, 7, 2), pool(p, 2, 2, "same"),
                    of(LayerType.FLATTEN), output(3, "softmax_ce"))));
            c.add(new Case(n + " 3/1 valid", chain(imageInput(5, 6, 2), pool(p, 3, 1, "valid"),
                    of(LayerType.FLATTEN), output(3, "softmax_ce"))));
            c.add(new Case(n + " 3/2 same", chain(imageInput(6, 5, 2), pool(p, 3, 2, "same"),
                    of(LayerType.FLATTEN), output(3, "softmax_ce"))));
        }
        c.add(new Case("GlobalAvgPool image", chain(imageInput(5, 4, 2), conv(3, 3, 1, "same", 1, "relu"),
                of(LayerType.GLOBAL_AVG_POOL), output(3, "softmax_ce"))));
        c.add(new Case("GlobalAvgPool sequence", chain(seriesInput(4, 3), lstm(5, true, false),
                of(LayerType.GLOBAL_AVG_POOL), output(2, "softmax_ce"))));
        // ---- Flatten
        c.add(new Case("Flatten image", chain(imageInput(4, 3, 2), of(LayerType.FLATTEN), dense(4, "relu"),
                output(3, "softmax_ce"))));
        c.add(new Case("Flatten sequence", chain(seriesInput(4, 3), lstm(5, true, false), of(LayerType.FLATTEN),
                dense(4, "relu"), output(3, "softmax_ce"))));
        c.add(new Case("Flatten vector (no-op)", chain(vectorInput(5), of(LayerType.FLATTEN),
                output(3, "softmax_ce"))));
        // ---- Embedding
        c.add(new Case("Embedding into LSTM", chain(tokensInput(5, 13), node(LayerType.EMBEDDING, "dim", 4),
                lstm(3, false, false), output(2, "softmax_ce"))));
        c.add(new Case("Embedding into GlobalAvgPool", chain(tokensInput(5, 13), node(LayerType.EMBEDDING, "dim", 4),
                of(LayerType.GLOBAL_AVG_POOL), output(2, "softmax_ce"))));
        c.add(new Case("Embedding with positions into SelfAttention", chain(tokensInput(5, 13),
                node(LayerType.EMBEDDING, "dim", 4, "positions", true), attention(2, 2),
                of(LayerType.GLOBAL_AVG_POOL), output(2, "softmax_ce"))));
        c.add(new Case("Dense on a sequence", chain(seriesInput(4, 3), dense(5, "relu"),
                node(LayerType.DENSE, "units", 2, "activation", "identity", "useBias", false),
                of(LayerType.LAYER_NORM), of(LayerType.GLOBAL_AVG_POOL), output(2, "softmax_ce"))));
        // ---- Recurrent
        for (boolean seq : List.of(false, true)) {
            for (boolean bi : List.of(false, true)) {
                Node head = seq ? of(LayerType.FLATTEN) : dense(3, "relu");
                c.add(new Case("LSTM returnSequences=" + seq + " bidirectional=" + bi, chain(seriesInput(4, 3),
                        lstm(5, seq, bi), head, output(2, "softmax_ce"))));
            }
            c.add(new Case("SimpleRNN returnSequences=" + seq, chain(seriesInput(4, 3), rnn(5, seq, "tanh"),
                    seq ? of(LayerType.FLATTEN) : dense(3, "relu"), output(2, "softmax_ce"))));
        }
        c.add(new Case("SimpleRNN relu", chain(seriesInput(4, 3), rnn(5, false, "relu"), output(2, "softmax_ce"))));
        c.add(new Case("Stacked bidirectional LSTM", chain(seriesInput(4, 3), lstm(3, true, true),
                lstm(2, true, true), lstm(2, false, false), output(2, "softmax_ce"))));
        // ---- SelfAttention
        c.add(new Case("SelfAttention 2 heads", chain(seriesInput(4, 6), attention(2, 3),
                of(LayerType.GLOBAL_AVG_POOL), output(2, "softmax_ce"))));
        c.add(new Case("SelfAttention 1 head headSize != features", chain(seriesInput(3, 4), attention(1, 5),
                lstm(2, false, false), output(2, "softmax_ce"))));
        c.add(new Case("SelfAttention after Embedding", chain(tokensInput(5, 9), node(LayerType.EMBEDDING, "dim", 4),
                attention(2, 2), of(LayerType.FLATTEN), output(2, "softmax_ce"))));
        c.add(new Case("SelfAttention after bidirectional LSTM", chain(seriesInput(4, 3), lstm(2, true, true),
                attention(2, 2), lstm(2, false, false), output(2, "softmax_ce"))));
        // ---- Merges
        c.add(new Case("Add vector", graph(List.of(vectorInput(5), dense(4, "relu"), dense(4, "tanh"),
                        of(LayerType.ADD), output(3, "softmax_ce")),
                "input0->dense1", "input0->dense2", "dense1->add3", "dense2->add3", "add3->output4")));
        c.add(new Case("Add three vectors", graph(List.of(vectorInput(4), dense(4, "relu"), dense(4, "sigmoid"),
                        of(LayerType.ADD), output(3, "softmax_ce")),
                "input0->dense1", "input0->dense2", "input0->add3", "dense1->add3", "dense2->add3",
                "add3->output4")));
        c.add(new Case("Add image (residual)", graph(List.of(imageInput(5, 5, 2), conv(2, 3, 1, "same", 1, "relu"),
                        of(LayerType.ADD), of(LayerType.FLATTEN), output(3, "softmax_ce")),
                "input0->conv2d1", "input0->add2", "conv2d1->add2", "add2->flatten3", "flatten3->output4")));
        c.add(new Case("Add sequence", graph(List.of(seriesInput(4, 3), lstm(3, true, false), of(LayerType.ADD),
                        lstm(2, false, false), output(2, "softmax_ce")),
                "input0->lstm1", "input0->add2", "lstm1->add2", "add2->lstm3", "lstm3->output4")));
        c.add(new Case("Concatenate vector", graph(List.of(vectorInput(5), dense(4, "relu"), dense(2, "tanh"),
                        of(LayerType.CONCATENATE), output(3, "softmax_ce")),
                "input0->dense1", "input0->dense2", "dense1->concatenate3", "dense2->concatenate3",
                "concatenate3->output4")));
        c.add(new Case("Concatenate image channels", graph(List.of(imageInput(5, 5, 2),
                        conv(3, 3, 1, "same", 1, "relu"), conv(1, 1, 1, "valid", 1, "relu"),
                        of(LayerType.CONCATENATE), of(LayerType.FLATTEN), output(3, "softmax_ce")),
                "input0->conv2d1", "input0->conv2d2", "conv2d1->concatenate3", "conv2d2->concatenate3",
                "input0->concatenate3", "concatenate3->flatten4", "flatten4->output5")));
        c.add(new Case("Concatenate sequence features", graph(List.of(seriesInput(4, 3), lstm(5, true, false),
                        of(LayerType.CONCATENATE), lstm(2, false, false), output(2, "softmax_ce")),
                "input0->lstm1", "input0->concatenate2", "lstm1->concatenate2", "concatenate2->lstm3",
                "lstm3->output4")));
        // ---- Output, each loss
        c.add(new Case("Output softmax_ce", chain(vectorInput(4), dense(3, "tanh"), output(4, "softmax_ce"))));
        c.add(new Case("Output sigmoid_bce 1 unit", chain(vectorInput(4), dense(3, "tanh"),
                output(1, "sigmoid_bce"))));
        c.add(new Case("Output sigmoid_bce 3 units", chain(vectorInput(4), dense(3, "tanh"),
                output(3, "sigmoid_bce"))));
        c.add(new Case("Output mse", chain(vectorInput(4), dense(3, "tanh"), output(1, "mse"))));
        c.add(new Case("Output mse 2 units", chain(vectorInput(4), dense(3, "tanh"), output(2, "mse"))));
        c.add(new Case("Output mae", chain(vectorInput(4), dense(3, "tanh"), output(2, "mae"))));
        c.add(new Case("Output straight after Input", chain(vectorInput(4), output(2, "softmax_ce"))));
        // ---- What may follow a GlobalAvgPool over a sequence (DL4J reports an RNN type for its 2-D output)
        c.addAll(afterSequencePooling());
        return c.stream();
    }

    /** GlobalAvgPool over time gives the model a vector; every layer that accepts a vector must accept it. */
    static List<Case> afterSequencePooling() {
        List<Case> c = new ArrayList<>();
        List<Node> followers = List.of(dense(3, "relu"), activation("tanh"), node(LayerType.DROPOUT, "rate", 0.2),
                of(LayerType.BATCH_NORM), of(LayerType.LAYER_NORM), of(LayerType.FLATTEN));
        for (Node f : followers) {
            c.add(new Case("GlobalAvgPool sequence -> " + f.type().jsonName(), chain(seriesInput(4, 3),
                    lstm(4, true, false), of(LayerType.GLOBAL_AVG_POOL), f, output(2, "softmax_ce"))));
        }
        c.add(new Case("GlobalAvgPool sequence -> Concatenate with vector", graph(List.of(seriesInput(4, 3),
                        lstm(4, true, false), of(LayerType.GLOBAL_AVG_POOL), lstm(3, false, false),
                        of(LayerType.CONCATENATE), output(2, "softmax_ce")),
                "input0->lstm1", "lstm1->globalavgpool2", "input0->lstm3", "globalavgpool2->concatenate4",
                "lstm3->concatenate4", "concatenate4->output5")));
        c.add(new Case("GlobalAvgPool sequence -> Add with vector", graph(List.of(seriesInput(4, 3),
                        lstm(4, true, false), of(LayerType.GLOBAL_AVG_POOL), lstm(4, false, false),
                        of(LayerType.ADD), output(2, "softmax_ce")),
                "input0->lstm1", "lstm1->globalavgpool2", "input0->lstm3", "globalavgpool2->add4",
                "lstm3->add4", "add4->output5")));
        c.add(new Case("GlobalAvgPool sequence -> Concatenate with pooled sequence", graph(List.of(
                        seriesInput(4, 3), of(LayerType.GLOBAL_AVG_POOL), lstm(4, true, false),
                        of(LayerType.GLOBAL_AVG_POOL), of(LayerType.CONCATENATE), output(2, "softmax_ce")),
                "input0->globalavgpool1", "input0->lstm2", "lstm2->globalavgpool3", "globalavgpool1->concatenate4",
                "globalavgpool3->concatenate4", "concatenate4->output5")));
        return c;
    }

    /**
     * The deterministic form of the "GlobalAvgPool sequence -> Add/Concatenate with vector" cases. Those
     * fail only in some JVM runs: when a merge vertex gets one RNN and one FF input, DL4J's
     * {@code InputTypeUtil.convertMultipleTypes} picks the majority type with {@code Counter.argMax}, a tie broken
     * by hash order of the enum constants (identity hash codes), and throws "ElementWise vertex cannot process
     * activations of different types" when FF wins. So the pooled sequence must be reported as feed-forward.
     */
    @Test
    void sequencePoolingIsReportedAsAVector() throws Exception {
        NetworkDocument doc = chain(seriesInput(4, 3), lstm(4, true, false), of(LayerType.GLOBAL_AVG_POOL),
                output(2, "softmax_ce"));
        CompiledGraph compiled = new GraphCompiler(CATALOG).compile(doc);
        Map<String, InputType> types = compiled.configuration()
                .getLayerActivationTypes(GraphCompiler.inputType(compiled.inputShape()));
        assertThat(types.get("globalavgpool2")).isInstanceOf(InputType.InputTypeFeedForward.class)
                .hasToString(InputType.feedForward(4).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiledGraphMatchesTheModel(Case c) throws Exception {
        assertParity(c.doc());
    }

    @Test
    void casesCoverEveryLayerTypeActivationLossAndInputKind() {
        Set<LayerType> types = EnumSet.noneOf(LayerType.class);
        Set<String> activations = new HashSet<>();
        Set<String> losses = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        cases().flatMap(c -> c.doc().nodes().stream()).forEach(n -> {
            types.add(n.type());
            Map<String, Object> p = CATALOG.resolve(n);
            switch (n.type()) {
                case ACTIVATION -> activations.add((String) p.get("function"));
                case OUTPUT -> losses.add((String) p.get("loss"));
                case INPUT -> kinds.add((String) p.get("kind"));
                default -> {
                }
            }
        });
        assertThat(types).containsExactlyInAnyOrder(LayerType.values());
        assertThat(activations).containsExactlyInAnyOrderElementsOf(LayerCatalog.ACTIVATIONS);
        assertThat(losses).containsExactlyInAnyOrderElementsOf(LayerCatalog.LOSSES);
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(LayerCatalog.INPUT_KINDS);
    }

    static Stream<String> sampleNames() {
        return Samples.names().stream();
    }

    @Test
    void theNamedSamplesAreBundled() {
        assertThat(Samples.names()).contains("xor-2d", "digits-mlp");
    }

    @ParameterizedTest(name = "sample {0}")
    @MethodSource("sampleNames")
    void bundledSampleCompilesToTheModelsNumbers(String name) throws Exception {
        NetworkDocument doc = DocumentJson.read(Samples.text(name).orElseThrow(), name);
        assertParity(doc);
    }

    // ---- the comparison ------------------------------------------------------------------------------------

    private static void assertParity(NetworkDocument doc) throws CompileException {
        Analysis analysis = new ShapeInference(CATALOG).analyze(doc);
        assertThat(analysis.errors()).as("model errors").isEmpty();
        CompiledGraph compiled = new GraphCompiler(CATALOG).compile(doc);
        ComputationGraphConfiguration conf = compiled.configuration();
        Map<String, InputType> types = conf.getLayerActivationTypes(GraphCompiler.inputType(compiled.inputShape()));
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();

        INDArray x = Networks.features(compiled.inputShape(), MB, DataType.FLOAT, 7);
        Map<String, INDArray> activations = graph.feedForward(new INDArray[] {x}, false);
        INDArray out = graph.outputSingle(false, x);

        SoftAssertions soft = new SoftAssertions();
        for (Node n : doc.nodes()) {
            String id = n.id();
            TensorShape shape = analysis.outputShape(id).orElseThrow();
            GraphVertex vertex = graph.getVertex(id);
            long dl4jParams = vertex.hasLayer() ? graph.getLayer(id).numParams() : 0;
            // An Embedding with positions is two vertices: the token vectors, then the positions added.
            GraphVertex tokens = graph.getVertex(id + GraphCompiler.TOKENS_SUFFIX);
            if (tokens != null && tokens.hasLayer()) {
                dl4jParams += tokens.getLayer().numParams();
            }
            soft.assertThat(dl4jParams).as("%s (%s) parameter count", id, n.type()).isEqualTo(analysis.paramCount(id));

            INDArray array = n.type() == LayerType.INPUT ? x : activations.get(id);
            soft.assertThat(array).as("%s forward-pass array", id).isNotNull();
            if (array != null) {
                soft.assertThat(array.shape()).as("%s (%s) forward-pass shape for %s", id, n.type(), shape)
                        .isEqualTo(arrayShape(shape));
            }
            InputType type = types.get(id);
            soft.assertThat(type).as("%s activation type", id).isNotNull();
            if (type != null) {
                soft.assertThat(typeMatches(shape, type, array)).as("%s (%s) activation type %s for model shape %s",
                        id, n.type(), type, shape).isTrue();
            }
        }
        soft.assertThat(graph.numParams()).as("total parameters").isEqualTo(analysis.totalParams());
        soft.assertThat(out.shape()).as("output shape").isEqualTo(new long[] {MB, compiled.outputUnits()});
        soft.assertThat(out.isInfinite().any() || out.isNaN().any()).as("output finite").isFalse();
        soft.assertAll();
    }

    /** The DL4J array of one example batch for a model shape. */
    private static long[] arrayShape(TensorShape s) {
        return switch (s.kind()) {
            case VECTOR -> new long[] {MB, s.dim(0)};
            case IMAGE -> new long[] {MB, s.dim(2), s.dim(0), s.dim(1)};
            case SEQUENCE -> new long[] {MB, s.dim(1), s.dim(0)};
            case TOKENS -> new long[] {MB, 1, s.dim(0)};
        };
    }

    private static boolean typeMatches(TensorShape s, InputType type, INDArray array) {
        return switch (s.kind()) {
            case VECTOR -> type instanceof InputType.InputTypeFeedForward f && f.getSize() == s.dim(0)
                    // DL4J quirk: GlobalPooling over time reports recurrent(size) although its array is [mb, size],
                    // and type-preserving layers after it (Dropout, Activation, LayerNorm, ...) pass that on. The
                    // array shape, checked separately, is what counts; here it must be rank 2.
                    || type instanceof InputType.InputTypeRecurrent r && r.getSize() == s.dim(0)
                    && array != null && array.rank() == 2;
            case IMAGE -> type instanceof InputType.InputTypeConvolutional c && c.getHeight() == s.dim(0)
                    && c.getWidth() == s.dim(1) && c.getChannels() == s.dim(2);
            case SEQUENCE -> type instanceof InputType.InputTypeRecurrent r && r.getSize() == s.dim(1)
                    && (r.getTimeSeriesLength() <= 0 || r.getTimeSeriesLength() == s.dim(0));
            case TOKENS -> type instanceof InputType.InputTypeRecurrent r && r.getSize() == s.vocabSize()
                    && r.getTimeSeriesLength() == s.dim(0);
        };
    }
}
