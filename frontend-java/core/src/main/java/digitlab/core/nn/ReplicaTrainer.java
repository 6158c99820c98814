package digitlab.core.nn;

import digitlab.core.data.Digits;

/**
 * The replica side of data-parallel training: a network and optimiser of the run's configuration that
 * trains one share of a round at a time from the parameters it is handed. Its optimiser state (momentum,
 * Adam's moments) stays with it from share to share, as in local SGD.
 */
public final class ReplicaTrainer {
    private final TrainingConfig config;
    private final Network network;
    private final Optimizer optimizer;

    /** @throws IllegalArgumentException for the full-batch methods, which train in one worker */
    public ReplicaTrainer(TrainingConfig config) {
        if (config.optimizer().fullBatch()) {
            throw new IllegalArgumentException(config.optimizer().id() + " trains on the whole set in one worker");
        }
        this.config = config;
        this.network = new Network(config.architecture(), config.batchSize());
        this.optimizer = Optimizers.forConfig(config, config.architecture().parameterCount());
    }

    /**
     * Trains examples {@code indices[from..from+count)} (or {@code from..from+count)} if {@code indices}
     * is null) of {@code data} in mini-batches from the parameters {@code base}; the result is left in
     * {@link #parameters()}.
     */
    public ShareResult train(float[] base, Digits data, int[] indices, int from, int count, float rate, int m) {
        network.setParameters(base);
        int batch = config.batchSize();
        double lossSum = 0;
        int correct = 0;
        for (int start = from; start < from + count; start += batch) {
            int n = Math.min(batch, from + count - start);
            double loss = network.lossAndGradient(data, indices, start, n, config.lambda(), m);
            lossSum += loss * n;
            correct += network.lastCorrect();
            optimizer.update(network.parameters(), network.gradient(), rate);
        }
        return new ShareResult(count, lossSum, correct);
    }

    /** The parameters after the last share (live array). */
    public float[] parameters() {
        return network.parameters();
    }

    public TrainingConfig config() {
        return config;
    }
}
