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
        int shift = ds.intOption("augmentShift", 0);
        if (shift < 0 || shift > 16) {
            documentError(out, "dataset.options.augmentShift", "dataset.badShift", Integer.toString(shift));
        }
        boolean augments = shift > 0 || Boolean.TRUE.equals(ds.options().get("augmentFlip"));
        if (augments && !DatasetCatalog.IMAGE_SETS.contains(ds.id())) {
            documentError(out, "dataset.options", "dataset.augmentNotImages", ds.id());
        }
        if (DatasetCatalog.TEXT_SETS.contains(ds.id())) {
            int length = ds.intOption("length", 1);
            if (length < 1 || length > 2000) {
                documentError(out, "dataset.options.length", "dataset.badLength", Integer.toString(length));
            }
            int vocab = ds.intOption("vocab", 100);
            if (vocab < 10 || vocab > 200_000) {
                documentError(out, "dataset.options.vocab", "dataset.badVocab", Integer.toString(vocab));
            }
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
            int samples = ds.intOption("samples", 10_000);
            if (samples < 10 || samples > 1_000_000) {
                documentError(out, "dataset.options.samples", "dataset.badSamples", Integer.toString(samples));
            }
            int classes = ds.intOption("classes", 10);
            if (classes < 2 || classes > 1000) {
                documentError(out, "dataset.options.classes", "dataset.badRandomClasses", Integer.toString(classes));
            }
            int features = ds.intOption("features", 784);
            if (features < 1 || features > 100_000) {
                documentError(out, "dataset.options.features", "dataset.badFeatures", Integer.toString(features));
            }
            for (String dim : List.of("height", "width", "channels", "length")) {
                int v = ds.intOption(dim, 1);
                if (v < 1 || v > 4096) {
                    documentError(out, "dataset.options." + dim, "dataset.badRandomSize", dim, Integer.toString(v));
                }
            }
            int vocab = ds.intOption("vocab", 1000);
            if (vocab < 2 || vocab > 1_000_000) {
                documentError(out, "dataset.options.vocab", "dataset.badRandomVocab", Integer.toString(vocab));
            }
            long size = DatasetCatalog.randomShapes(ds).get(0).size();
            if (size > 100_000) {
                documentError(out, "dataset.options", "dataset.badFeatures", Long.toString(size));
            }
            return;
        }
        if (!DatasetCatalog.TOYS.contains(ds.id()) && !DatasetCatalog.REGRESSION_TOYS.contains(ds.id())) {
            return;
        }
        int samples = ds.intOption("samples", 400);
        if (samples < 10 || samples > 1_000_000) {
            documentError(out, "dataset.options.samples", "dataset.badSamples", Integer.toString(samples));
        }
        double noise = ds.doubleOption("noise", 0.1);
        if (!(noise >= 0 && noise <= 10)) {
            documentError(out, "dataset.options.noise", "dataset.badNoise", ShapeInference.num(noise));
        }
        if (DatasetCatalog.SPIRAL.equals(ds.id())) {
            int classes = ds.intOption("classes", 2);
            if (classes < 2 || classes > 10) {
                documentError(out, "dataset.options.classes", "dataset.badClasses", Integer.toString(classes));
            }
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

    private static void documentError(List<Diagnostic> out, String where, String code, String... args) {
        out.add(new Diagnostic(Severity.ERROR, null, null, where, code, List.of(args), null));
    }
}
