package digitlab.core.train.parallel;

import digitlab.core.data.Digits;
import digitlab.core.nn.Network;
import digitlab.core.nn.optim.Optimizer;
import digitlab.core.nn.optim.Optimizers;
import digitlab.core.run.TrainingConfig;

/**
 * The replica side of data-parallel training: a network and optimiser of the run's configuration that
 * trains one {@link Share} at a time, each from the parameters and optimiser memory it is handed.
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
        this.network =
                new Network(config.architecture(), Network.batchFitting(config.architecture(), config.batchSize()));
        this.optimizer = Optimizers.forConfig(config, config.architecture().parameterCount());
    }

    /** Trains {@code share} in mini-batches; the result is left in {@link #parameters()} and {@link #optimizerState()}. */
    public ShareResult train(Share share) {
        network.setParameters(share.parameters());
        optimizer.restore(share.optimizerState(), share.optimizerSteps());
        int batch = config.batchSize();
        int end = share.from() + share.count();
        double lossSum = 0;
        int correct = 0;
        for (int start = share.from(); start < end; start += batch) {
            int n = Math.min(batch, end - start);
            double loss = network.lossAndGradient(share.data(), share.indices(), start, n, config.lambda(), share.m());
            lossSum += loss * n;
            correct += network.lastCorrect();
            optimizer.update(network.parameters(), network.gradient(), share.rate());
        }
        return new ShareResult(share.count(), lossSum, correct);
    }

    /**
     * Forward passes of examples {@code from..from+count)} of {@code data} with {@code parameters} (which
     * become this replica's): outputs into {@code outputs} ({@code count x} outputs), costs into {@code costs}.
     */
    public void forward(float[] parameters, Digits data, int from, int count, float[] outputs, float[] costs) {
        network.setParameters(parameters);
        int k = network.architecture().outputSize();
        for (int start = from; start < from + count; start += network.maxBatch()) {
            int n = Math.min(network.maxBatch(), from + count - start);
            float[] out = network.forwardExamples(data, start, n);
            System.arraycopy(out, 0, outputs, (start - from) * k, n * k);
            for (int e = 0; e < n; e++) {
                costs[start - from + e] = (float) network.exampleCost(e);
            }
        }
    }

    /** The parameters after the last share (live array). */
    public float[] parameters() {
        return network.parameters();
    }

    /** The optimiser's memory after the last share (live array). */
    public float[] optimizerState() {
        return optimizer.state();
    }

    public TrainingConfig config() {
        return config;
    }
}
