package org.layercanvas.model.shape;

import java.util.List;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.data.DatasetCatalog;

/**
 * The checks of a document's settings that need no shapes: dataset options (normalisation, augmentation, text,
 * file paths, the toy sets' sizes) and training settings (rates, sizes, schedule). Part of {@link ShapeInference}'s
 * analysis; each problem is a document-level error with its JSON path.
 */
final class SettingsChecks {
    private SettingsChecks() {
    }

    static void checkDataOptions(DatasetSpec ds, List<Diagnostic> out) {
        String normalize = DatasetCatalog.stringOption(ds, "normalize", "none");
        if (!DatasetCatalog.NORMALIZATIONS.contains(normalize)) {
            documentError(out, "dataset.options.normalize", "dataset.badNormalize", normalize,
                    String.join(", ", DatasetCatalog.NORMALIZATIONS));
        }
        intInRange(ds, out, "augmentShift", 0, 0, 16, "dataset.badShift");
        boolean augments = ds.intOption("augmentShift", 0) > 0 || Boolean.TRUE.equals(ds.options().get("augmentFlip"));
        if (augments && !DatasetCatalog.IMAGE_SETS.contains(ds.id())) {
            documentError(out, "dataset.options", "dataset.augmentNotImages", ds.id());
        }
        if (DatasetCatalog.TEXT_SETS.contains(ds.id())) {
            intInRange(ds, out, "length", 1, 1, 2000, "dataset.badLength");
            intInRange(ds, out, "vocab", 100, 10, 200_000, "dataset.badVocab");
            String language = DatasetCatalog.stringOption(ds, "language", "en");
            if (DatasetCatalog.SENTIMENT.equals(ds.id()) && !DatasetCatalog.LANGUAGES.contains(language)) {
                documentError(out, "dataset.options.language", "dataset.badLanguage", language,
                        String.join(", ", DatasetCatalog.LANGUAGES));
            }
        }
        if (DatasetCatalog.CSV.equals(ds.id()) || DatasetCatalog.IMAGES.equals(ds.id())) {
            String path = DatasetCatalog.stringOption(ds, "path", "");
            if (path.isBlank()) {
                documentError(out, "dataset.options.path", "dataset.needsPath", ds.id());
            }
        }
    }

    static void checkToyOptions(DatasetSpec ds, List<Diagnostic> out) {
        if (DatasetCatalog.RANDOM.equals(ds.id())) {
            intInRange(ds, out, "samples", 10_000, 10, 1_000_000, "dataset.badSamples");
            intInRange(ds, out, "classes", 10, 2, 1000, "dataset.badRandomClasses");
            intInRange(ds, out, "features", 784, 1, 100_000, "dataset.badFeatures");
            for (String dim : List.of("height", "width", "channels", "length")) {
                int v = ds.intOption(dim, 1);
                if (v < 1 || v > 4096) {
                    documentError(out, "dataset.options." + dim, "dataset.badRandomSize", dim, Integer.toString(v));
                }
            }
            intInRange(ds, out, "vocab", 1000, 2, 1_000_000, "dataset.badRandomVocab");
            long size = DatasetCatalog.randomShapes(ds).get(0).size();
            if (size > 100_000) {
                documentError(out, "dataset.options", "dataset.badFeatures", Long.toString(size));
            }
            return;
        }
        if (DatasetCatalog.FIRST_REPEAT.equals(ds.id())) {
            checkRepeatOptions(ds, out);
            return;
        }
        if (!DatasetCatalog.TOYS.contains(ds.id()) && !DatasetCatalog.REGRESSION_TOYS.contains(ds.id())) {
            return;
        }
        intInRange(ds, out, "samples", 400, 10, 1_000_000, "dataset.badSamples");
        double noise = ds.doubleOption("noise", 0.1);
        if (!(noise >= 0 && noise <= 10)) {
            documentError(out, "dataset.options.noise", "dataset.badNoise", ShapeInference.num(noise));
        }
        if (DatasetCatalog.SPIRAL.equals(ds.id())) {
            intInRange(ds, out, "classes", 2, 2, 10, "dataset.badClasses");
        }
    }

    /** A sequence must fit length - 1 different tokens (one token appears twice). */
    private static void checkRepeatOptions(DatasetSpec ds, List<Diagnostic> out) {
        intInRange(ds, out, "samples", DatasetCatalog.DEFAULT_REPEAT_SAMPLES, 10, 1_000_000, "dataset.badSamples");
        int length = ds.intOption("length", DatasetCatalog.DEFAULT_REPEAT_LENGTH);
        int vocab = ds.intOption("vocab", DatasetCatalog.DEFAULT_REPEAT_VOCAB);
        if (length < 3 || length > 200 || vocab < Math.max(2, length - 1) || vocab > 10_000) {
            documentError(out, length < 3 || length > 200 ? "dataset.options.length" : "dataset.options.vocab",
                    "dataset.badRepeatSize", Integer.toString(length), Integer.toString(vocab));
        }
    }

    static void checkTraining(TrainingSettings t, List<Diagnostic> out) {
        if (!(t.learningRate() > 0 && t.learningRate() <= 10)) {
            documentError(out, "training.learningRate", "training.learningRate", ShapeInference.num(t.learningRate()));
        }
        if (!(t.momentum() >= 0 && t.momentum() < 1)) {
            documentError(out, "training.momentum", "training.momentum", ShapeInference.num(t.momentum()));
        }
        if (t.batchSize() < 1 || t.batchSize() > 1_000_000) {
            documentError(out, "training.batchSize", "training.batchSize", Integer.toString(t.batchSize()));
        }
        if (t.epochs() < 1 || t.epochs() > 100_000) {
            documentError(out, "training.epochs", "training.epochs", Integer.toString(t.epochs()));
        }
        if (!(t.weightDecay() >= 0 && t.weightDecay() < 1)) {
            documentError(out, "training.weightDecay", "training.weightDecay", ShapeInference.num(t.weightDecay()));
        }
        if (t.earlyStoppingPatience() < 0) {
            documentError(out, "training.earlyStoppingPatience", "training.patience",
                    Integer.toString(t.earlyStoppingPatience()));
        }
        if (!(t.gradientClip() >= 0) || Double.isInfinite(t.gradientClip())) {
            documentError(out, "training.gradientClip", "training.gradientClip", ShapeInference.num(t.gradientClip()));
        }
        LrSchedule s = t.schedule();
        if (s.type() == LrSchedule.Type.STEP || s.type() == LrSchedule.Type.EXPONENTIAL) {
            if (!(s.gamma() > 0 && s.gamma() <= 1)) {
                documentError(out, "training.schedule.gamma", "training.gamma", ShapeInference.num(s.gamma()));
            }
        }
        if (s.type() == LrSchedule.Type.STEP && s.stepEpochs() < 1) {
            documentError(out, "training.schedule.stepEpochs", "training.stepEpochs", Integer.toString(s.stepEpochs()));
        }
    }

    /** An error at {@code dataset.options.NAME} unless the option (or its default) lies in [min, max]. */
    private static void intInRange(DatasetSpec ds, List<Diagnostic> out, String name, int fallback, int min, int max,
                                   String code) {
        int v = ds.intOption(name, fallback);
        if (v < min || v > max) {
            out.add(new Diagnostic(Severity.ERROR, null, null, "dataset.options." + name, code,
                    List.of(Integer.toString(v)), null));
        }
    }

    private static void documentError(List<Diagnostic> out, String where, String code, String... args) {
        out.add(new Diagnostic(Severity.ERROR, null, null, where, code, List.of(args), null));
    }
}
