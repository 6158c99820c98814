package digitlab.core.train;

import digitlab.core.data.Digits;
import digitlab.core.nn.Scores;

/**
 * An evaluation's results example by example, filled in whatever order its forward passes finish and
 * summed in example order at the end: an evaluation split between workers equals one done in one worker,
 * to the last bit.
 */
final class EvaluationTally {
    private final Digits data;
    private final int classes;
    private final int[] predicted;
    private final float[] costs;
    /** The output of each misclassified example (null for the others). */
    private final float[][] wrongOutputs;

    EvaluationTally(Digits data, int classes) {
        this.data = data;
        this.classes = classes;
        this.predicted = new int[data.count()];
        this.costs = new float[data.count()];
        this.wrongOutputs = new float[data.count()][];
    }

    /**
     * Records examples {@code from..from+count)}: example {@code from + e} has its outputs at
     * {@code outputs[e * classes..]} and its cost at {@code exampleCosts[e]}.
     */
    void add(int from, int count, float[] outputs, float[] exampleCosts) {
        for (int e = 0; e < count; e++) {
            int example = from + e;
            int guess = Scores.argmax(outputs, e * classes, classes);
            predicted[example] = guess;
            costs[example] = exampleCosts[e];
            if (guess != data.label(example)) {
                float[] out = new float[classes];
                System.arraycopy(outputs, e * classes, out, 0, classes);
                wrongOutputs[example] = out;
            }
        }
    }

    Evaluation evaluation() {
        int n = data.count();
        int[][] confusion = new int[classes][classes];
        double costSum = 0;
        int wrongCount = 0;
        for (int example = 0; example < n; example++) {
            confusion[data.label(example)][predicted[example]]++;
            costSum += costs[example];
            if (wrongOutputs[example] != null) {
                wrongCount++;
            }
        }
        int[] indices = new int[wrongCount];
        float[][] outputs = new float[wrongCount][];
        for (int example = 0, w = 0; example < n; example++) {
            if (wrongOutputs[example] != null) {
                indices[w] = example;
                outputs[w++] = wrongOutputs[example];
            }
        }
        return new Evaluation(n, n - wrongCount, n == 0 ? Double.NaN : costSum / n, confusion, indices, outputs);
    }
}
