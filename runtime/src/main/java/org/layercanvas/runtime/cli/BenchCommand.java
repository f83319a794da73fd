package org.layercanvas.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.runtime.bench.HandWrittenMlp;
import org.layercanvas.runtime.data.DatasetException;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.SplitExamples;
import org.layercanvas.runtime.train.Tensors;
import org.layercanvas.runtime.train.Threads;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.train.TrainingSession;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.runtime.compile.CompiledGraph;
import org.layercanvas.runtime.compile.CompileException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layercanvas bench FILE}: training throughput with fixed settings. Throughput counts the minibatch loop
 * of measured epochs only (shuffling, batching, fit, events), never per-epoch evaluation; warm-up epochs are
 * discarded; the median of the repetitions is reported. With {@code --baseline}, repetitions alternate between
 * LayerCanvas and the hand-written DL4J network so that drift of the machine hits both alike.
 */
@Command(name = "bench", resourceBundle = "org.layercanvas.runtime.cli.BenchCommand", mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "file")
    private String file;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3", descriptionKey = "epochs")
    private int epochs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1", descriptionKey = "warmup")
    private int warmup;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3", descriptionKey = "repeat")
    private int repeat;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", descriptionKey = "threads")
    private int threads;

    @Option(names = "--baseline", descriptionKey = "baseline")
    private boolean baseline;

    @Option(names = "--json", descriptionKey = "json")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String badOption = epochs < 1 ? "--epochs: " + Text.get("option.positive", epochs)
                : repeat < 1 ? "--repeat: " + Text.get("option.positive", repeat)
                : warmup < 0 ? "--warmup: " + Text.get("option.notNegative", warmup)
                : threads < 0 ? "--threads: " + Text.get("option.notNegative", threads) : null;
        if (badOption != null) {
            err.println(Text.get("line.error", badOption));
            return ExitCodes.UNREADABLE;
        }
        NetworkDocument doc = DocumentSource.loadOrReport(file, err);
        if (doc == null) {
            return ExitCodes.UNREADABLE;
        }
        if (DocumentSource.reportErrors(new ShapeInference(LayerCatalog.standard()).analyze(doc), err)) {
            return ExitCodes.INVALID;
        }
        Optional<LayerType> unsupported = HandWrittenMlp.unsupportedLayer(doc);
        if (baseline && unsupported.isPresent()) {
            err.println(Text.get("line.error", Text.get("bench.notMlp", unsupported.get().jsonName())));
            return ExitCodes.INVALID;
        }
        if (threads > 0) {
            Threads.set(threads);
        }
        NetworkDocument run = doc.withTraining(doc.training().withEpochs(warmup + epochs)
                .withEarlyStoppingOff());
        DataSet train;
        try {
            train = trainingData(run);
        } catch (DatasetException | CompileException e) {
            err.println(Text.get("line.error", e.getMessage()));
            return ExitCodes.TRAINING_FAILED;
        }
        out.println(Text.get("bench.header", epochs, warmup, repeat, run.training().batchSize(), train.numExamples()));
        out.flush();
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> theirsGraph = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            Double sps = measureLayerCanvas(run, err);
            if (sps == null) {
                return ExitCodes.TRAINING_FAILED;
            }
            ours.add(sps);
            if (baseline) {
                theirs.add(measureBaseline(run, train, HandWrittenMlp.Form.MULTI_LAYER_NETWORK));
                theirsGraph.add(measureBaseline(run, train, HandWrittenMlp.Form.COMPUTATION_GRAPH));
            }
        }
        double oursMedian = median(ours);
        out.println(Text.get("bench.row", "LayerCanvas", fmt(oursMedian), repeat, list(ours)));
        ObjectNode result = new ObjectMapper().createObjectNode();
        result.put("samplesPerSecond", oursMedian);
        result.put("epochs", epochs);
        result.put("warmupEpochs", warmup);
        result.put("repeat", repeat);
        result.put("batchSize", run.training().batchSize());
        result.put("trainExamples", train.numExamples());
        result.put("threads", Threads.current());
        if (baseline) {
            double theirsMedian = median(theirs);
            double ratio = oursMedian / theirsMedian;
            out.println(Text.get("bench.row", "hand-written DL4J", fmt(theirsMedian), repeat, list(theirs)));
            out.println(Text.get("bench.ratio", String.format(Locale.ROOT, "%.3f", ratio),
                    String.format(Locale.ROOT, "%+.1f %%", (1 / ratio - 1) * 100)));
            double graphMedian = median(theirsGraph);
            double graphRatio = oursMedian / graphMedian;
            out.println(Text.get("bench.row", "hand-written DL4J graph", fmt(graphMedian), repeat, list(theirsGraph)));
            out.println(Text.get("bench.ratioGraph", String.format(Locale.ROOT, "%.3f", graphRatio),
                    String.format(Locale.ROOT, "%+.1f %%", (1 / graphRatio - 1) * 100)));
            result.put("baselineSamplesPerSecond", theirsMedian);
            result.put("ratio", ratio);
            result.put("graphBaselineSamplesPerSecond", graphMedian);
            result.put("graphRatio", graphRatio);
        }
        if (json) {
            out.println(result);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static DataSet trainingData(NetworkDocument doc) throws DatasetException, CompileException {
        CompiledGraph compiled = new GraphCompiler(LayerCatalog.standard()).compile(doc);
        SplitExamples split = SplitExamples.split(DatasetLoader.load(doc.dataset()), doc.dataset().split(),
                doc.dataset().seed());
        return Tensors.dataSet(split.train(), compiled.inputShape(), compiled.outputUnits(), DataType.FLOAT);
    }

    private Double measureLayerCanvas(NetworkDocument doc, PrintWriter err) {
        List<TrainingEvent.Epoch> measured = new ArrayList<>();
        TrainingSession session = new TrainingSession(doc, new TrainingSession.Options("cpu", threads), event -> {
            if (event instanceof TrainingEvent.Epoch e && e.epoch() > warmup) {
                measured.add(e);
            }
        });
        TrainingSession.Result result = session.run();
        if (!result.succeeded()) {
            err.println(Text.get("line.error", result.failed().code() + ": " + result.failed().message()));
            return null;
        }
        // Each epoch's rate is examples / seconds: combine as total examples over total seconds.
        double seconds = measured.stream().mapToDouble(e -> 1.0 / e.samplesPerSecond()).sum();
        return measured.size() / seconds;
    }

    private double measureBaseline(NetworkDocument doc, DataSet train, HandWrittenMlp.Form form) {
        Nd4j.getRandom().setSeed(doc.training().seed());
        HandWrittenMlp net = HandWrittenMlp.of(doc, form);
        java.util.Random order = new java.util.Random(doc.training().seed());
        double seconds = 0;
        for (int e = 0; e < warmup + epochs; e++) {
            double s = net.epoch(train, order.nextLong());
            if (e >= warmup) {
                seconds += s;
            }
        }
        return epochs * train.numExamples() / seconds;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(BenchCommand::fmt).toList());
    }
}
