package org.layercanvas.runtime.interop.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.model.shape.TensorShape;

/**
 * The dataset an imported network was most likely written for, from its Input and its number of classes: the
 * shapes of the classic tutorials (MNIST 28x28x1 or 784 numbers, CIFAR-10 32x32x3, the 8x8 digits, IMDB reviews as
 * word tokens with one or two outputs). Chosen so that an imported tutorial network can be run at once; the import
 * says which and why, and the student can pick another. Nothing is chosen for any other shape.
 */
final class DatasetGuess {
    private DatasetGuess() {
    }

    /** {@code result} with a dataset and a note saying why, or as it is. */
    static ImportResult apply(ImportResult result, String where) {
        NetworkDocument doc = result.document();
        if (doc.dataset() != null) {
            return result;
        }
        Optional<TensorShape> input = new ShapeInference(LayerCatalog.standard()).analyze(doc).inputShape(doc);
        int classes = doc.nodes().stream().filter(n -> n.type() == LayerType.OUTPUT).findFirst()
                .map(n -> LayerCatalog.standard().resolve(n).get("units"))
                .map(u -> u instanceof Number number ? number.intValue() : 0).orElse(0);
        Optional<DatasetSpec> spec = input.flatMap(shape -> guess(shape, classes));
        if (spec.isEmpty()) {
            return result;
        }
        List<ImportProblem> notes = new ArrayList<>(result.warnings());
        // one sigmoid unit is two classes: "with 1 classes" read as a mistake
        notes.add(new ImportProblem(where, ImportMessages.format(classes == 1 ? "dataset.guessedOneOutput"
                : "dataset.guessed", spec.get().id(), input.get().toString(), classes)));
        return new ImportResult(doc.withDataset(spec.get()), notes, result.weights());
    }

    static Optional<DatasetSpec> guess(TensorShape shape, int classes) {
        String id = null;
        Map<String, Object> options = Map.of();
        switch (shape.kind()) {
            case IMAGE -> id = classes != 10 ? null
                    : shape.dim(0) == 28 && shape.dim(1) == 28 && shape.channels() == 1 ? DatasetCatalog.MNIST
                    : shape.dim(0) == 32 && shape.dim(1) == 32 && shape.channels() == 3 ? DatasetCatalog.CIFAR10
                    : shape.dim(0) == 8 && shape.dim(1) == 8 && shape.channels() == 1 ? DatasetCatalog.DIGITS : null;
            case VECTOR -> id = classes != 10 ? null
                    : shape.dim(0) == 784 ? DatasetCatalog.MNIST
                    : shape.dim(0) == 3072 ? DatasetCatalog.CIFAR10
                    : shape.dim(0) == 64 ? DatasetCatalog.DIGITS : null;
            case TOKENS -> {
                if (classes == 1 || classes == 2) {
                    id = DatasetCatalog.IMDB;
                    options = Map.of("length", shape.dim(0), "vocab", shape.vocabSize());
                }
            }
            default -> id = null;
        }
        return id == null ? Optional.empty() : Optional.of(new DatasetSpec(id, options, null, 0));
    }
}
