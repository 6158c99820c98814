package digitlab.core.run;

import digitlab.core.text.PlainNumber;

/**
 * The numbers a setting accepts, an interval whose ends may be open; the check, the error message and the
 * form input's {@code min}/{@code max} all come from it.
 */
record NumberRange(double min, boolean minIncluded, double max, boolean maxIncluded) {
    static NumberRange above(double min) {
        return new NumberRange(min, false, Double.POSITIVE_INFINITY, false);
    }

    static NumberRange atLeast(double min) {
        return new NumberRange(min, true, Double.POSITIVE_INFINITY, false);
    }

    static NumberRange closed(double min, double max) {
        return new NumberRange(min, true, max, true);
    }

    static NumberRange closedOpen(double min, double max) {
        return new NumberRange(min, true, max, false);
    }

    static NumberRange openClosed(double min, double max) {
        return new NumberRange(min, false, max, true);
    }

    boolean contains(double x) {
        return (minIncluded ? x >= min : x > min) && (maxIncluded ? x <= max : x < max);
    }

    boolean bounded() {
        return max != Double.POSITIVE_INFINITY;
    }

    /** "above 0", "0 or more", "in [0, 1)". */
    String describe() {
        if (!bounded()) {
            return minIncluded ? text(min) + " or more" : "above " + text(min);
        }
        return "in " + (minIncluded ? "[" : "(") + text(min) + ", " + text(max) + (maxIncluded ? "]" : ")");
    }

    String minText() {
        return text(min);
    }

    String maxText() {
        return bounded() ? text(max) : null;
    }

    private static String text(double x) {
        return PlainNumber.of((float) x);
    }
}
