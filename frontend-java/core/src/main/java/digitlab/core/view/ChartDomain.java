package digitlab.core.view;

/**
 * The data range a line chart shows: the x and y extent of its visible series, from x = 0 on. A log axis
 * takes the smallest positive value (a loss of exactly 0 has no place on it); with no points at all the
 * chart shows 0..1 (0.1..1 on a log axis). A redraw makes one and {@link #include}s each visible series.
 */
public final class ChartDomain {
    private final boolean logY;
    private double minX = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;
    private int points;

    public ChartDomain(boolean logY) {
        this.logY = logY;
    }

    /** Widens the range to {@code series} (nothing if it is empty). */
    public void include(Series series) {
        if (series.isEmpty()) {
            return;
        }
        points += series.size();
        minX = Math.min(minX, series.minX());
        maxX = Math.max(maxX, series.maxX());
        minY = Math.min(minY, logY ? positiveMin(series) : series.minY());
        maxY = Math.max(maxY, series.maxY());
    }

    /** Points of the series included. */
    public int points() {
        return points;
    }

    public boolean isEmpty() {
        return points == 0;
    }

    /** The x axis, from 0 (or below, for negative x) to the last x, with at most about {@code maxTicks} ticks. */
    public NiceScale xScale(int maxTicks) {
        return isEmpty() ? NiceScale.linear(0, 1, maxTicks) : NiceScale.linear(Math.min(0, minX), maxX, maxTicks);
    }

    /** The y axis, linear or logarithmic, with at most about {@code maxTicks} ticks. */
    public NiceScale yScale(int maxTicks) {
        double lo = isEmpty() ? (logY ? 0.1 : 0) : minY;
        double hi = isEmpty() ? 1 : maxY;
        return logY ? NiceScale.log(lo, hi, maxTicks) : NiceScale.linear(lo, hi, maxTicks);
    }

    /** The smallest positive value of {@code series}, counting each merged point's lowest value. */
    private static double positiveMin(Series series) {
        if (series.minY() > 0) {
            return series.minY();
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < series.size(); i++) {
            if (series.low(i) > 0) {
                min = Math.min(min, series.low(i));
            }
        }
        return min;
    }
}
