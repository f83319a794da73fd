package org.layercanvas.runtime.compile;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.Node;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.model.shape.TensorShape;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Compiles a document into a DL4J {@link ComputationGraphConfiguration}: one vertex per node, named by node id,
 * in the document's topological order. Shapes come from the model's {@link ShapeInference}, so what the editor
 * shows and what DL4J builds are the same numbers (the runtime tests prove it for every layer type).
 *
 * <p>Learning-rate schedules become a per-epoch {@link MapSchedule}; the training session advances DL4J's epoch
 * counter, as {@code fit(iterator)} would.
 */
public final class GraphCompiler {
    /** The vertex of an Embedding node's token vectors when a second vertex adds positions. */
    public static final String TOKENS_SUFFIX = "-tokens";

    private final LayerCatalog catalog;
    private final ShapeInference inference;

    public GraphCompiler(LayerCatalog catalog) {
        this.catalog = catalog;
        this.inference = new ShapeInference(catalog);
    }

    /** Compiles for training in single precision. */
    public CompiledGraph compile(NetworkDocument doc) throws CompileException {
        return compile(doc, DataType.FLOAT, false);
    }

    /**
     * @param dataType     network data type ({@code DOUBLE} for gradient checks)
     * @param plainUpdates use a no-op updater and no regularisation (gradient checks need the raw gradient)
     */
    public CompiledGraph compile(NetworkDocument doc, DataType dataType, boolean plainUpdates)
            throws CompileException {
        Analysis analysis = inference.analyze(doc);
        if (analysis.hasErrors()) {
            throw new CompileException(CompileMessages.format("compile.hasErrors", analysis.errors().size()),
                    analysis.errors());
        }
        TrainingSettings t = doc.training();
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(t.seed())
                .dataType(dataType)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(plainUpdates ? new NoOp() : updater(t));
        if (!plainUpdates) {
            if (t.weightDecay() > 0) {
                if (t.optimizer() == org.layercanvas.model.Optimizer.ADAMW) {
                    builder.weightDecay(t.weightDecay(), true);
                } else {
                    builder.l2(t.weightDecay());
                }
            }
            if (t.gradientClip() > 0) {
                builder.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                        .gradientNormalizationThreshold(t.gradientClip());
            }
        }
        // Dead-end branches only get a warning in the editor; DL4J must not reject them.
        ComputationGraphConfiguration.GraphBuilder graph = builder.graphBuilder().allowDisconnected(true);

        Node input = null;
        Node output = null;
        for (String id : analysis.order()) {
            Node node = doc.node(id).orElseThrow();
            if (node.type() == LayerType.INPUT) {
                input = node;
                graph.addInputs(id);
                continue;
            }
            if (node.type() == LayerType.OUTPUT) {
                output = node;
            }
            String[] from = doc.edgesInto(id).stream().map(e -> e.from().nodeId()).toArray(String[]::new);
            TensorShape in = analysis.outputShape(from[0]).orElseThrow();
            addVertex(graph, node, catalog.resolve(node), in, analysis.outputShape(id).orElseThrow(), from);
        }
        if (input == null || output == null) {
            throw new IllegalStateException("validated document without Input or Output");
        }
        TensorShape inputShape = analysis.outputShape(input.id()).orElseThrow();
        graph.setOutputs(output.id());
        graph.setInputTypes(inputType(inputShape));
        try {
            ComputationGraphConfiguration conf = graph.build();
            Map<String, Object> out = catalog.resolve(output);
            return new CompiledGraph(conf, input.id(), output.id(), inputShape,
                    ((Number) out.get("units")).intValue(), (String) out.get("loss"), analysis);
        } catch (RuntimeException e) {
            throw new CompileException(CompileMessages.format("compile.refused", e.getMessage()), e);
        }
    }

    /**
     * The DL4J input type for a document shape. Token ids enter as a sequence whose "size" is the vocabulary:
     * DL4J copies an input type's size into the next layer's nIn, which for an embedding is the vocabulary. The
     * arrays themselves are {@code [mb, 1, t]}.
     */
    public static InputType inputType(TensorShape s) {
        return switch (s.kind()) {
            case VECTOR -> InputType.feedForward(s.dim(0));
            case IMAGE -> InputType.convolutional(s.dim(0), s.dim(1), s.dim(2));
            case SEQUENCE -> InputType.recurrent(s.dim(1), s.dim(0));
            case TOKENS -> InputType.recurrent(s.vocabSize(), s.dim(0));
        };
    }

    private void addVertex(ComputationGraphConfiguration.GraphBuilder graph, Node node, Map<String, Object> p,
                           TensorShape in, TensorShape out, String[] from) {
        String id = node.id();
        switch (node.type()) {
            case DENSE -> graph.addLayer(id, dense(p, in), from);
            case OUTPUT -> graph.addLayer(id, outputLayer(p, in), from);
            case ACTIVATION -> graph.addLayer(id, new ActivationLayer.Builder()
                    .activation(activation((String) p.get("function"), d(p, "alpha"))).build(), from);
            case DROPOUT -> graph.addLayer(id, new DropoutLayer.Builder(1.0 - d(p, "rate")).build(), from);
            case BATCH_NORM -> graph.addLayer(id, new BatchNormalization.Builder()
                    .decay(d(p, "momentum")).eps(d(p, "epsilon")).build(), from);
            case LAYER_NORM -> graph.addLayer(id, new LayerNormLayer(d(p, "epsilon")), from);
            case CONV2D -> graph.addLayer(id, new ConvolutionLayer.Builder(i(p, "kernel"), i(p, "kernel"))
                    .stride(i(p, "stride"), i(p, "stride"))
                    .dilation(i(p, "dilation"), i(p, "dilation"))
                    .convolutionMode(mode(p))
                    .nOut(i(p, "filters"))
                    .activation(activation((String) p.get("activation"), 0.01)).build(), from);
            case MAX_POOL2D, AVG_POOL2D -> graph.addLayer(id, new SubsamplingLayer.Builder(
                    node.type() == LayerType.MAX_POOL2D ? SubsamplingLayer.PoolingType.MAX
                            : SubsamplingLayer.PoolingType.AVG,
                    new int[] {i(p, "size"), i(p, "size")}, new int[] {i(p, "stride"), i(p, "stride")})
                    .convolutionMode(mode(p)).build(), from);
            case GLOBAL_AVG_POOL -> {
                if (in.kind() == TensorShape.Kind.SEQUENCE) {
                    // Over time DL4J's GlobalPoolingLayer outputs [mb, f] but reports recurrent(f), which breaks
                    // BatchNorm, LayerNorm, Add and Concatenate after it; the reshape makes the type feed-forward.
                    graph.addLayer(id + "-pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), from);
                    graph.addVertex(id, new ReshapeVertex(-1, in.dim(1)), id + "-pool");
                } else {
                    graph.addLayer(id, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), from);
                }
            }
            case FLATTEN -> addFlatten(graph, id, in, from);
            case EMBEDDING -> addEmbedding(graph, id, p, in, from);
            case LSTM -> graph.addLayer(id, recurrent(p, new LSTM.Builder().nIn(in.dim(1)).nOut(i(p, "units"))
                    .activation(Activation.TANH).gateActivationFunction(gates(p)).build(),
                    Boolean.TRUE.equals(p.get("bidirectional"))), from);
            case SIMPLE_RNN -> graph.addLayer(id, recurrent(p, new SimpleRnn.Builder().nIn(in.dim(1))
                    .nOut(i(p, "units")).activation(activation((String) p.get("activation"), 0.01)).build(),
                    false), from);
            case SELF_ATTENTION -> graph.addLayer(id, new AttentionLayer(new SelfAttentionLayer.Builder()
                    .nIn(in.dim(1)).nOut(in.dim(1)).nHeads(i(p, "heads")).headSize(i(p, "headSize"))
                    .projectInput(true)), from);
            case ADD -> graph.addVertex(id, new ElementWiseVertex(ElementWiseVertex.Op.Add), from);
            case CONCATENATE -> graph.addVertex(id, new MergeVertex(), from);
            case INPUT -> throw new IllegalStateException("inputs are added separately");
        }
    }

    private static void addFlatten(ComputationGraphConfiguration.GraphBuilder graph, String id, TensorShape in,
                                   String[] from) {
        switch (in.kind()) {
            case IMAGE -> graph.addVertex(id,
                    new PreprocessorVertex(new CnnToFeedForwardPreProcessor(in.dim(0), in.dim(1), in.dim(2))), from);
            case SEQUENCE -> graph.addVertex(id, new ReshapeVertex(-1, in.dim(0) * in.dim(1)), from);
            // Flatten of a vector is a no-op that the validator warns about; an element-wise Add of one input
            // passes it through unchanged.
            default -> graph.addVertex(id, new ElementWiseVertex(ElementWiseVertex.Op.Add), from);
        }
    }

    /**
     * Token vectors; with {@code positions} a second vertex {@code id} adds the learned position vectors to the
     * token vectors of vertex {@code id-tokens}.
     */
    private static void addEmbedding(ComputationGraphConfiguration.GraphBuilder graph, String id,
                                     Map<String, Object> p, TensorShape in, String[] from) {
        boolean positions = Boolean.TRUE.equals(p.get("positions"));
        String tokens = positions ? id + TOKENS_SUFFIX : id;
        graph.addLayer(tokens, new EmbeddingSequenceLayer.Builder().nIn(in.vocabSize()).nOut(i(p, "dim"))
                .inputLength(in.dim(0)).build(), from);
        if (positions) {
            graph.addLayer(id, new PositionLayer(), tokens);
        }
    }

    /** On a sequence the same dense layer runs at every time step. */
    private static Layer dense(Map<String, Object> p, TensorShape in) {
        DenseLayer dense = new DenseLayer.Builder().nIn(in.channels()).nOut(i(p, "units"))
                .activation(activation((String) p.get("activation"), 0.01))
                .hasBias(Boolean.TRUE.equals(p.get("useBias"))).build();
        return in.kind() == TensorShape.Kind.SEQUENCE ? new TimeDistributed(dense, RNNFormat.NCW) : dense;
    }

    private static Layer recurrent(Map<String, Object> p, org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer rnn,
                                   boolean bidirectional) {
        boolean sequences = Boolean.TRUE.equals(p.get("returnSequences"));
        if (!bidirectional) {
            return sequences ? rnn : new LastTimeStep(rnn);
        }
        Bidirectional both = new Bidirectional(Bidirectional.Mode.CONCAT, rnn);
        return sequences ? both : new BidirectionalLastStep(both);
    }

    private static Layer outputLayer(Map<String, Object> p, TensorShape in) {
        String loss = (String) p.get("loss");
        LossFunction fn;
        Activation act;
        switch (loss) {
            case "sigmoid_bce" -> {
                fn = LossFunction.XENT;
                act = Activation.SIGMOID;
            }
            case "mse" -> {
                fn = LossFunction.MSE;
                act = Activation.IDENTITY;
            }
            case "mae" -> {
                fn = LossFunction.MEAN_ABSOLUTE_ERROR;
                act = Activation.IDENTITY;
            }
            default -> {
                fn = LossFunction.MCXENT;
                act = Activation.SOFTMAX;
            }
        }
        return new OutputLayer.Builder(fn).nIn(in.dim(0)).nOut(i(p, "units")).activation(act).build();
    }

    private static ConvolutionMode mode(Map<String, Object> p) {
        return "same".equals(p.get("padding")) ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    /** The LSTM's gate function: DL4J's HARDSIGMOID is Keras 2's {@code max(0, min(1, 0.2x + 0.5))}. */
    static Activation gates(Map<String, Object> p) {
        return "hard_sigmoid".equals(p.get("gateActivation")) ? Activation.HARDSIGMOID : Activation.SIGMOID;
    }

    static IActivation activation(String name, double alpha) {
        return switch (name) {
            case "relu" -> Activation.RELU.getActivationFunction();
            case "leakyrelu" -> new ActivationLReLU(alpha);
            case "elu" -> Activation.ELU.getActivationFunction();
            case "gelu" -> Activation.GELU.getActivationFunction();
            case "sigmoid" -> Activation.SIGMOID.getActivationFunction();
            case "tanh" -> Activation.TANH.getActivationFunction();
            case "softmax" -> Activation.SOFTMAX.getActivationFunction();
            case "identity" -> Activation.IDENTITY.getActivationFunction();
            default -> throw new IllegalArgumentException("unknown activation " + name);
        };
    }

    /** The optimizer with a plain learning rate, or with the per-epoch table of a non-fixed schedule. */
    private static IUpdater updater(TrainingSettings t) {
        double lr = t.learningRate();
        ISchedule table = t.schedule().type() == LrSchedule.Type.FIXED ? null : schedule(t);
        return switch (t.optimizer()) {
            case SGD -> table == null ? new Sgd(lr) : new Sgd(table);
            case NESTEROV -> table == null ? new Nesterovs(lr, t.momentum()) : new Nesterovs(table, t.momentum());
            case ADAM, ADAMW -> table == null ? new Adam(lr) : new Adam(table);
            case RMSPROP -> table == null ? new RmsProp(lr) : new RmsProp(table);
        };
    }

    /**
     * The document's schedule as a per-epoch table: one form for every schedule type (DL4J has no cosine
     * schedule), with exactly the rates {@link LrSchedule#rateAt} reports. The training session advances DL4J's
     * epoch counter after every epoch.
     */
    static ISchedule schedule(TrainingSettings t) {
        Map<Integer, Double> rates = new HashMap<>();
        for (int epoch = 0; epoch < t.epochs(); epoch++) {
            rates.put(epoch, t.schedule().rateAt(t.learningRate(), epoch, t.epochs()));
        }
        return new MapSchedule(ScheduleType.EPOCH, rates);
    }

    private static int i(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).intValue();
    }

    private static double d(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).doubleValue();
    }
}
