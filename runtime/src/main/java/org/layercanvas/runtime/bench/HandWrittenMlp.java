package org.layercanvas.runtime.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The benchmark baseline: the same plain MLP as a document, written the way a DL4J user writes it by hand (a
 * {@link MultiLayerNetwork} from builders, trained with {@code fit(iterator)}), without LayerCanvas's compiler or
 * training session. Only the layer sizes and settings are read from the document.
 */
public final class HandWrittenMlp {
    /** How the baseline is written: as a layer stack or as a graph (what LayerCanvas compiles to). */
    public enum Form { MULTI_LAYER_NETWORK, COMPUTATION_GRAPH }

    private final org.deeplearning4j.nn.api.Model network;
    private final int batchSize;

    private HandWrittenMlp(org.deeplearning4j.nn.api.Model network, int batchSize) {
        this.network = network;
        this.batchSize = batchSize;
    }

    /** The first layer type that this baseline cannot express, if any. */
    public static Optional<LayerType> unsupportedLayer(NetworkDocument doc) {
        return doc.nodes().stream().map(Node::type)
                .filter(t -> t != LayerType.INPUT && t != LayerType.DENSE && t != LayerType.DROPOUT
                        && t != LayerType.OUTPUT)
                .findFirst();
    }

    public static HandWrittenMlp of(NetworkDocument doc) {
        return of(doc, Form.MULTI_LAYER_NETWORK);
    }

    public static HandWrittenMlp of(NetworkDocument doc, Form form) {
        LayerCatalog catalog = LayerCatalog.standard();
        Analysis analysis = new ShapeInference(catalog).analyze(doc);
        IUpdater updater = switch (doc.training().optimizer()) {
            case SGD -> new Sgd(doc.training().learningRate());
            case NESTEROV -> new Nesterovs(doc.training().learningRate(), doc.training().momentum());
            case RMSPROP -> new RmsProp(doc.training().learningRate());
            default -> new Adam(doc.training().learningRate());
        };
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(doc.training().seed())
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(updater)
                .list();
        int layer = 0;
        List<String> order = analysis.order();
        for (String id : order) {
            Node n = doc.node(id).orElseThrow();
            Map<String, Object> p = catalog.resolve(n);
            int nIn = n.type() == LayerType.INPUT ? 0
                    : analysis.outputShape(doc.edgesInto(id).get(0).from().nodeId()).orElseThrow().dim(0);
            switch (n.type()) {
                case DENSE -> list.layer(layer++, new DenseLayer.Builder().nIn(nIn).nOut(units(p))
                        .activation(Activation.valueOf(((String) p.get("activation")).toUpperCase(
                                java.util.Locale.ROOT))).build());
                case DROPOUT -> list.layer(layer++, new DropoutLayer.Builder(
                        1.0 - ((Number) p.get("rate")).doubleValue()).build());
                case OUTPUT -> {
                    boolean softmax = "softmax_ce".equals(p.get("loss"));
                    list.layer(layer++, new OutputLayer.Builder(softmax ? LossFunctions.LossFunction.MCXENT
                            : LossFunctions.LossFunction.XENT).nIn(nIn).nOut(units(p))
                            .activation(softmax ? Activation.SOFTMAX : Activation.SIGMOID).build());
                }
                default -> {
                }
            }
        }
        MultiLayerConfiguration conf = list.build();
        if (form == Form.COMPUTATION_GRAPH) {
            // The same layers as a graph, chained by hand.
            org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder graph =
                    new NeuralNetConfiguration.Builder().seed(doc.training().seed())
                            .weightInit(WeightInit.XAVIER_UNIFORM).updater(updater).graphBuilder().addInputs("in");
            String previous = "in";
            for (int i = 0; i < conf.getConfs().size(); i++) {
                graph.addLayer("l" + i, conf.getConf(i).getLayer(), previous);
                previous = "l" + i;
            }
            org.deeplearning4j.nn.graph.ComputationGraph cg =
                    new org.deeplearning4j.nn.graph.ComputationGraph(graph.setOutputs(previous).build());
            cg.init();
            return new HandWrittenMlp(cg, doc.training().batchSize());
        }
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new HandWrittenMlp(net, doc.training().batchSize());
    }

    /** Trains one epoch the usual way: shuffle, cut into minibatches, wrap in an iterator, {@code fit}. Returns the seconds taken. */
    public double epoch(DataSet train, long shuffleSeed) {
        long start = System.nanoTime();
        train.shuffle(shuffleSeed);
        ExistingDataSetIterator batches = new ExistingDataSetIterator(train.batchBy(batchSize));
        if (network instanceof MultiLayerNetwork mln) {
            mln.fit(batches);
        } else {
            ((org.deeplearning4j.nn.graph.ComputationGraph) network).fit(batches);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static int units(Map<String, Object> p) {
        return ((Number) p.get("units")).intValue();
    }
}
