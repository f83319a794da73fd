package org.layercanvas.runtime.data;

import java.util.List;
import org.layercanvas.model.shape.TensorShape;

/**
 * A dataset ready to train on: its three splits as compact sources (images stay bytes), preprocessing already
 * fitted on the training split, and what was noticed while loading.
 *
 * @param id           dataset name
 * @param train        training split
 * @param validation   validation split (may be empty)
 * @param test         test split
 * @param classNames   one name per class; empty for regression
 * @param shapes       Input shapes the data can feed, the natural one first
 * @param augmentation image augmentation for the training split only ({@link StreamingIterator.Augmentation#NONE}
 *                     otherwise)
 * @param findings     warnings from loading (skipped files, dropped rows, constant columns)
 * @param vocabulary   for text: the words by token id, else empty
 * @param featureNames for tabular data: the feature columns' names (the sanity report checks them for constant
 *                     columns), else null
 * @param missing      for CSV: columns with missing cells, else empty
 */
public record PreparedData(String id, BatchSource train, BatchSource validation, BatchSource test,
                           List<String> classNames, List<TensorShape> shapes,
                           StreamingIterator.Augmentation augmentation, List<Finding> findings,
                           List<String> vocabulary, List<String> featureNames,
                           List<CsvImport.MissingColumn> missing) {
    public PreparedData {
        classNames = List.copyOf(classNames);
        shapes = List.copyOf(shapes);
        findings = List.copyOf(findings);
        vocabulary = List.copyOf(vocabulary);
        featureNames = featureNames == null ? null : List.copyOf(featureNames);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public boolean regression() {
        return train.regression();
    }

    /** Whether an Input of {@code shape} can take this data as it is. */
    public boolean feeds(TensorShape shape) {
        for (TensorShape s : shapes) {
            if (s.equals(shape) || (s.kind() == TensorShape.Kind.TOKENS && shape.kind() == TensorShape.Kind.TOKENS
                    && s.dims().equals(shape.dims()) && shape.vocabSize() >= s.vocabSize())) {
                return true;
            }
        }
        return false;
    }

    /**
     * What loading found or changed in the data, which a student should hear of even without the full sanity
     * report: skipped files, dropped rows, missing CSV cells filled with the training split's mean. Cheap (no pass
     * over the examples).
     */
    public List<Finding> loadFindings() {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(SanityReport.missingFindings(missing));
        return all;
    }

    /** The sanity report of these splits against a network's Input shape and output classes. */
    public SanityReport sanity(TensorShape input, int outputClasses) {
        SanityReport.Builder b = SanityReport.builder(train, validation, test);
        if (input != null) {
            b.expectedInput(input);
        }
        if (outputClasses > 0 && !regression()) {
            b.expectedClasses(outputClasses);
        }
        if (featureNames != null) {
            b.constantColumns(featureNames);
        }
        b.missing(missing);
        return b.build();
    }
}
