package digitlab.core.train;

import digitlab.core.data.Digits;
import digitlab.core.nn.Network;
import digitlab.core.nn.optim.Optimizer;
import digitlab.core.nn.optim.Optimizers;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.parallel.Replica;
import java.util.List;

/**
 * Rounds of a first-order {@link Optimizer} (SGD, momentum, Nesterov, Adam, GD): the cost and its
 * gradient on a batch, then one update. A round of the mini-batch methods is one mini-batch of the
 * epoch's order, or with ready replicas a data-parallel round ({@link DataParallelRounds}); a round of GD
 * is one batch of the whole training set in its own order, the full-batch gradient.
 */
final class FirstOrderSteps implements StepStrategy {
    private final TrainingConfig config;
    private final Network network;
    private final EpochOrder order;
    private final Progress progress;
    private final Optimizer optimizer;
    private DataParallelRounds rounds;

    /** @param config the run's settings; only those fixed for the run are read (batch size, lambda, method) */
    FirstOrderSteps(TrainingConfig config, Network network, EpochOrder order, Progress progress) {
        this.config = config;
        this.network = network;
        this.order = order;
        this.progress = progress;
        this.optimizer = Optimizers.forConfig(config, network.architecture().parameterCount());
        this.rounds = new DataParallelRounds(List.of(), config, network, optimizer, order, progress);
    }

    @Override
    public void trainRound(Digits train, float rate, boolean alone) {
        int trainCount = order.count();
        if (config.optimizer().fullBatch()) {
            trainBatch(train, 0, trainCount, rate);
            progress.moveTo(trainCount);
        } else if (!alone && rounds.fit()) {
            rounds.run(this, train, rate);
        } else {
            int from = progress.position();
            int count = Math.min(config.batchSize(), trainCount - from);
            progress.setLastWorkers(1);
            trainBatch(train, from, count, rate);
            progress.moveTo(from + count);
        }
    }

    /**
     * Cost and gradient on examples {@code order[from..from+count)} (for GD: examples
     * {@code from..from+count)} in the set's own order), then one update, all counted in the run's
     * {@link Progress}. The caller moves the position.
     */
    void trainBatch(Digits train, int from, int count, float rate) {
        int[] indices = config.optimizer().fullBatch() ? null : order.indices();
        double loss = network.lossAndGradient(train, indices, from, count, config.lambda(), order.count());
        int correct = network.lastCorrect();
        progress.recordBatch(loss, correct, count, network);
        if (progress.stopped()) {
            return;
        }
        optimizer.update(network.parameters(), network.gradient(), rate);
        if (!network.parametersFinite()) {
            progress.diverge(Divergence.NOT_FINITE);
            return;
        }
        progress.addExamples(count);
        progress.addTrained(loss * count, correct, 1);
    }

    @Override
    public int examplesNeeded(boolean alone) {
        if (config.optimizer().fullBatch()) {
            return order.count();
        }
        return !alone && rounds.fit() ? rounds.examplesNeeded() : config.batchSize();
    }

    @Override
    public void useReplicas(List<Replica> replicas) {
        rounds = new DataParallelRounds(replicas, config, network, optimizer, order, progress);
    }

    @Override
    public void trainingSetGrew() {
        // Nothing to restart: each batch's gradient is computed afresh.
    }

    @Override
    public boolean converged() {
        return false;
    }
}
