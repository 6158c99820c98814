package digitlab.core.train;

import digitlab.core.data.Digits;
import digitlab.core.nn.Network;
import java.util.List;

/**
 * How a network does on a labelled set: accuracy, mean cost, per-class accuracy, the confusion matrix
 * and every misclassified example with the network's output for it.
 */
public final class Evaluation {
    private final int count;
    private final int correct;
    private final double meanCost;
    private final int[][] confusion;
    private final int[] misclassified;
    private final float[][] misclassifiedOutputs;

    Evaluation(
            int count,
            int correct,
            double meanCost,
            int[][] confusion,
            int[] misclassified,
            float[][] misclassifiedOutputs) {
        this.count = count;
        this.correct = correct;
        this.meanCost = meanCost;
        this.confusion = confusion;
        this.misclassified = misclassified;
        this.misclassifiedOutputs = misclassifiedOutputs;
    }

    /** Runs {@code network} over every example of {@code data} (forward passes only, in this worker). */
    public static Evaluation of(Network network, Digits data) {
        return EvaluationPass.run(network, List.of(), data, network.maxBatch());
    }

    /** Number of examples evaluated. */
    public int count() {
        return count;
    }

    /** Examples classified correctly. */
    public int correct() {
        return correct;
    }

    /** Fraction classified correctly, 0..1 (NaN for an empty set). */
    public double accuracy() {
        return count == 0 ? Double.NaN : (double) correct / count;
    }

    /** Mean per-example cost, without regularisation. */
    public double meanCost() {
        return meanCost;
    }

    /** Per true class c: the fraction of class-c examples classified as c (NaN if the class is absent). */
    public double[] perClassAccuracy() {
        double[] result = new double[confusion.length];
        for (int c = 0; c < confusion.length; c++) {
            int total = 0;
            for (int p = 0; p < confusion.length; p++) {
                total += confusion[c][p];
            }
            result[c] = total == 0 ? Double.NaN : (double) confusion[c][c] / total;
        }
        return result;
    }

    /** {@code confusion()[label][predicted]}: how many examples of each true class got each prediction (a copy). */
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int c = 0; c < confusion.length; c++) {
            copy[c] = confusion[c].clone();
        }
        return copy;
    }

    /** Indices (into the evaluated set) of the misclassified examples, ascending (a copy). */
    public int[] misclassified() {
        return misclassified.clone();
    }

    /** The network's outputs (probabilities for softmax) for {@code misclassified()[i]} (a copy). */
    public float[] misclassifiedOutput(int i) {
        return misclassifiedOutputs[i].clone();
    }
}
