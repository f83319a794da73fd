package org.layercanvas.runtime.data;

import org.layercanvas.i18n.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The classes of a CSV label column. When every label is a number, classes are the distinct values in numeric
 * order, named without a needless {@code .0} (so labels {@code 0..k-1} keep their meaning and {@code 3, 5, 8}
 * become classes 0, 1, 2); otherwise the distinct texts in sorted order.
 *
 * @param classNames one name per class, in class order
 * @param classes    the class of each label, in the order given
 * @param numeric    whether every label was a number
 */
record CsvLabels(List<String> classNames, int[] classes, boolean numeric) {
    CsvLabels {
        classNames = List.copyOf(classNames);
    }

    /**
     * @param labels    the label cells, stripped
     * @param delimiter the file's delimiter (with a non-comma delimiter a decimal comma is accepted)
     */
    static CsvLabels of(List<String> labels, char delimiter) {
        boolean numeric = true;
        for (String s : labels) {
            if (Double.isNaN(CsvImporter.number(s, delimiter))) {
                numeric = false;
                break;
            }
        }
        return numeric ? numeric(labels, delimiter) : texts(labels);
    }

    private static CsvLabels numeric(List<String> labels, char delimiter) {
        TreeMap<Double, String> byValue = new TreeMap<>();
        for (String s : labels) {
            double v = CsvImporter.number(s, delimiter);
            byValue.putIfAbsent(v, Numbers.isWhole(v) ? Long.toString((long) v) : s);
        }
        List<String> names = new ArrayList<>();
        Map<Double, Integer> index = new HashMap<>();
        for (Map.Entry<Double, String> e : byValue.entrySet()) {
            index.put(e.getKey(), names.size());
            names.add(e.getValue());
        }
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = index.get(CsvImporter.number(labels.get(i), delimiter));
        }
        return new CsvLabels(names, y, true);
    }

    private static CsvLabels texts(List<String> labels) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> classOf = new LinkedHashMap<>();
        for (String s : labels.stream().distinct().sorted(Comparator.naturalOrder()).toList()) {
            classOf.put(s, names.size());
            names.add(s);
        }
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = classOf.get(labels.get(i));
        }
        return new CsvLabels(names, y, false);
    }
}
