package digitlab.loadtest;

import java.util.List;
import java.util.Locale;

/** The arithmetic and units of the printed figures: latency percentiles and megabytes. */
final class Figures {
    private Figures() {}

    /** The values in ascending order; {@code values} may be a synchronized list still shared with its writers. */
    static long[] sorted(List<Long> values) {
        synchronized (values) {
            return values.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    /** The nearest-rank {@code p}th percentile, in milliseconds; NaN when there are no values. */
    static double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
    }

    /** {@code 123 MB}, or {@code n/a} when the memory was not sampled. */
    static String mb(long kb) {
        return kb <= 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }
}
