package digitlab.core.train;

import digitlab.core.data.Digits;
import digitlab.core.nn.Network;
import digitlab.core.nn.Scores;

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

    private Evaluation(
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

    /**
     * The fraction of {@code data} that {@code network} classifies correctly, and nothing else: the cheap
     * measurement a live curve repeats while training (no confusion matrix, no second pass for mistakes).
     */
    public static double accuracy(Network network, Digits data) {
        int k = network.architecture().outputSize();
        int n = data.count();
        int correct = 0;
        for (int start = 0; start < n; start += network.maxBatch()) {
            int chunk = Math.min(network.maxBatch(), n - start);
            float[] out = network.forwardExamples(data, start, chunk);
            for (int e = 0; e < chunk; e++) {
                if (Scores.argmax(out, e * k, k) == data.label(start + e)) {
                    correct++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    /** Runs {@code network} over every example of {@code data} (forward passes only). */
    public static Evaluation of(Network network, Digits data) {
        int k = network.architecture().outputSize();
        int n = data.count();
        int[][] confusion = new int[k][k];
        int[] wrong = new int[n];
        int wrongCount = 0;
        double costSum = 0;
        for (int start = 0; start < n; start += network.maxBatch()) {
            int chunk = Math.min(network.maxBatch(), n - start);
            float[] out = network.forwardExamples(data, start, chunk);
            for (int e = 0; e < chunk; e++) {
                int predicted = Scores.argmax(out, e * k, k);
                int label = data.label(start + e);
                confusion[label][predicted]++;
                costSum += network.exampleCost(e);
                if (predicted != label) {
                    wrong[wrongCount++] = start + e;
                }
            }
        }
        // Second pass over the few wrong ones only, to keep their outputs.
        int[] indices = new int[wrongCount];
        float[][] outputs = new float[wrongCount][k];
        float[] input = new float[data.imageSize()];
        for (int w = 0; w < wrongCount; w++) {
            indices[w] = wrong[w];
            data.toInput(wrong[w], input);
            network.predict(input, outputs[w]);
        }
        return new Evaluation(n, n - wrongCount, n == 0 ? Double.NaN : costSum / n, confusion, indices, outputs);
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
