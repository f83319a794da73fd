package org.layercanvas.runtime.interop.exports;

import java.util.HashMap;
import java.util.Map;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.Split;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.interop.exports.ExportGraph.Layer;

/**
 * A standalone Java program: {@code buildConfiguration()} builds the same DL4J ComputationGraphConfiguration as the
 * runtime's compiler (same layers, vertex names, seed, weight initialisation, updater, schedule, regularisation,
 * clipping), {@code main} reads a CSV file and trains with the document's batch size, epochs and early stopping.
 * LayerNorm and SelfAttention come as nested classes, since DL4J has no such layers of its own.
 */
public final class JavaProgramExporter {
    private static final String IMPORTS = String.join("\n",
            "import java.io.File;", "import java.io.IOException;", "import java.nio.file.Files;",
            "import java.nio.file.Path;", "import java.util.HashMap;", "import java.util.List;",
            "import java.util.Map;", "import java.util.Random;",
            "import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;",
            "import org.deeplearning4j.nn.conf.ConvolutionMode;",
            "import org.deeplearning4j.nn.conf.GradientNormalization;",
            "import org.deeplearning4j.nn.conf.NeuralNetConfiguration;",
            "import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;",
            "import org.deeplearning4j.nn.conf.graph.MergeVertex;",
            "import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;",
            "import org.deeplearning4j.nn.conf.graph.ReshapeVertex;",
            "import org.deeplearning4j.nn.conf.graph.SubsetVertex;",
            "import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;",
            "import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;",
            "import org.deeplearning4j.nn.conf.inputs.InputType;",
            "import org.deeplearning4j.nn.conf.layers.*;",
            "import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;",
            "import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;",
            "import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;",
            "import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;",
            "import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;",
            "import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;",
            "import org.deeplearning4j.nn.graph.ComputationGraph;",
            "import org.deeplearning4j.nn.weights.WeightInit;",
            "import org.deeplearning4j.util.ModelSerializer;",
            "import org.nd4j.autodiff.samediff.SDVariable;", "import org.nd4j.autodiff.samediff.SameDiff;",
            "import org.nd4j.linalg.activations.Activation;",
            "import org.nd4j.linalg.activations.impl.ActivationLReLU;",
            "import org.nd4j.linalg.api.buffer.DataType;", "import org.nd4j.linalg.api.ndarray.INDArray;",
            "import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;",
            "import org.nd4j.linalg.dataset.DataSet;", "import org.nd4j.linalg.dataset.SplitTestAndTrain;",
            "import org.nd4j.linalg.factory.Nd4j;", "import org.nd4j.linalg.learning.config.*;",
            "import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;",
            "import org.nd4j.linalg.schedule.ISchedule;", "import org.nd4j.linalg.schedule.MapSchedule;",
            "import org.nd4j.linalg.schedule.ScheduleType;");

    public String export(NetworkDocument doc) throws ExportException {
        ExportGraph graph = ExportGraph.of(doc);
        TrainingSettings t = doc.training();
        Map<String, String> v = new HashMap<>();
        String className = className(doc.metadata().title());
        v.put("CLASS", className);
        v.put("TITLE", comment(doc.metadata().title()));
        v.put("DESCRIPTION", " * " + comment(doc.metadata().description()));
        v.put("DATASET_COMMENT", " * " + comment(PythonCode.datasetComment(doc.dataset()).substring(2)));
        v.put("IMPORTS", IMPORTS);
        TensorShape in = graph.input().out();
        long[] dims = OnnxExporter.dl4jDims(in);
        long features = 1;
        StringBuilder shape = new StringBuilder("{");
        for (int k = 0; k < dims.length; k++) {
            features *= dims[k];
            shape.append(k == 0 ? "" : ", ").append(dims[k]);
        }
        v.put("FEATURES", Long.toString(features));
        v.put("EXAMPLE_SHAPE", shape.append('}').toString());
        v.put("EPOCHS", Integer.toString(t.epochs()));
        v.put("BATCH_SIZE", Integer.toString(t.batchSize()));
        v.put("SEED", Long.toString(t.seed()));
        v.put("PATIENCE", Integer.toString(t.earlyStoppingPatience()));
        Split split = doc.dataset() == null ? Split.DEFAULT : doc.dataset().split();
        v.put("VALIDATION", Double.toString(split.train() + split.validation() <= 0 ? 0.1
                : split.validation() / (split.train() + split.validation())));
        v.put("UNITS", Integer.toString(graph.output().i("units")));
        v.put("ONE_HOT", Boolean.toString("softmax_ce".equals(graph.output().s("loss"))));
        v.put("UPDATER", updater(t));
        v.put("REGULARIZATION", regularization(t));
        v.put("SCHEDULE", schedule(t));
        StringBuilder layers = new StringBuilder();
        for (Layer l : graph.layers()) {
            if (l.type() == LayerType.EMBEDDING && l.b("positions")) { // no DL4J layer: the runtime defines its own
                throw new ExportException(l.id(), ExportMessages.format("java.positions"));
            }
            layers.append("        ").append(JavaLayers.statement(l, graph.input().id())).append('\n');
        }
        v.put("LAYERS", layers.toString().stripTrailing());
        v.put("OUTPUT", JavaLayers.str(graph.output().id()));
        v.put("INPUT_TYPE", JavaLayers.inputType(in));
        boolean layerNorm = graph.layers().stream().anyMatch(l -> l.type() == LayerType.LAYER_NORM);
        boolean attention = graph.layers().stream().anyMatch(l -> l.type() == LayerType.SELF_ATTENTION);
        v.put("EXTRA_CLASSES", (layerNorm ? Template.load("LayerNorm.java.txt") : "")
                + (attention ? Template.load("Attention.java.txt") : ""));
        return Template.fill("Program.java.txt", v);
    }

    /** A Java class name from the title: its words capitalised and joined; {@code Network} when none. */
    public static String className(String title) {
        StringBuilder b = new StringBuilder();
        for (String word : (title == null ? "" : title).split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        if (b.length() == 0) {
            return "Network";
        }
        return Character.isDigit(b.charAt(0)) ? "Network" + b : b.toString();
    }

    private static String updater(TrainingSettings t) {
        String lr = t.schedule().type() == LrSchedule.Type.FIXED ? Double.toString(t.learningRate()) : "schedule()";
        return switch (t.optimizer()) {
            case SGD -> "new Sgd(" + lr + ")";
            case NESTEROV -> "new Nesterovs(" + lr + ", " + t.momentum() + ")";
            case ADAM, ADAMW -> "new Adam(" + lr + ")";
            case RMSPROP -> "new RmsProp(" + lr + ")";
        };
    }

    private static String regularization(TrainingSettings t) {
        StringBuilder b = new StringBuilder();
        if (t.weightDecay() > 0) {
            b.append(t.optimizer() == Optimizer.ADAMW ? "\n                .weightDecay(" + t.weightDecay() + ", true)"
                    : "\n                .l2(" + t.weightDecay() + ")");
        }
        if (t.gradientClip() > 0) {
            b.append("\n                .gradientNormalization(GradientNormalization.ClipL2PerLayer)")
                    .append("\n                .gradientNormalizationThreshold(").append(t.gradientClip()).append(')');
        }
        return b.toString();
    }

    /** The per-epoch learning-rate table of a non-fixed schedule, as LayerCanvas computes it. */
    private static String schedule(TrainingSettings t) {
        if (t.schedule().type() == LrSchedule.Type.FIXED) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n    /** The learning rate of each epoch (")
                .append(t.schedule().type().jsonName()).append(" schedule). */\n")
                .append("    static ISchedule schedule() {\n        Map<Integer, Double> rates = new HashMap<>();\n");
        for (int epoch = 0; epoch < t.epochs(); epoch++) {
            b.append("        rates.put(").append(epoch).append(", ")
                    .append(t.schedule().rateAt(t.learningRate(), epoch, t.epochs())).append(");\n");
        }
        return b.append("        return new MapSchedule(ScheduleType.EPOCH, rates);\n    }\n").toString();
    }

    private static String comment(String s) {
        return s == null ? "" : s.replace("*/", "* /").replaceAll("[\\r\\n]+", "\n * ");
    }
}
