package digitlab.core.nn;

/** Small helpers for a network's outputs (class scores or probabilities) stored in a flat array. */
public final class Scores {
    private Scores() {}

    /** Index (0-based, relative to {@code from}) of the largest of {@code values[from..from+count)}; the first on ties. */
    public static int argmax(float[] values, int from, int count) {
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (values[from + i] > values[from + best]) {
                best = i;
            }
        }
        return best;
    }

    /** Sum of {@code values[from..from+count)}: 1 for softmax probabilities, anything for logistic outputs. */
    public static double sum(float[] values, int from, int count) {
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += values[from + i];
        }
        return total;
    }
}
