package org.layercanvas.i18n;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers as LayerCanvas writes them in texts, one way everywhere: whole numbers without ".0", other values with
 * at most a given number of significant digits and no exponent, percentages with one decimal, a dash for unknown.
 */
public final class Numbers {
    /** Shown where a value is unknown (NaN): an em dash. */
    public static final String UNKNOWN = "\u2014";
    private static final double WHOLE_LIMIT = 1e15;

    private Numbers() {
    }

    /** Whether {@code v} is a whole number small enough to print exactly as a long. */
    public static boolean isWhole(double v) {
        return v == Math.rint(v) && Math.abs(v) < WHOLE_LIMIT;
    }

    /**
     * A number as a student would write it: {@code 128}, {@code 0.001}, {@code 1e-08} becomes {@code 0.00000001};
     * integers of any type as they are, whole doubles without ".0", others in Java's shortest form.
     */
    public static String plain(Number n) {
        if (n instanceof Double || n instanceof Float) {
            return plain(n.doubleValue());
        }
        if (n instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return n.toString();
    }

    /** {@link #plain(Number)} for a double; NaN and infinities as Java writes them. */
    public static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (isWhole(v)) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** At most {@code digits} significant digits, no exponent, no trailing zeros: {@code 0.123457}. */
    public static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (isWhole(v)) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage with one decimal in the default locale ({@code 97.5 %}), a dash for NaN. */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? UNKNOWN : String.format(Locale.getDefault(), "%.1f %%", fraction * 100);
    }

    /** {@code decimals} digits after the point in the default locale ({@code 0.1678}), a dash for NaN. */
    public static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? UNKNOWN : String.format(Locale.getDefault(), "%." + decimals + "f", v);
    }

    /** Rounded to a whole number with the default locale's grouping ({@code 133,479}), a dash for NaN. */
    public static String grouped(double v) {
        return Double.isNaN(v) ? UNKNOWN : String.format(Locale.getDefault(), "%,.0f", v);
    }

    /** A count with the default locale's grouping: {@code 65,536}. */
    public static String grouped(long n) {
        return String.format(Locale.getDefault(), "%,d", n);
    }
}
