package digitlab.core.view;

/**
 * A growing time series for a chart (x = examples seen or steps, y = a loss or an accuracy) in bounded
 * memory. It keeps at most {@code capacity} points: when full, neighbours are merged pairwise, after which
 * every stored point stands for twice as many raw points (new points accumulate in the last point until it
 * has as many). A merged point has the mean x and mean y of its raw points, plus their lowest and highest
 * y ({@link #low}, {@link #high}), so a spike survives merging: {@link #minY()} and {@link #maxY()} are the
 * extremes of every value ever added, not of the means.
 *
 * <p>With {@code smoothing > 0} each added y first passes through an exponential moving average
 * {@code ema = s * ema + (1 - s) * y}, bias-corrected as in Adam and TensorBoard (divided by
 * {@code 1 - s^n}) so the first points are not pulled towards 0; the stored values are the smoothed ones.
 *
 * <p>x must not decrease. Non-finite y (NaN before a first measurement, a diverged loss) is not stored.
 */
public final class Series {
    private final int capacity;
    private final double smoothing;
    private final double[] xs;
    private final double[] ys;
    private final double[] lows;
    private final double[] highs;
    private final int[] counts;
    private int size;
    private int perPoint = 1;
    private int added;
    private double ema;
    private double smoothingPower = 1;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;
    private double lastRawY = Double.NaN;
    private double minY = Double.NaN;
    private double maxY = Double.NaN;

    /** A raw series of at most {@code capacity} (even, at least 4) points. */
    public Series(int capacity) {
        this(capacity, 0);
    }

    /**
     * @param capacity most points kept (even, at least 4), e.g. 2000
     * @param smoothing weight of the past in the moving average, 0 (raw) to below 1, e.g. 0.98
     */
    public Series(int capacity, double smoothing) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 4, got " + capacity);
        }
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1), got " + smoothing);
        }
        this.capacity = capacity;
        this.smoothing = smoothing;
        xs = new double[capacity];
        ys = new double[capacity];
        lows = new double[capacity];
        highs = new double[capacity];
        counts = new int[capacity];
    }

    /**
     * Adds a measurement; returns false (and stores nothing) if {@code y} is NaN or infinite.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or smaller than the last x
     */
    public boolean add(double x, double y) {
        if (Double.isNaN(x) || x < lastX) {
            throw new IllegalArgumentException("x must not decrease: " + x + " after " + lastX);
        }
        if (Double.isNaN(y) || Double.isInfinite(y)) {
            return false;
        }
        double value = y;
        if (smoothing > 0) {
            ema = smoothing * ema + (1 - smoothing) * y;
            smoothingPower *= smoothing;
            value = ema / (1 - smoothingPower);
        }
        added++;
        lastX = x;
        lastRawY = y;
        lastY = value;
        if (size == 0 || value < minY) {
            minY = value;
        }
        if (size == 0 || value > maxY) {
            maxY = value;
        }
        if (size > 0 && counts[size - 1] < perPoint) {
            int last = size - 1;
            int n = ++counts[last];
            xs[last] += (x - xs[last]) / n;
            ys[last] += (value - ys[last]) / n;
            lows[last] = Math.min(lows[last], value);
            highs[last] = Math.max(highs[last], value);
            return true;
        }
        if (size == capacity) {
            halve();
        }
        xs[size] = x;
        ys[size] = value;
        lows[size] = value;
        highs[size] = value;
        counts[size] = 1;
        size++;
        return true;
    }

    /**
     * Adds a measurement identified by when it was taken ({@code x}, e.g. examples seen), unless it was
     * taken no later than the last point: progress reports repeat the latest measurement until the next
     * one, and that repetition must not add points. Two measurements that happen to give the same value
     * are still two points. Returns true if a point was added.
     */
    public boolean addMeasurement(double x, double y) {
        if (x <= lastX) {
            return false;
        }
        return add(x, y);
    }

    /** Merges points 2i and 2i+1 into point i. */
    private void halve() {
        int half = size / 2;
        for (int i = 0; i < half; i++) {
            int a = 2 * i;
            int b = a + 1;
            int n = counts[a] + counts[b];
            xs[i] = (xs[a] * counts[a] + xs[b] * counts[b]) / n;
            ys[i] = (ys[a] * counts[a] + ys[b] * counts[b]) / n;
            lows[i] = Math.min(lows[a], lows[b]);
            highs[i] = Math.max(highs[a], highs[b]);
            counts[i] = n;
        }
        size = half;
        perPoint *= 2;
    }

    /** Forgets every point (the smoothing starts afresh too). */
    public void clear() {
        size = 0;
        perPoint = 1;
        added = 0;
        ema = 0;
        smoothingPower = 1;
        lastX = Double.NaN;
        lastY = Double.NaN;
        lastRawY = Double.NaN;
        minY = Double.NaN;
        maxY = Double.NaN;
    }

    /** Stored points (at most {@link #capacity()}). */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int capacity() {
        return capacity;
    }

    /** Measurements added since creation or {@link #clear()} (non-finite ones not counted). */
    public int added() {
        return added;
    }

    /** How many raw measurements a full stored point stands for now: 1, 2, 4, ... */
    public int perPoint() {
        return perPoint;
    }

    public double x(int i) {
        return xs[i];
    }

    /** Mean (smoothed) value of stored point {@code i}. */
    public double y(int i) {
        return ys[i];
    }

    /** Lowest value merged into point {@code i}. */
    public double low(int i) {
        return lows[i];
    }

    /** Highest value merged into point {@code i}. */
    public double high(int i) {
        return highs[i];
    }

    /** x of the first stored point, NaN if empty. */
    public double minX() {
        return size == 0 ? Double.NaN : xs[0];
    }

    /** x of the last measurement, NaN if empty. */
    public double maxX() {
        return lastX;
    }

    /** Smallest value ever added (after smoothing), NaN if empty. */
    public double minY() {
        return minY;
    }

    /** Largest value ever added (after smoothing), NaN if empty. */
    public double maxY() {
        return maxY;
    }

    public double lastX() {
        return lastX;
    }

    /** Last value (smoothed if smoothing), NaN if empty. */
    public double lastY() {
        return lastY;
    }

    /** Last value as given to {@link #add}, before smoothing. */
    public double lastRawY() {
        return lastRawY;
    }

    /** Index of the stored point whose x is nearest to {@code x} (the earlier on a tie), -1 if empty. */
    public int nearestIndex(double x) {
        if (size == 0) {
            return -1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && x - xs[lo - 1] <= xs[lo] - x) {
            return lo - 1;
        }
        return lo;
    }
}
