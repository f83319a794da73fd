package org.layercanvas.runtime.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.compile.Networks.activation;
import static org.layercanvas.runtime.compile.Networks.chain;
import static org.layercanvas.runtime.compile.Networks.conv;
import static org.layercanvas.runtime.compile.Networks.pool;
import static org.layercanvas.runtime.compile.Networks.dense;
import static org.layercanvas.runtime.compile.Networks.graph;
import static org.layercanvas.runtime.compile.Networks.imageInput;
import static org.layercanvas.runtime.compile.Networks.lstm;
import static org.layercanvas.runtime.compile.Networks.seriesInput;
import static org.layercanvas.runtime.compile.Networks.tokensInput;
import static org.layercanvas.runtime.compile.Networks.node;
import static org.layercanvas.runtime.compile.Networks.of;
import static org.layercanvas.runtime.compile.Networks.output;
import static org.layercanvas.runtime.compile.Networks.vectorInput;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.compile.CompiledGraph;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.runtime.compile.Networks;
import org.layercanvas.runtime.data.Minibatch;
import org.layercanvas.runtime.engine.Dl4jEngine;
import org.layercanvas.runtime.engine.TrainingEngine;
import org.layercanvas.runtime.train.Threads;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The compiled plan trains exactly as DL4J does: from the same initial parameters, data and random seed, the two
 * engines give the same loss at every one of 200 minibatches (within 1e-4 relative), end with the same parameters,
 * and compute the same gradients, for every layer type, loss, optimizer and regularisation the plan covers. The
 * minibatches include a smaller last one (the plan's second program).
 */
class PlanEquivalenceTest {
    private static final int ITERATIONS = 200;
    private static final double LOSS_TOLERANCE = 1e-4;

    private static int previousThreads;

    @BeforeAll
    static void oneThread() {
        // Multi-threaded reductions may add in another order from run to run; one thread is bit-for-bit repeatable.
        previousThreads = Threads.current();
        Threads.set(1);
    }

    @AfterAll
    static void restoreThreads() {
        Threads.set(previousThreads);
    }

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("digits MLP: dense relu, dropout, softmax, Adam", with(chain(vectorInput(12),
                        dense(16, "relu"), node(LayerType.DROPOUT, "rate", 0.2), output(4, "softmax_ce")),
                        Optimizer.ADAM, 1e-2, 0, 0)),
                Arguments.of("xor MLP: tanh, sigmoid cross-entropy, SGD", with(chain(vectorInput(2),
                        dense(8, "tanh"), dense(8, "tanh"), output(1, "sigmoid_bce")), Optimizer.SGD, 0.1, 0, 0)),
                Arguments.of("regression: elu, leaky relu, MSE, Nesterov", with(chain(vectorInput(6),
                        dense(10, "elu"), dense(10, "leakyrelu"), output(2, "mse")), Optimizer.NESTEROV, 0.01, 0, 0)),
                Arguments.of("activation layers: sigmoid, identity, softmax, gelu; MAE, RMSProp", with(chain(
                        vectorInput(5), dense(9, "identity"), activation("sigmoid"), dense(7, "gelu"),
                        activation("softmax"), output(3, "mae")), Optimizer.RMSPROP, 0.01, 0, 0)),
                Arguments.of("branches: add and concatenate, AdamW with weight decay", with(graph(List.of(
                        vectorInput(6), dense(8, "relu"), dense(8, "tanh"), of(LayerType.ADD), dense(5, "relu"),
                        of(LayerType.CONCATENATE), output(3, "softmax_ce")),
                        "input0->dense1", "input0->dense2", "dense1->add3", "dense2->add3", "add3->dense4",
                        "dense4->concatenate5", "dense1->concatenate5", "concatenate5->output6"),
                        Optimizer.ADAMW, 0.01, 0.05, 0)),
                Arguments.of("L2 penalty and gradient clipping, SGD", with(chain(vectorInput(8), dense(12, "relu"),
                        output(3, "softmax_ce")), Optimizer.SGD, 0.5, 0.01, 0.5)),
                Arguments.of("image flattened into dense layers, step schedule", withSchedule(chain(
                        imageInput(4, 5, 2), of(LayerType.FLATTEN), dense(6, "relu"), output(2, "sigmoid_bce")))),
                Arguments.of("CNN: conv relu, max pool, flatten, softmax (W3's shape, small)", with(chain(
                        imageInput(10, 10, 3), conv(4, 3, 1, "valid", 1, "relu"),
                        pool(LayerType.MAX_POOL2D, 2, 2, "valid"), of(LayerType.FLATTEN), output(5, "softmax_ce")),
                        Optimizer.ADAM, 1e-2, 0, 0)),
                Arguments.of("two convolutions (input gradient), same padding, strides, dilation, avg pool, global"
                        + " pool", with(chain(imageInput(11, 9, 2), conv(3, 3, 2, "same", 1, "tanh"),
                        conv(5, 3, 1, "valid", 2, "elu"), pool(LayerType.AVG_POOL2D, 2, 1, "same"),
                        of(LayerType.GLOBAL_AVG_POOL), output(3, "softmax_ce")), Optimizer.NESTEROV, 0.05, 0, 0)),
                Arguments.of("conv branches added, activation layers on images, leaky relu, sigmoid", with(graph(
                        List.of(imageInput(8, 8, 1), conv(3, 3, 1, "same", 1, "leakyrelu"),
                                conv(3, 5, 1, "same", 1, "identity"), activation("sigmoid"), of(LayerType.ADD),
                                pool(LayerType.MAX_POOL2D, 3, 2, "same"), of(LayerType.FLATTEN),
                                output(2, "mse")),
                        "input0->conv2d1", "input0->conv2d2", "conv2d2->activation3", "conv2d1->add4",
                        "activation3->add4", "add4->maxpool2d5", "maxpool2d5->flatten6", "flatten6->output7"),
                        Optimizer.ADAM, 1e-2, 0.001, 0)),
                // SGD: a bias right before batch norm has a true gradient of 0, and Adam would turn the float noise
                // of either engine into steps of the full learning rate in random directions
                Arguments.of("batch norm after a convolution and after a dense layer, clipping", with(chain(
                        imageInput(6, 6, 2), conv(4, 3, 1, "same", 1, "identity"), of(LayerType.BATCH_NORM),
                        activation("relu"), of(LayerType.FLATTEN), dense(8, "identity"), of(LayerType.BATCH_NORM),
                        activation("tanh"), output(3, "softmax_ce")), Optimizer.SGD, 0.02, 0, 2.0)),
                Arguments.of("text: embedding, LSTM (last step), sigmoid (W4's shape, small)", with(chain(
                        tokensInput(6, 20), node(LayerType.EMBEDDING, "dim", 5), lstm(7, false, false),
                        output(1, "sigmoid_bce")), Optimizer.ADAM, 1e-3, 0, 0)),
                Arguments.of("time series: stacked LSTMs (input gradient through time), softmax", with(chain(
                        seriesInput(5, 3), lstm(4, true, false), lstm(3, false, false), output(2, "softmax_ce")),
                        Optimizer.RMSPROP, 1e-2, 0, 0)),
                Arguments.of("LSTM sequences flattened into a dense layer, and averaged over time", with(graph(
                        List.of(seriesInput(4, 2), lstm(3, true, false), of(LayerType.FLATTEN),
                                of(LayerType.GLOBAL_AVG_POOL), of(LayerType.CONCATENATE), output(2, "mse")),
                        "input0->lstm1", "lstm1->flatten2", "lstm1->globalavgpool3", "flatten2->concatenate4",
                        "globalavgpool3->concatenate4", "concatenate4->output5"), Optimizer.ADAM, 1e-2, 0, 0)),
                Arguments.of("pooling straight on the input, then dense (no gradient into the image)", with(chain(
                        imageInput(6, 6, 2), pool(LayerType.MAX_POOL2D, 2, 2, "valid"), of(LayerType.FLATTEN),
                        dense(7, "relu"), output(3, "softmax_ce")), Optimizer.SGD, 0.1, 0, 1.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void theLossCurveAndTheParametersAreDl4js(String name, NetworkDocument doc) {
        List<Minibatch> batches = batches(doc, 7);
        Run dl4j = train(doc, false, batches);
        Run plan = train(doc, true, batches);
        for (int i = 0; i < ITERATIONS; i++) {
            double a = dl4j.losses.get(i);
            double b = plan.losses.get(i);
            assertThat(b).as("loss at minibatch %d (DL4J %s, plan %s)", i + 1, a, b)
                    .isCloseTo(a, org.assertj.core.api.Assertions.within(LOSS_TOLERANCE * Math.max(1e-3, Math.abs(a))));
        }
        double scale = Math.max(1e-3, dl4j.params.amaxNumber().doubleValue());
        double diff = dl4j.params.sub(plan.params).amaxNumber().doubleValue();
        assertThat(diff / scale).as("largest parameter difference after %d minibatches", ITERATIONS)
                .isLessThan(1e-3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void theGradientsAreDl4js(String name, NetworkDocument doc) {
        Minibatch batch = batches(doc, 7).get(0);
        CompiledGraph compiled = compile(doc);
        ComputationGraph reference = initialised(compiled, doc);
        Nd4j.getRandom().setSeed(7);
        reference.setInputs(batch.dataSet().getFeatures());
        reference.setLabels(batch.dataSet().getLabels());
        reference.computeGradientAndScore();
        double referenceScore = reference.score();
        INDArray expected = reference.getGradientsViewArray().dup().divi(batch.size());

        ComputationGraph graph = initialised(compiled, doc);
        try (TrainingPlan plan = TrainingPlan.compile(compiled, doc, graph)) {
            Nd4j.getRandom().setSeed(7);
            double score = plan.gradients(batch);
            INDArray actual = graph.getGradientsViewArray();
            assertThat(score).isCloseTo(referenceScore,
                    org.assertj.core.api.Assertions.within(1e-5 * Math.max(1, Math.abs(referenceScore))));
            double scale = Math.max(1e-6, expected.amaxNumber().doubleValue());
            for (var e : graph.paramTable().entrySet()) {
                long[] range = range(graph, e.getKey());
                INDArray want = expected.reshape(expected.length()).get(
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(range[0], range[1]));
                if (e.getKey().matches(".*_(mean|var|log10stdev)")) {
                    // batch norm's running statistics: updates, which DL4J does not divide by the minibatch size
                    want = want.mul(batch.size());
                }
                INDArray got = actual.reshape(actual.length()).get(
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(range[0], range[1]));
                double diff = want.sub(got).amaxNumber().doubleValue();
                assertThat(diff / scale).as("gradient of %s", e.getKey()).isLessThan(1e-4);
            }
        }
    }

    @Test
    void theRunningStatisticsOfBatchNormAreDl4js() {
        NetworkDocument doc = (NetworkDocument) networks().filter(a -> ((String) a.get()[0]).startsWith("batch norm"))
                .findFirst().orElseThrow().get()[1];
        Run dl4j = train(doc, false, batches(doc, 7));
        Run plan = train(doc, true, batches(doc, 7));
        // the mean and log10 deviation estimates move by the plan's "gradients" exactly as by DL4J's
        for (String p : List.of("batchnorm2_mean", "batchnorm2_log10stdev", "batchnorm6_mean",
                "batchnorm6_log10stdev")) {
            INDArray want = dl4j.graph.getParam(p);
            INDArray got = plan.graph.getParam(p);
            assertThat(want.sub(got).amaxNumber().doubleValue()).as(p).isLessThan(1e-4);
            assertThat(want.amaxNumber().doubleValue()).as("%s moved from its initial value", p).isGreaterThan(0);
        }
    }

    /**
     * oneDNN's reference kernels are right but 100-1000x slower than its JIT ones; a plan gets one when it pins a
     * layout no fast kernel takes (the CIFAR-10 sample's second convolution once spent 13 s per minibatch on its
     * input gradient). Real networks (the bundled samples) must get fast kernels for every primitive; the tiny
     * odd-channel networks above may not, and need not.
     */
    @Test
    void theSamplesGetOneDnnsFastKernels() throws Exception {
        for (String name : org.layercanvas.samples.Samples.names()) {
            NetworkDocument doc = org.layercanvas.model.io.DocumentJson.read(
                    org.layercanvas.samples.Samples.text(name).orElseThrow(), name);
            CompiledGraph compiled = compile(doc);
            ComputationGraph graph = initialised(compiled, doc);
            if (TrainingPlan.unsupported(compiled, doc, graph).isPresent()) {
                continue;
            }
            try (TrainingPlan plan = TrainingPlan.compile(compiled, doc, graph)) {
                plan.gradients(batches(doc, 4).get(6));
                assertThat(plan.referenceKernels()).as("oneDNN reference kernels in sample %s", name).isEmpty();
            }
        }
    }

    @Test
    void everyNetworkHereTrainsWithThePlan() {
        networks().forEach(a -> {
            NetworkDocument doc = (NetworkDocument) a.get()[1];
            CompiledGraph compiled = compile(doc);
            assertThat(TrainingPlan.unsupported(compiled, doc, initialised(compiled, doc))).as("%s", a.get()[0])
                    .isEmpty();
        });
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private record Run(List<Double> losses, INDArray params, ComputationGraph graph) {
    }

    private static Run train(NetworkDocument doc, boolean usePlan, List<Minibatch> batches) {
        CompiledGraph compiled = compile(doc);
        ComputationGraph graph = initialised(compiled, doc);
        List<Double> losses = new ArrayList<>();
        try (TrainingEngine engine = usePlan ? TrainingPlan.compile(compiled, doc, graph) : new Dl4jEngine(graph)) {
            Nd4j.getRandom().setSeed(99);
            for (int i = 0; i < ITERATIONS; i++) {
                losses.add(engine.fit(batches.get(i % batches.size())));
                if ((i + 1) % batches.size() == 0) {
                    engine.epochEnded();
                }
            }
        }
        return new Run(losses, graph.params().dup(), graph);
    }

    private static CompiledGraph compile(NetworkDocument doc) {
        try {
            return new GraphCompiler(LayerCatalog.standard()).compile(doc);
        } catch (org.layercanvas.runtime.compile.CompileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static ComputationGraph initialised(CompiledGraph compiled, NetworkDocument doc) {
        Nd4j.getRandom().setSeed(doc.training().seed());
        ComputationGraph g = new ComputationGraph(compiled.configuration());
        g.init();
        return g;
    }

    /** Where a parameter lies in the flat array. */
    private static long[] range(ComputationGraph g, String key) {
        long offset = 0;
        for (var e : g.paramTable().entrySet()) {
            long n = e.getValue().length();
            if (e.getKey().equals(key)) {
                return new long[] {offset, offset + n};
            }
            offset += n;
        }
        throw new IllegalArgumentException(key);
    }

    /** Six minibatches of 16 examples and a last one of {@code last} (an epoch of 7 minibatches). */
    private static List<Minibatch> batches(NetworkDocument doc, int last) {
        CompiledGraph compiled = compile(doc);
        TensorShape shape = compiled.inputShape();
        List<Minibatch> out = new ArrayList<>();
        for (int b = 0; b < 7; b++) {
            int n = b == 6 ? last : 16;
            INDArray x = Networks.features(shape, n, DataType.FLOAT, 100 + b);
            INDArray y = Networks.labels(compiled.loss(), compiled.outputUnits(), n, DataType.FLOAT, 200 + b);
            out.add(Minibatch.of(x.data().asFloat(), x.shape(), y.data().asFloat(), compiled.outputUnits()));
        }
        return out;
    }

    private static NetworkDocument with(NetworkDocument doc, Optimizer optimizer, double rate, double decay,
                                        double clip) {
        TrainingSettings t = doc.training();
        return doc.withTraining(new TrainingSettings(optimizer, rate, 0.9, LrSchedule.FIXED, 16, 30, decay,
                t.seed(), 0, clip));
    }

    private static NetworkDocument withSchedule(NetworkDocument doc) {
        TrainingSettings t = doc.training();
        return doc.withTraining(new TrainingSettings(Optimizer.ADAM, 0.01, 0.9,
                new LrSchedule(LrSchedule.Type.STEP, 0.5, 3), 16, 30, 0, t.seed(), 0, 0));
    }
}
