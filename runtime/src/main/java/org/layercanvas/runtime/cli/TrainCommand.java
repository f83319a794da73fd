package org.layercanvas.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.runtime.engine.EnginePreference;
import org.layercanvas.runtime.train.EventFiles;
import org.layercanvas.runtime.train.ModelFiles;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layercanvas train FILE}: trains a document and reports per epoch. */
@Command(name = "train", resourceBundle = "org.layercanvas.runtime.cli.TrainCommand", mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "file")
    private String file;

    @Option(names = "--epochs", paramLabel = "N", descriptionKey = "epochs")
    private Integer epochs;

    @Option(names = "--seed", paramLabel = "S", descriptionKey = "seed")
    private Long seed;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu[:N]", defaultValue = "auto", descriptionKey = "device")
    private String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", descriptionKey = "threads")
    private int threads;

    @Option(names = "--engine", paramLabel = "auto|plan|dl4j", defaultValue = "auto", descriptionKey = "engine")
    private String engine;

    @Option(names = "--boundary-ms", paramLabel = "MS", defaultValue = "0", descriptionKey = "boundaryMs")
    private int boundaryMillis;

    @Option(names = "--events-out", paramLabel = "F.jsonl", descriptionKey = "eventsOut")
    private Path eventsOut;

    @Option(names = "--metrics-out", paramLabel = "F.csv", descriptionKey = "metricsOut")
    private Path metricsOut;

    @Option(names = "--model-out", paramLabel = "F.zip", descriptionKey = "modelOut")
    private Path modelOut;

    @Option(names = "--weights", paramLabel = "NET.weights.h5|.keras|.zip", descriptionKey = "weights")
    private Path weights;

    @Option(names = "--quiet", descriptionKey = "quiet")
    private boolean quiet;

    @Option(names = "--json", descriptionKey = "json")
    private boolean json;

    @Option(names = "--offline", descriptionKey = "offline")
    private boolean offline;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NetworkDocument doc = DocumentSource.loadOrReport(file, err);
        if (doc == null) {
            return ExitCodes.UNREADABLE;
        }
        if (epochs != null) {
            if (epochs < 1) {
                err.println(Text.get("line.error", Text.get("option.invalid", "--epochs",
                        Text.get("option.positive", epochs))));
                return ExitCodes.UNREADABLE;
            }
            doc = doc.withTraining(doc.training().withEpochs(epochs));
        }
        if (seed != null) {
            doc = doc.withTraining(doc.training().withSeed(seed));
        }
        try {
            org.layercanvas.runtime.device.DeviceRequest.parse(device);
        } catch (IllegalArgumentException e) {
            err.println(Text.get("line.error", Text.get("option.invalid", "--device", e.getMessage())));
            return ExitCodes.UNREADABLE;
        }
        if (threads < 0) {
            err.println(Text.get("line.error", Text.get("option.invalid", "--threads",
                    Text.get("option.notNegative", threads))));
            return ExitCodes.UNREADABLE;
        }
        if (boundaryMillis < 0) {
            err.println(Text.get("line.error", Text.get("option.invalid", "--boundary-ms",
                    Text.get("option.notNegative", boundaryMillis))));
            return ExitCodes.UNREADABLE;
        }
        if (EnginePreference.parse(engine) == null) {
            err.println(Text.get("line.error", Text.get("option.invalid", "--engine",
                    Text.get("option.engine", engine))));
            return ExitCodes.UNREADABLE;
        }
        if (DocumentSource.reportErrors(new ShapeInference(LayerCatalog.standard()).analyze(doc), err)) {
            return ExitCodes.INVALID;
        }
        return train(doc, out, err);
    }

    private int train(NetworkDocument doc, PrintWriter out, PrintWriter err) {
        TrainingSession[] session = new TrainingSession[1];
        EventFiles files;
        try {
            files = new EventFiles(eventsOut, metricsOut, () -> session[0].requestStop());
        } catch (IOException e) {
            err.println(Text.get("line.error", Text.get("train.cannotWrite", String.valueOf(e.getMessage()))));
            return ExitCodes.UNREADABLE;
        }
        int totalEpochs = doc.training().epochs();
        DataContext data = DataContext.offline().withBaseFolder(DocumentSource.folderOf(file));
        if (!offline) {
            data = data.withDownloads(DatasetsCommand.progressPrinter(quiet ? null : err), null);
        }
        double[] firstIteration = {Double.NaN};
        session[0] = new TrainingSession(doc, new TrainingSession.Options(device, threads, false, data,
                EnginePreference.parse(engine), boundaryMillis), event -> {
            if (event instanceof TrainingEvent.Iteration && Double.isNaN(firstIteration[0])) {
                firstIteration[0] = (System.currentTimeMillis()
                        - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
            }
            files.onEvent(event);
            if (event instanceof TrainingEvent.Started s) {
                // what loading changed in the data (missing cells filled), as the app's import dialog reports it
                for (org.layercanvas.runtime.data.Finding f : s.dataFindings()) {
                    err.println(Text.get(f.isError() ? "line.error" : "line.warning",
                            Text.get("train.dataFinding", file, f.message())));
                }
                err.flush();
            }
            if (!quiet) {
                report(event, totalEpochs, out);
            }
        });
        if (weights != null) {
            session[0].startingFrom(weights);
        }
        TrainingSession.Result result = session[0].run();
        try {
            files.close();
        } catch (IOException e) {
            err.println(Text.get("line.error", Text.get("train.cannotWrite", String.valueOf(e.getMessage()))));
        }
        int exit = ExitCodes.OK;
        if (files.failure() != null) {
            err.println(Text.get("line.error", Text.get("labelled", files.failedPath(),
                    Text.get("train.writeFailed", String.valueOf(files.failure().getMessage())))));
            exit = ExitCodes.TRAINING_FAILED;
        }
        if (modelOut != null && result.model() != null && result.succeeded()) {
            try {
                ModelFiles.save(result.model(), modelOut);
                if (!quiet) {
                    out.println(Text.get("train.modelSaved", modelOut));
                }
            } catch (IOException | RuntimeException e) {
                err.println(Text.get("line.error", Text.get("labelled", modelOut,
                        Text.get("train.modelNotSaved", String.valueOf(e.getMessage())))));
                exit = ExitCodes.TRAINING_FAILED;
            }
        }
        if (!result.succeeded()) {
            TrainingEvent.Failed f = result.failed();
            err.println(Text.get("line.error", Text.get("labelled", f.failure().wireName(), f.message())));
            exit = ExitCodes.TRAINING_FAILED;
        }
        if (json && result.succeeded()) {
            out.println(summaryJson(result.finished(), firstIteration[0]));
        }
        out.flush();
        return exit;
    }

    private static void report(TrainingEvent event, int totalEpochs, PrintWriter out) {
        if (event instanceof TrainingEvent.Started s) {
            out.println(Text.get("train.started", s.device(), s.deviceReason(), s.backend(), s.threads(),
                    String.format(Locale.ROOT, "%,d", s.parameters()), s.trainExamples(), s.validationExamples(),
                    s.testExamples()));
            out.println(Text.get("train.engine", s.engine(), s.engineReason()));
            if (s.memory() != null) {
                out.println(s.memory());
            }
        } else if (event instanceof TrainingEvent.Epoch e) {
            String validation = Double.isNaN(e.validationLoss()) ? ""
                    : Text.get("train.epoch.validation", fmt(e.validationLoss()), fmt(e.validationAccuracy()));
            out.println(Text.get("train.epoch", e.epoch(), totalEpochs, fmt(e.trainLoss()), fmt(e.trainAccuracy()),
                    validation, String.format(Locale.ROOT, "%.2f", e.seconds()),
                    String.format(Locale.ROOT, "%,.0f", e.samplesPerSecond())));
        } else if (event instanceof TrainingEvent.Finished f) {
            out.println(Text.get("train.finished." + f.endReason().wireName(), f.epochsCompleted()));
            out.println(Text.get("train.summary", fmt(f.testLoss()), fmt(f.testAccuracy()),
                    String.format(Locale.ROOT, "%,.0f", f.samplesPerSecond()),
                    String.format(Locale.ROOT, "%.2f", f.wallSeconds()), f.device()));
        }
        out.flush();
    }

    private static void number(ObjectNode o, String key, double value) {
        if (Double.isFinite(value)) {
            o.put(key, value);
        } else {
            o.putNull(key);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * The last line of {@code train --json}. Numbers that do not exist (test accuracy without a test split) are
     * null, never a string. {@code secondsToFirstIteration} counts from the JVM's start to the first minibatch
     * learned (loading ND4J, the dataset, compiling).
     */
    static String summaryJson(TrainingEvent.Finished f, double secondsToFirstIteration) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        number(o, "testAccuracy", f.testAccuracy());
        number(o, "testLoss", f.testLoss());
        number(o, "samplesPerSecond", f.samplesPerSecond());
        number(o, "wallSeconds", f.wallSeconds());
        number(o, "secondsToFirstIteration", secondsToFirstIteration);
        o.put("epochs", f.epochsCompleted());
        o.put("iterations", f.iterations());
        o.put("device", f.device());
        o.put("reason", f.endReason().wireName());
        return o.toString();
    }
}
