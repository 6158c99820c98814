package digitlab.core.view;

import digitlab.core.text.Text;

/**
 * Number formatting for labels, captions and readouts, written by hand because TeaVM's
 * {@code String.format} lacks {@code %e}/{@code %g} and its {@code %f} differs in rounding details.
 * Rounding is half away from zero on the decimal value; no result ever reads "-0".
 */
public final class Format {
    /** What a missing value (NaN) looks like. */
    public static final String MISSING = "\u2013";

    private static final double[] POWERS = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private Format() {}

    /** {@code value} with exactly {@code decimals} (0-9) digits after the point: {@code fixed(3.14159, 2)} is "3.14". */
    public static String fixed(double value, int decimals) {
        if (decimals < 0 || decimals > 9) {
            throw new IllegalArgumentException("decimals must be 0..9, got " + decimals);
        }
        if (Double.isNaN(value)) {
            return MISSING;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "\u221e" : "-\u221e";
        }
        double scaled = Math.floor(Math.abs(value) * POWERS[decimals] + 0.5);
        if (scaled >= 1e15) {
            return String.valueOf(value);
        }
        long digits = (long) scaled;
        long unit = (long) POWERS[decimals];
        StringBuilder out = new StringBuilder(24);
        if (value < 0 && digits != 0) {
            out.append('-');
        }
        out.append(digits / unit);
        if (decimals > 0) {
            out.append('.');
            String fraction = String.valueOf(digits % unit);
            for (int pad = fraction.length(); pad < decimals; pad++) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out.toString();
    }

    /** {@link #fixed} without trailing zeros after the point (and without a trailing point): "2.50" becomes "2.5". */
    public static String trimmed(double value, int maxDecimals) {
        return Text.stripTrailingZeros(fixed(value, maxDecimals));
    }

    /** A fraction as a percentage with two decimals: {@code percent(0.9731)} is "97.31%". */
    public static String percent(double fraction) {
        return percent(fraction, 2);
    }

    /** A fraction as a percentage with {@code decimals} decimals: {@code percent(0.9731, 1)} is "97.3%". */
    public static String percent(double fraction, int decimals) {
        if (Double.isNaN(fraction)) {
            return MISSING;
        }
        return fixed(fraction * 100, decimals) + "%";
    }

    /** A probability with two decimals: "0.87". */
    public static String probability(double p) {
        return fixed(p, 2);
    }

    /**
     * About {@code digits} significant digits (1-9), trailing zeros dropped, for values like a loss:
     * {@code significant(0.231456, 3)} is "0.231", {@code significant(2.5, 3)} is "2.5".
     * Values of 10^digits and more are shown whole.
     */
    public static String significant(double value, int digits) {
        if (digits < 1 || digits > 9) {
            throw new IllegalArgumentException("digits must be 1..9, got " + digits);
        }
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
            return Double.isNaN(value) || Double.isInfinite(value) ? fixed(value, 0) : "0";
        }
        int magnitude = (int) Math.floor(Math.log10(Math.abs(value)) + 1e-12);
        int decimals = digits - 1 - magnitude;
        return trimmed(value, Math.max(0, Math.min(9, decimals)));
    }

    /**
     * A short count: {@code compact(12345.6)} is "12.3k", {@code compact(2_500_000)} is "2.5M",
     * {@code compact(950)} is "950", {@code compact(0.25)} is "0.25". One decimal below 100 of a unit.
     */
    public static String compact(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return fixed(value, 0);
        }
        double magnitude = Math.abs(value);
        if (magnitude < 999.5) {
            return magnitude >= 100 ? fixed(value, 0) : significant(value, 3);
        }
        String[] suffixes = {"k", "M", "G", "T"};
        double unit = 1000;
        for (int i = 0; i < suffixes.length; i++) {
            double scaled = value / unit;
            double rounded = Math.abs(scaled) < 99.95
                    ? Math.floor(Math.abs(scaled) * 10 + 0.5) / 10
                    : Math.floor(Math.abs(scaled) + 0.5);
            if (rounded < 1000 || i == suffixes.length - 1) {
                return trimmed(scaled, rounded < 100 ? 1 : 0) + suffixes[i];
            }
            unit *= 1000;
        }
        throw new AssertionError("unreachable");
    }

    /** 12345 -> "12,345": a whole number with thousands separators. */
    public static String grouped(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder s = new StringBuilder(value < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                s.append(',');
            }
            s.append(digits.charAt(i));
        }
        return s.toString();
    }
}
