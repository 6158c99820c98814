package digitlab.core.view;

/**
 * A chart axis with "nice" bounds and ticks: steps of 1, 2 or 5 times a power of ten on a linear axis
 * (0, 0.2, 0.4, ...), and 1-2-5 values per decade (or whole decades when the range is wide) on a
 * logarithmic one, which suits a loss that falls from 2.3 to 0.05.
 *
 * <p>The bounds are widened to the ticks around the data, so the axis only changes now and then as a
 * series grows. Immutable; building one costs a few small arrays.
 */
public final class NiceScale {
    private static final int[] MANTISSAS = {1, 2, 5};

    private final boolean log;
    private final double min;
    private final double max;
    private final double[] ticks;
    private final String[] labels;

    private NiceScale(boolean log, double min, double max, double[] ticks, String[] labels) {
        this.log = log;
        this.min = min;
        this.max = max;
        this.ticks = ticks;
        this.labels = labels;
    }

    /**
     * A linear axis covering {@code dataMin..dataMax} with at most about {@code maxTicks} ticks (at least 2).
     * Non-finite input gives 0..1; an empty range is widened around its value.
     */
    public static NiceScale linear(double dataMin, double dataMax, int maxTicks) {
        double lo = dataMin;
        double hi = dataMax;
        if (!isFinite(lo) || !isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (lo > hi) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        int intervals = Math.max(1, maxTicks - 1);
        double step = niceStep((hi - lo) / intervals);
        double start = Math.floor(lo / step + 1e-9) * step;
        double end = Math.ceil(hi / step - 1e-9) * step;
        int count = (int) Math.round((end - start) / step) + 1;
        while (count > maxTicks + 1 && count > 2) {
            step = niceStep(step * 1.01);
            start = Math.floor(lo / step + 1e-9) * step;
            end = Math.ceil(hi / step - 1e-9) * step;
            count = (int) Math.round((end - start) / step) + 1;
        }
        double[] ticks = new double[count];
        String[] labels = new String[count];
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
        boolean compact = Math.max(Math.abs(start), Math.abs(end)) >= 10000;
        for (int i = 0; i < count; i++) {
            double value = start + i * step;
            if (Math.abs(value) < step * 1e-6) {
                value = 0;
            }
            ticks[i] = value;
            labels[i] = value == 0 ? "0" : compact ? Format.compact(value) : Format.fixed(value, Math.min(9, decimals));
        }
        return new NiceScale(false, start, end, ticks, labels);
    }

    /**
     * A logarithmic (base 10) axis covering {@code dataMin..dataMax}. Bounds snap outward to 1-2-5 values;
     * ticks are every 1-2-5 value if that gives at most {@code maxTicks + 1}, else every decade (or every
     * n-th, keeping at most {@code maxTicks + 1}). Values at or below zero cannot be shown: a non-positive {@code dataMin} is replaced by
     * {@code dataMax / 1000}.
     */
    public static NiceScale log(double dataMin, double dataMax, int maxTicks) {
        double lo = dataMin;
        double hi = dataMax;
        if (!isFinite(hi) || hi <= 0) {
            hi = 1;
        }
        if (!isFinite(lo) || lo <= 0) {
            lo = hi / 1000;
        }
        if (lo > hi) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        double start = snapDown(lo);
        double end = snapUp(hi);
        if (end <= start) {
            end = snapUp(start * 1.0001);
        }
        int firstDecade = (int) Math.floor(Math.log10(start) + 1e-9);
        int lastDecade = (int) Math.floor(Math.log10(end) + 1e-9);
        int fine = 0;
        for (int d = firstDecade; d <= lastDecade; d++) {
            for (int m : MANTISSAS) {
                double v = m * Math.pow(10, d);
                if (v >= start * (1 - 1e-9) && v <= end * (1 + 1e-9)) {
                    fine++;
                }
            }
        }
        double[] ticks;
        if (fine <= Math.max(2, maxTicks + 1)) {
            ticks = new double[fine];
            int i = 0;
            for (int d = firstDecade; d <= lastDecade; d++) {
                for (int m : MANTISSAS) {
                    double v = m * Math.pow(10, d);
                    if (v >= start * (1 - 1e-9) && v <= end * (1 + 1e-9)) {
                        ticks[i++] = v;
                    }
                }
            }
        } else {
            int first = (int) Math.ceil(Math.log10(start) - 1e-9);
            int decades = lastDecade - first + 1;
            int allowed = Math.max(2, maxTicks + 1);
            int every = Math.max(1, (decades + allowed - 1) / allowed);
            int n = 0;
            for (int d = first; d <= lastDecade; d += every) {
                n++;
            }
            ticks = new double[n];
            int i = 0;
            for (int d = first; d <= lastDecade; d += every) {
                ticks[i++] = Math.pow(10, d);
            }
        }
        String[] labels = new String[ticks.length];
        for (int i = 0; i < ticks.length; i++) {
            labels[i] = ticks[i] >= 10000 ? Format.compact(ticks[i]) : Format.significant(ticks[i], 1);
        }
        return new NiceScale(true, start, end, ticks, labels);
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code rough} (positive). */
    static double niceStep(double rough) {
        if (!(rough > 0) || Double.isInfinite(rough)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (int m : MANTISSAS) {
            if (m * power >= rough * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** The largest 1-2-5 value at or below {@code v} (positive). */
    static double snapDown(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
        double best = power;
        for (int m : MANTISSAS) {
            if (m * power <= v * (1 + 1e-9)) {
                best = m * power;
            }
        }
        return best;
    }

    /** The smallest 1-2-5 value at or above {@code v} (positive). */
    static double snapUp(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v) - 1e-9));
        for (int m : MANTISSAS) {
            if (m * power >= v * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static boolean isFinite(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v);
    }

    public boolean isLog() {
        return log;
    }

    /** Lower bound of the axis (a tick on a linear axis). */
    public double min() {
        return min;
    }

    /** Upper bound of the axis. */
    public double max() {
        return max;
    }

    public int tickCount() {
        return ticks.length;
    }

    public double tick(int i) {
        return ticks[i];
    }

    /** Tick {@code i} as text, with as many decimals as the step needs ("0.2", "15k", "0.05"). */
    public String label(int i) {
        return labels[i];
    }

    /**
     * Where {@code value} falls on the axis: 0 at {@link #min()}, 1 at {@link #max()}, outside for values
     * beyond; NaN for values a log axis cannot show (zero, negative) and for NaN.
     */
    public double toUnit(double value) {
        if (log) {
            if (!(value > 0)) {
                return Double.NaN;
            }
            double lo = Math.log10(min);
            return (Math.log10(value) - lo) / (Math.log10(max) - lo);
        }
        return (value - min) / (max - min);
    }

    /** The inverse of {@link #toUnit}. */
    public double fromUnit(double unit) {
        if (log) {
            double lo = Math.log10(min);
            return Math.pow(10, lo + unit * (Math.log10(max) - lo));
        }
        return min + unit * (max - min);
    }
}
