package org.layercanvas.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A vertical base-10 log axis with ticks people read at a glance: 1, 2, 5 x 10^k written as plain numbers
 * ("0.05", "0.1", "0.2") when the range spans few decades, powers of ten ("1e-6") when it spans many. JFreeChart's
 * own {@link LogAxis} puts ticks at fractional powers ("10^0.2") when the range is under a few decades, which is
 * the usual case for a loss curve.
 */
final class NiceLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final int MAX_LABELS = 12;

    NiceLogAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-12);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        Range range = getRange();
        double lo = Math.max(range.getLowerBound(), getSmallestValue());
        double hi = range.getUpperBound();
        List<ValueTick> ticks = new ArrayList<>();
        if (!(hi > lo)) {
            return ticks;
        }
        TextAnchor anchor = edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
        int kLo = (int) Math.floor(Math.log10(lo));
        int kHi = (int) Math.ceil(Math.log10(hi));
        int decades = Math.max(1, kHi - kLo);
        int[][] candidates = {{1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 5}, {1}};
        int[] labelled = {1};
        for (int[] mantissas : candidates) {
            if (count(mantissas, kLo, kHi, lo, hi) <= MAX_LABELS) {
                labelled = mantissas;
                break;
            }
        }
        int decadeStep = labelled.length == 1 ? Math.max(1, (int) Math.ceil(decades / (double) MAX_LABELS)) : 1;
        boolean plain = kLo >= -4 && kHi <= 6;
        for (int k = kLo; k <= kHi; k++) {
            for (int m = 1; m <= 9; m++) {
                double value = m * Math.pow(10, k);
                if (value < lo || value > hi) {
                    continue;
                }
                boolean major = contains(labelled, m) && Math.floorMod(k, decadeStep) == 0;
                if (major) {
                    ticks.add(new NumberTick(TickType.MAJOR, value, label(m, k, plain), anchor, anchor, 0.0));
                } else if (decades <= 6) {
                    ticks.add(new NumberTick(TickType.MINOR, value, "", anchor, anchor, 0.0));
                }
            }
        }
        return ticks;
    }

    private static int count(int[] mantissas, int kLo, int kHi, double lo, double hi) {
        int n = 0;
        for (int k = kLo; k <= kHi; k++) {
            for (int m : mantissas) {
                double v = m * Math.pow(10, k);
                if (v >= lo && v <= hi) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static String label(int mantissa, int exponent, boolean plain) {
        if (plain) {
            return BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent).stripTrailingZeros().toPlainString();
        }
        return mantissa + "e" + exponent;
    }
}
