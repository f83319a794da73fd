package org.layercanvas.runtime.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layercanvas.model.shape.TensorShape;

/**
 * Checks a split dataset before training: class counts and imbalance, classes missing from training, examples of
 * the test (and validation) split that also occur in training, constant feature columns, missing values, the
 * number of classes against the Output, and the data's shape against the Input node.
 */
public record SanityReport(List<Finding> findings, int[] trainClassCounts, double imbalanceRatio) {
    public static final double DEFAULT_IMBALANCE_THRESHOLD = 3.0;
    static final int LISTED = 5;

    public SanityReport {
        findings = List.copyOf(findings);
        trainClassCounts = trainClassCounts.clone();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    /** Findings with the given code. */
    public List<Finding> withCode(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    /** One message per line. */
    public String text(Locale locale) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(f.severity()).append(": ").append(f.message(locale)).append('\n');
        }
        return sb.toString();
    }

    /** One warning per column with missing cells (which loading filled with the training split's mean). */
    static List<Finding> missingFindings(List<CsvImport.MissingColumn> missing) {
        List<Finding> out = new ArrayList<>();
        for (CsvImport.MissingColumn m : missing) {
            out.add(Finding.warning("sanity.missing", m.column(), m.count(),
                    String.join(", ", m.firstRows().stream().map(String::valueOf).toList())));
        }
        return out;
    }

    public static Builder builder(BatchSource train, BatchSource validation, BatchSource test) {
        return new Builder(train, validation, test);
    }

    /** What to check besides the splits themselves. */
    public static final class Builder {
        private final BatchSource train;
        private final BatchSource validation;
        private final BatchSource test;
        private TensorShape expectedInput;
        private int expectedClasses = -1;
        private List<String> featureNames;
        private boolean checkConstantColumns;
        private List<CsvImport.MissingColumn> missing = List.of();
        private double imbalanceThreshold = DEFAULT_IMBALANCE_THRESHOLD;

        private Builder(BatchSource train, BatchSource validation, BatchSource test) {
            this.train = train;
            this.validation = validation;
            this.test = test;
        }

        /** The Input node's shape. */
        public Builder expectedInput(TensorShape shape) {
            expectedInput = shape;
            return this;
        }

        /** The Output node's classes (units). */
        public Builder expectedClasses(int classes) {
            expectedClasses = classes;
            return this;
        }

        /** Check tabular features for columns constant in training; names used in messages (null: numbers). */
        public Builder constantColumns(List<String> names) {
            checkConstantColumns = true;
            featureNames = names;
            return this;
        }

        /** Missing cells found while importing (from {@link CsvImport.Result#missing()}). */
        public Builder missing(List<CsvImport.MissingColumn> columns) {
            missing = columns == null ? List.of() : columns;
            return this;
        }

        public Builder imbalanceThreshold(double ratio) {
            imbalanceThreshold = ratio;
            return this;
        }

        public SanityReport build() {
            List<Finding> out = new ArrayList<>();
            checkShapes(out);
            int[] counts = trainClassCounts();
            double ratio = checkClasses(counts, out);
            if (train.size() == 0) {
                out.add(Finding.error("sanity.emptyTrain"));
            }
            if (train.size() > 0) {
                checkDuplicates(out);
            }
            if (checkConstantColumns && train.size() > 0) {
                checkConstantColumns(out);
            }
            out.addAll(missingFindings(missing));
            return new SanityReport(out, counts, ratio);
        }

        /** The data's shape against the Input, its classes against the Output. */
        private void checkShapes(List<Finding> out) {
            int k = train.classNames().size();
            if (expectedInput != null && !train.shapes().contains(expectedInput)) {
                TensorShape fit = train.shapes().get(0);
                out.add(Finding.error("sanity.shapeMismatch", expectedInput.label(), fit.label(),
                        String.join(", ", train.shapes().stream().map(TensorShape::label).toList())));
            }
            if (expectedClasses > 0 && expectedClasses != k && !(expectedClasses == 1 && k == 2)) {
                out.add(Finding.error("sanity.classMismatch", expectedClasses, k));
            }
        }

        private int[] trainClassCounts() {
            int[] counts = new int[train.classNames().size()];
            for (int i = 0; i < train.size(); i++) {
                counts[train.label(i)]++;
            }
            return counts;
        }

        /** Classes without training examples, and imbalance; returns the largest over the smallest class. */
        private double checkClasses(int[] counts, List<Finding> out) {
            List<String> names = train.classNames();
            int max = 0;
            int min = Integer.MAX_VALUE;
            int maxClass = 0;
            int minClass = 0;
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] == 0) {
                    out.add(Finding.warning("sanity.emptyClass", names.get(c)));
                    continue;
                }
                if (counts[c] > max) {
                    max = counts[c];
                    maxClass = c;
                }
                if (counts[c] < min) {
                    min = counts[c];
                    minClass = c;
                }
            }
            double ratio = max == 0 ? 0 : max / (double) min;
            if (max > 0 && ratio > imbalanceThreshold) {
                out.add(Finding.warning("sanity.imbalance", String.format(Locale.ROOT, "%.1f", ratio),
                        names.get(maxClass), max, names.get(minClass), min));
            }
            return ratio;
        }

        /** Test and validation examples that also occur in training. */
        private void checkDuplicates(List<Finding> out) {
            Map<Long, Integer> seen = new HashMap<>(train.size() * 2);
            for (int i = 0; i < train.size(); i++) {
                seen.putIfAbsent(train.contentHash(i), i);
            }
            duplicates(seen, test, "sanity.duplicatesTest", out);
            if (validation != null) {
                duplicates(seen, validation, "sanity.duplicatesValidation", out);
            }
        }

        /** Feature columns with the same value in every training example. */
        private void checkConstantColumns(List<Finding> out) {
            int f = train.featureCount();
            float[] first = new float[f];
            float[] row = new float[f];
            train.features(0, first, 0);
            boolean[] varies = new boolean[f];
            for (int i = 1; i < train.size(); i++) {
                train.features(i, row, 0);
                for (int j = 0; j < f; j++) {
                    if (!varies[j] && Float.compare(row[j], first[j]) != 0) {
                        varies[j] = true;
                    }
                }
            }
            List<String> constant = new ArrayList<>();
            for (int j = 0; j < f; j++) {
                if (!varies[j]) {
                    constant.add(featureNames != null && j < featureNames.size() ? featureNames.get(j)
                            : Integer.toString(j + 1));
                }
            }
            if (!constant.isEmpty()) {
                out.add(Finding.warning("sanity.constantColumns", constant.size(), String.join(", ", constant)));
            }
        }

        private void duplicates(Map<Long, Integer> seen, BatchSource other, String code, List<Finding> out) {
            int count = 0;
            List<String> examples = new ArrayList<>();
            for (int i = 0; i < other.size(); i++) {
                Integer j = seen.get(other.contentHash(i));
                if (j != null && other.sameContent(i, train, j)) {
                    count++;
                    if (examples.size() < LISTED) {
                        examples.add((i + 1) + "=" + (j + 1));
                    }
                }
            }
            if (count > 0) {
                out.add(Finding.warning(code, count, other.size(), String.join(", ", examples)));
            }
        }
    }
}
