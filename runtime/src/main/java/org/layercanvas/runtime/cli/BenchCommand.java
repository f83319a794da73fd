package org.layercanvas.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.runtime.bench.HandWrittenMlp;
import org.layercanvas.runtime.compile.CompileException;
import org.layercanvas.runtime.compile.CompiledGraph;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.DatasetException;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.SplitExamples;
import org.layercanvas.runtime.engine.EnginePreference;
import org.layercanvas.runtime.train.Tensors;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.train.TrainingSession;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layercanvas bench FILE}: training throughput with fixed settings, on any dataset the document can use
 * (streamed ones too). Throughput counts the minibatch loop of measured epochs only (waiting for batches, the
 * engine's step, events), never per-epoch evaluation; warm-up epochs are discarded; the median of the repetitions
 * is reported, with where the time of one minibatch went. {@code --engine both} alternates the compiled plan and
 * DL4J; {@code --baseline} alternates with the same MLP written by hand in DL4J. Alternating makes drift of the
 * machine hit every contender alike.
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

    @Option(names = "--engine", paramLabel = "auto|plan|dl4j|both", defaultValue = "auto", descriptionKey = "engine")
    private String engine;

    @Option(names = "--kernels", descriptionKey = "kernels")
    private boolean kernels;

    @Option(names = "--baseline", descriptionKey = "baseline")
    private boolean baseline;

    @Option(names = "--json", descriptionKey = "json")
    private boolean json;

    /** One measured run: throughput, where its time went, and what the session reported. */
    private record Measurement(double samplesPerSecond, TrainingSession.LoopTimes times, String engine,
                               String engineReason, int threads, int trainExamples,
                               List<org.layercanvas.runtime.engine.KernelTime> kernels) {
    }

    @Override
    public Integer call() {
        String profileBefore = System.getProperty("layercanvas.plan.profile");
        try {
            return measure();
        } finally {
            if (profileBefore == null) {
                System.clearProperty("layercanvas.plan.profile");
            } else {
                System.setProperty("layercanvas.plan.profile", profileBefore);
            }
        }
    }

    /** Every measurement of a benchmark: per engine those of LayerCanvas, and the hand-written baselines'. */
    private record Runs(Map<EnginePreference, List<Measurement>> ours, List<Double> handWritten,
                        List<Double> handWrittenGraph) {
    }

    private int measure() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean both = "both".equalsIgnoreCase(engine);
        EnginePreference preference = both ? EnginePreference.PLAN : EnginePreference.parse(engine);
        String badOption = badOption(preference);
        if (badOption != null) {
            err.println(Text.get("line.error", badOption));
            return ExitCodes.UNREADABLE;
        }
        if (kernels) {
            // read once by the plan when it is built: timing every kernel costs a little itself
            System.setProperty("layercanvas.plan.profile", "true");
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
        NetworkDocument run = doc.withTraining(doc.training().withEpochs(warmup + epochs)
                .withEarlyStoppingOff());
        DataSet train = null;
        if (baseline) {
            try {
                train = trainingData(run);
            } catch (DatasetException | CompileException e) {
                err.println(Text.get("line.error", e.getMessage()));
                return ExitCodes.TRAINING_FAILED;
            }
        }
        List<EnginePreference> contenders = both ? List.of(EnginePreference.PLAN, EnginePreference.DL4J)
                : List.of(preference);
        Runs runs = runAll(run, contenders, train, out, err);
        if (runs == null) {
            return ExitCodes.TRAINING_FAILED;
        }
        report(run, contenders, runs, out);
        out.flush();
        return ExitCodes.OK;
    }

    /** What is wrong with the options, for the user, or null. */
    private String badOption(EnginePreference preference) {
        return epochs < 1 ? Text.get("option.invalid", "--epochs", Text.get("option.positive", epochs))
                : repeat < 1 ? Text.get("option.invalid", "--repeat", Text.get("option.positive", repeat))
                : warmup < 0 ? Text.get("option.invalid", "--warmup", Text.get("option.notNegative", warmup))
                : threads < 0 ? Text.get("option.invalid", "--threads", Text.get("option.notNegative", threads))
                : preference == null ? Text.get("option.invalid", "--engine", Text.get("option.benchEngine", engine))
                : null;
    }

    /**
     * Runs every contender {@link #repeat} times, alternating, and prints the header after the first run (it names
     * numbers only a run knows). Returns null when a run failed (the reason is printed).
     */
    private Runs runAll(NetworkDocument run, List<EnginePreference> contenders, DataSet train, PrintWriter out,
                        PrintWriter err) {
        DataContext data = DataContext.offline().withBaseFolder(DocumentSource.folderOf(file));
        Runs runs = new Runs(new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>());
        for (int r = 0; r < repeat; r++) {
            for (EnginePreference p : contenders) {
                Measurement m = measureLayerCanvas(run, p, data, err);
                if (m == null) {
                    return null;
                }
                if (runs.ours().isEmpty()) {
                    out.println(Text.get("bench.header", epochs, warmup, repeat, run.training().batchSize(),
                            m.trainExamples(), m.threads()));
                    out.flush();
                }
                runs.ours().computeIfAbsent(p, k -> new ArrayList<>()).add(m);
            }
            if (baseline) {
                runs.handWritten().add(measureBaseline(run, train, HandWrittenMlp.Form.MULTI_LAYER_NETWORK));
                runs.handWrittenGraph().add(measureBaseline(run, train, HandWrittenMlp.Form.COMPUTATION_GRAPH));
            }
        }
        return runs;
    }

    /** The medians, where the time went, the ratios; and with {@code --json} the same as one JSON line. */
    private void report(NetworkDocument run, List<EnginePreference> contenders, Runs runs, PrintWriter out) {
        ObjectNode result = new ObjectMapper().createObjectNode();
        Map<EnginePreference, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<EnginePreference, List<Measurement>> e : runs.ours().entrySet()) {
            List<Double> rates = e.getValue().stream().map(Measurement::samplesPerSecond).toList();
            double median = median(rates);
            medians.put(e.getKey(), median);
            Measurement typical = closestTo(e.getValue(), median);
            out.println(Text.get("bench.row", Text.get("bench.contender.layerCanvas", typical.engine()),
                    fmt(median), repeat, list(rates)));
            out.println(Text.get("bench.engine", typical.engineReason()));
            out.println(breakdown(typical.times()));
            for (org.layercanvas.runtime.engine.KernelTime k : typical.kernels()) {
                out.println(Text.get("bench.kernel", k.phase(), k.label(),
                        String.format(Locale.ROOT, "%,.1f", k.microsPerCall())));
            }
            ObjectNode node = e.getKey() == contenders.get(0) ? result : result.putObject(typical.engine());
            node.put("samplesPerSecond", median);
            node.put("engine", typical.engine());
            putBreakdown(node, typical.times());
        }
        Measurement first = runs.ours().get(contenders.get(0)).get(0);
        result.put("epochs", epochs);
        result.put("warmupEpochs", warmup);
        result.put("repeat", repeat);
        result.put("batchSize", run.training().batchSize());
        result.put("trainExamples", first.trainExamples());
        result.put("threads", first.threads());
        if (contenders.size() > 1) {
            double ratio = medians.get(EnginePreference.PLAN) / medians.get(EnginePreference.DL4J);
            out.println(Text.get("bench.ratioEngines", String.format(Locale.ROOT, "%.2f", ratio)));
            result.put("planOverDl4j", ratio);
        }
        if (baseline) {
            reportBaseline(medians.get(contenders.get(0)), runs, result, out);
        }
        if (json) {
            out.println(result);
        }
    }

    private void reportBaseline(double oursMedian, Runs runs, ObjectNode result, PrintWriter out) {
        double theirsMedian = median(runs.handWritten());
        double ratio = oursMedian / theirsMedian;
        out.println(Text.get("bench.row", Text.get("bench.contender.handWritten"), fmt(theirsMedian), repeat,
                list(runs.handWritten())));
        out.println(Text.get("bench.ratio", String.format(Locale.ROOT, "%.3f", ratio),
                String.format(Locale.ROOT, "%+.1f %%", (1 / ratio - 1) * 100)));
        double graphMedian = median(runs.handWrittenGraph());
        double graphRatio = oursMedian / graphMedian;
        out.println(Text.get("bench.row", Text.get("bench.contender.handWrittenGraph"), fmt(graphMedian), repeat,
                list(runs.handWrittenGraph())));
        out.println(Text.get("bench.ratioGraph", String.format(Locale.ROOT, "%.3f", graphRatio),
                String.format(Locale.ROOT, "%+.1f %%", (1 / graphRatio - 1) * 100)));
        result.put("baselineSamplesPerSecond", theirsMedian);
        result.put("ratio", ratio);
        result.put("graphBaselineSamplesPerSecond", graphMedian);
        result.put("graphRatio", graphRatio);
    }

    private static DataSet trainingData(NetworkDocument doc) throws DatasetException, CompileException {
        CompiledGraph compiled = new GraphCompiler(LayerCatalog.standard()).compile(doc);
        SplitExamples split = SplitExamples.split(DatasetLoader.load(doc.dataset()), doc.dataset().split(),
                doc.dataset().seed());
        return Tensors.dataSet(split.train(), compiled.inputShape(), compiled.outputUnits(), DataType.FLOAT);
    }

    private Measurement measureLayerCanvas(NetworkDocument doc, EnginePreference preference, DataContext data,
                                           PrintWriter err) {
        List<TrainingEvent.Epoch> measured = new ArrayList<>();
        TrainingSession[] session = new TrainingSession[1];
        TrainingSession.LoopTimes[] atStart = {null};
        TrainingEvent.Started[] started = {null};
        session[0] = new TrainingSession(doc, new TrainingSession.Options("cpu", threads, false, data, preference),
                event -> {
                    if (event instanceof TrainingEvent.Started s) {
                        started[0] = s;
                        if (warmup == 0) {
                            atStart[0] = session[0].loopTimes();
                        }
                    } else if (event instanceof TrainingEvent.Epoch e) {
                        if (e.epoch() == warmup) {
                            atStart[0] = session[0].loopTimes();
                        } else if (e.epoch() > warmup) {
                            measured.add(e);
                        }
                    }
                });
        TrainingSession.Result result = session[0].run();
        if (!result.succeeded()) {
            err.println(Text.get("line.error", Text.get("labelled", result.failed().failure().wireName(),
                    result.failed().message())));
            return null;
        }
        // Each epoch's rate is examples / seconds: combine as total examples over total seconds.
        double seconds = measured.stream().mapToDouble(e -> 1.0 / e.samplesPerSecond()).sum();
        TrainingSession.LoopTimes times = session[0].loopTimes().minus(atStart[0]);
        return new Measurement(measured.size() / seconds, times, started[0].engine(), started[0].engineReason(),
                started[0].threads(), started[0].trainExamples(), session[0].kernelProfile());
    }

    /** One line: microseconds per minibatch, and how they split. */
    private static String breakdown(TrainingSession.LoopTimes t) {
        double n = Math.max(1, t.steps());
        long other = t.loop() - t.data() - t.input() - t.forward() - t.backward() - t.update() - t.events();
        if (t.split()) {
            return Text.get("bench.breakdown", us(t.loop(), n), us(t.data(), n), us(t.input(), n),
                    us(t.forward(), n), us(t.backward(), n), us(t.update(), n), us(t.events(), n), us(other, n));
        }
        return Text.get("bench.breakdownFit", us(t.loop(), n), us(t.data(), n), us(t.forward(), n),
                us(t.events(), n), us(other, n));
    }

    private static void putBreakdown(ObjectNode node, TrainingSession.LoopTimes t) {
        double n = Math.max(1, t.steps());
        ObjectNode b = node.putObject("microsecondsPerMinibatch");
        b.put("total", t.loop() / n / 1e3);
        b.put("data", t.data() / n / 1e3);
        if (t.split()) {
            b.put("input", t.input() / n / 1e3);
            b.put("forward", t.forward() / n / 1e3);
            b.put("backward", t.backward() / n / 1e3);
            b.put("update", t.update() / n / 1e3);
        } else {
            b.put("fit", t.forward() / n / 1e3);
        }
        b.put("events", t.events() / n / 1e3);
    }

    private static String us(long nanos, double steps) {
        return String.format(Locale.ROOT, "%,.0f", nanos / steps / 1e3);
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

    private static Measurement closestTo(List<Measurement> ms, double median) {
        return ms.stream().min((a, b) -> Double.compare(Math.abs(a.samplesPerSecond() - median),
                Math.abs(b.samplesPerSecond() - median))).orElseThrow();
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
