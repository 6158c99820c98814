package digitlab.core.train;

import digitlab.core.data.Digits;
import digitlab.core.nn.Network;
import digitlab.core.nn.optim.Lbfgs;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.parallel.Replica;
import java.util.List;

/**
 * Rounds of L-BFGS: each is one {@link Lbfgs} iteration over the whole training set (an "epoch"), which
 * evaluates the full-batch cost ({@link FullBatchCost}) as often as its line search needs.
 */
final class LbfgsSteps implements StepStrategy {
    private final Network network;
    private final EpochOrder order;
    private final Progress progress;
    private final FullBatchCost cost;
    /** Steps L-BFGS remembers ({@link TrainingConfig#lbfgsMemory()}). */
    private final int memory;

    private Lbfgs lbfgs;

    LbfgsSteps(TrainingConfig config, Network network, EpochOrder order, Progress progress) {
        this.network = network;
        this.order = order;
        this.progress = progress;
        cost = new FullBatchCost(network, config.lambda());
        memory = config.lbfgsMemory();
        lbfgs = newLbfgs();
    }

    private Lbfgs newLbfgs() {
        return new Lbfgs(network.architecture().parameterCount(), memory);
    }

    /** One iteration; the learning rate is not used (the line search finds the step) and nor is {@code alone}. */
    @Override
    public void trainRound(Digits train, float rate, boolean alone) {
        int trainCount = order.count();
        int evaluationsBefore = lbfgs.evaluations();
        double loss = lbfgs.iterate(cost.over(train, trainCount), network.parameters(), network.gradient());
        progress.recordBatch(loss, network.lastCorrect(), trainCount, network);
        progress.addExamples((long) (lbfgs.evaluations() - evaluationsBefore) * trainCount);
        if (!progress.stopped() && !network.parametersFinite()) {
            progress.diverge(Divergence.NOT_FINITE);
        }
        if (progress.stopped()) {
            return;
        }
        progress.moveTo(trainCount);
        // An iteration is an epoch, so these are the whole epoch's figures.
        progress.addTrained(loss * trainCount, network.lastCorrect(), 1);
    }

    @Override
    public int examplesNeeded(boolean alone) {
        return order.count();
    }

    @Override
    public void useReplicas(List<Replica> replicas) {
        // None: the trainer refuses replicas for the full-batch methods.
    }

    /** Starts a fresh curvature history: the old one describes another cost. */
    @Override
    public void trainingSetGrew() {
        lbfgs = newLbfgs();
    }

    @Override
    public boolean converged() {
        return lbfgs.converged();
    }
}
