package org.layercanvas.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a {@link CsvTable} into {@link Examples}: the chosen feature columns become numbers, the label column
 * becomes class indices with the class names kept. Numeric labels {@code 0..k-1} keep their meaning; other whole
 * numbers (e.g. {@code 3, 5, 8}) and text labels map to classes in sorted order.
 */
public final class CsvImport {
    /** Limits how many rows a message lists. */
    static final int LISTED_ROWS = 5;
    static final int LISTED_ERRORS = 10;

    /** What to do with an example whose feature cell is missing. Rows without a label are always dropped. */
    public enum MissingValues {
        /** Leave the row out (and report it). */
        DROP_ROWS,
        /**
         * Keep the row with NaN in the cell; after splitting, {@link Normalizer#fit} on the training split fills it
         * with the training mean of that column.
         */
        FILL_TRAIN_MEAN
    }

    /**
     * Missing cells of one column.
     *
     * @param firstRows file line numbers of the first few
     */
    public record MissingColumn(String column, int count, List<Integer> firstRows) {
        public MissingColumn {
            firstRows = List.copyOf(firstRows);
        }
    }

    /**
     * @param examples      the rows kept
     * @param featureNames  names of the feature columns, in feature order
     * @param labelColumn   name of the label column
     * @param numericLabels whether the labels were numbers
     * @param missing       per column with missing cells (features and label)
     * @param droppedRows   rows left out for missing values
     * @param findings      warnings about the import (dropped rows, suspicious label column)
     */
    public record Result(Examples examples, List<String> featureNames, String labelColumn, boolean numericLabels,
                         List<MissingColumn> missing, int droppedRows, List<Finding> findings) {
        public Result {
            featureNames = List.copyOf(featureNames);
            missing = List.copyOf(missing);
            findings = List.copyOf(findings);
        }
    }

    private CsvImport() {
    }

    /** Converts with {@link MissingValues#DROP_ROWS}. */
    public static Result toExamples(CsvTable table, List<String> featureColumns, String labelColumn)
            throws DatasetException {
        return toExamples(table, featureColumns, labelColumn, MissingValues.DROP_ROWS);
    }

    /**
     * @param featureColumns names of the feature columns, in the order wanted; null or empty for every column
     *                       except the label
     * @param labelColumn    name of the label column; null for the last column
     */
    public static Result toExamples(CsvTable table, List<String> featureColumns, String labelColumn,
            MissingValues policy) throws DatasetException {
        if (table.columns().size() < 2) {
            throw DataMessages.error("csv.oneColumn", table.source(), table.delimiterName());
        }
        int label = labelColumn == null ? table.columns().size() - 1 : column(table, labelColumn);
        List<Integer> features = featureIndices(table, featureColumns, label);
        FeatureRows cells = readFeatures(table, features, label, policy);
        List<float[]> rows = new ArrayList<>();
        List<String> labelTexts = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            if (cells.keep()[i]) {
                rows.add(cells.values()[i]);
                labelTexts.add(table.rows().get(i)[label].strip());
            }
        }
        if (rows.isEmpty()) {
            throw DataMessages.error("csv.noRows", table.source());
        }
        CsvLabels labels = CsvLabels.of(labelTexts, table.delimiter());
        List<String> featureNames = features.stream().map(j -> table.columns().get(j)).toList();
        String labelName = table.columns().get(label);
        return new Result(new Examples(rows.toArray(new float[0][]), labels.classes(), labels.classNames()),
                featureNames, labelName, labels.numeric(), cells.missing(), cells.dropped(),
                findings(labels, labelName, cells.dropped(), table.size()));
    }

    /** The columns that become features, in feature order. */
    private static List<Integer> featureIndices(CsvTable table, List<String> featureColumns, int label)
            throws DatasetException {
        List<Integer> features = new ArrayList<>();
        if (featureColumns == null || featureColumns.isEmpty()) {
            for (int j = 0; j < table.columns().size(); j++) {
                if (j != label) {
                    features.add(j);
                }
            }
            return features;
        }
        for (String name : featureColumns) {
            int j = column(table, name);
            if (j == label) {
                throw DataMessages.error("csv.labelIsFeature", table.columns().get(j));
            }
            features.add(j);
        }
        return features;
    }

    /**
     * The feature values of every row (NaN where a cell is missing) and which rows are kept.
     *
     * @param values  per row, its feature values
     * @param keep    per row, whether it becomes an example
     * @param missing per column with missing cells (features and label), in column order
     * @param dropped rows left out for missing values
     */
    private record FeatureRows(float[][] values, boolean[] keep, List<MissingColumn> missing, int dropped) {
    }

    /** Reads the feature cells; fails listing the first cells that are neither numbers nor missing. */
    private static FeatureRows readFeatures(CsvTable table, List<Integer> features, int label, MissingValues policy)
            throws DatasetException {
        int n = table.size();
        Map<Integer, List<Integer>> missingRows = new TreeMap<>();
        Map<Integer, Integer> missingCounts = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        int badCount = 0;
        float[][] x = new float[n][];
        boolean[] keep = new boolean[n];
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            String[] row = table.rows().get(i);
            int line = table.lineNumbers()[i];
            boolean rowMissing = false;
            float[] values = new float[features.size()];
            for (int k = 0; k < values.length; k++) {
                int j = features.get(k);
                String cell = row[j];
                if (CsvImporter.isMissing(cell)) {
                    noteMissing(missingRows, missingCounts, j, line);
                    values[k] = Float.NaN;
                    rowMissing = true;
                    continue;
                }
                double v = CsvImporter.number(cell, table.delimiter());
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    if (badCount++ < LISTED_ERRORS) {
                        bad.add(DataMessages.format("csv.cellAt", line, table.columns().get(j), cell));
                    }
                    continue;
                }
                values[k] = (float) v;
            }
            boolean labelMissing = CsvImporter.isMissing(row[label]);
            if (labelMissing) {
                noteMissing(missingRows, missingCounts, label, line);
            }
            keep[i] = !labelMissing && !(rowMissing && policy == MissingValues.DROP_ROWS);
            if (!keep[i]) {
                dropped++;
            }
            x[i] = values;
        }
        if (badCount > 0) {
            throw DataMessages.error("csv.notNumeric", table.source(), badCount, String.join("; ", bad),
                    badCount > bad.size() ? DataMessages.format("csv.andMore", badCount - bad.size()) : "");
        }
        List<MissingColumn> missing = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : missingCounts.entrySet()) {
            missing.add(new MissingColumn(table.columns().get(e.getKey()), e.getValue(), missingRows.get(e.getKey())));
        }
        return new FeatureRows(x, keep, missing, dropped);
    }

    /** Warnings about dropped rows and a label column that looks wrong (one class, or nearly one per row). */
    private static List<Finding> findings(CsvLabels labels, String labelName, int dropped, int rows) {
        List<Finding> findings = new ArrayList<>();
        List<String> classNames = labels.classNames();
        int examples = labels.classes().length;
        if (dropped > 0) {
            findings.add(Finding.warning("csv.droppedRows", dropped, rows));
        }
        if (classNames.size() < 2) {
            findings.add(Finding.error("csv.oneClass", labelName, classNames.isEmpty() ? "" : classNames.get(0)));
        } else if (classNames.size() > Math.max(50, examples / 2)) {
            findings.add(Finding.warning("csv.manyClasses", labelName, classNames.size(), examples));
        }
        return findings;
    }

    private static void noteMissing(Map<Integer, List<Integer>> rows, Map<Integer, Integer> counts, int column,
            int line) {
        counts.merge(column, 1, Integer::sum);
        List<Integer> list = rows.computeIfAbsent(column, k -> new ArrayList<>());
        if (list.size() < LISTED_ROWS) {
            list.add(line);
        }
    }

    private static int column(CsvTable table, String name) throws DatasetException {
        int j = table.columnIndex(name);
        if (j < 0) {
            throw DataMessages.error("csv.noColumn", name, table.source(), String.join(", ", table.columns()));
        }
        return j;
    }
}
