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
    private final MultiLayerNetwork network;
    private final int batchSize;

    private HandWrittenMlp(MultiLayerNetwork network, int batchSize) {
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
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new HandWrittenMlp(net, doc.training().batchSize());
    }

    /** Trains one epoch the usual way: shuffle, cut into minibatches, wrap in an iterator, {@code fit}. Returns the seconds taken. */
    public double epoch(DataSet train, long shuffleSeed) {
        long start = System.nanoTime();
        train.shuffle(shuffleSeed);
        network.fit(new ExistingDataSetIterator(train.batchBy(batchSize)));
        return (System.nanoTime() - start) / 1e9;
    }

    private static int units(Map<String, Object> p) {
        return ((Number) p.get("units")).intValue();
    }
}
