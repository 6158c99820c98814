package digitlab.core.train;

import digitlab.core.nn.Network;

/**
 * Where a run stands: its status, the epoch and the position in it, the counts of examples and updates,
 * the figures of the last batch and the running sums of the current epoch. The {@link Trainer} owns it
 * and reads it for its getters; its {@link StepStrategy} (and {@link DataParallelRounds}) write what they
 * train into it, so every kind of step keeps the books in the same way.
 */
final class Progress {
    private final DivergenceWatch watch = new DivergenceWatch();
    private TrainingStatus status = TrainingStatus.RUNNING;
    private Divergence divergence;
    private int epoch;
    private int position;
    private long examplesSeen;
    private long updates;
    private int lastWorkers = 1;
    private double lastLoss = Double.NaN;
    private double lastAccuracy = Double.NaN;
    private double epochLossSum;
    private long epochCorrect;
    private double epochLoss = Double.NaN;
    private double epochAccuracy = Double.NaN;

    /**
     * Keeps a batch's figures (measured before its update) as the last ones, and stops the run if they
     * show it has blown up or died (see {@link DivergenceWatch}).
     *
     * @param network the network that just measured them (for its silent layers)
     */
    void recordBatch(double loss, int correct, int count, Network network) {
        lastLoss = loss;
        lastAccuracy = (double) correct / count;
        Divergence sign =
                watch.step(loss, lastAccuracy, count, network.architecture().outputSize(), network.silentLayer());
        if (sign != null) {
            diverge(sign);
        }
    }

    /** Stops the run as {@link TrainingStatus#DIVERGED}, for {@code why}. */
    void diverge(Divergence why) {
        status = TrainingStatus.DIVERGED;
        divergence = why;
    }

    /** Counts examples processed (trained or, for L-BFGS, evaluated). */
    void addExamples(long examples) {
        examplesSeen += examples;
    }

    /** Adds trained batches to the epoch's running figures and their updates to the count of updates. */
    void addTrained(double lossSum, long correct, long batchUpdates) {
        epochLossSum += lossSum;
        epochCorrect += correct;
        updates += batchUpdates;
    }

    /** False once the epoch's running loss has become NaN or infinite. */
    boolean epochLossFinite() {
        return !Double.isNaN(epochLossSum) && !Double.isInfinite(epochLossSum);
    }

    /** Moves to {@code newPosition} in the epoch's order, after training the examples before it. */
    void moveTo(int newPosition) {
        position = newPosition;
    }

    void setLastWorkers(int workers) {
        lastWorkers = workers;
    }

    /** Closes an epoch of {@code trainCount} examples: its figures become the last epoch's, position 0. */
    void endEpoch(int trainCount) {
        epoch++;
        epochLoss = epochLossSum / trainCount;
        epochAccuracy = (double) epochCorrect / trainCount;
        epochLossSum = 0;
        epochCorrect = 0;
        position = 0;
    }

    void setStatus(TrainingStatus newStatus) {
        status = newStatus;
    }

    TrainingStatus status() {
        return status;
    }

    boolean stopped() {
        return status.stopped();
    }

    Divergence divergence() {
        return divergence;
    }

    int epoch() {
        return epoch;
    }

    int position() {
        return position;
    }

    long examplesSeen() {
        return examplesSeen;
    }

    long updates() {
        return updates;
    }

    int lastWorkers() {
        return lastWorkers;
    }

    double lastLoss() {
        return lastLoss;
    }

    double lastAccuracy() {
        return lastAccuracy;
    }

    double epochLoss() {
        return epochLoss;
    }

    double epochAccuracy() {
        return epochAccuracy;
    }
}
