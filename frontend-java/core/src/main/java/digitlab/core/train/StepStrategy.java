package digitlab.core.train;

import digitlab.core.data.Digits;
import digitlab.core.nn.optim.Optimizer;
import digitlab.core.train.parallel.Replica;
import java.util.List;

/**
 * How a {@link Trainer} moves the network's parameters in a round (see {@link Trainer#trainRound()}).
 * Two kinds, split by who makes the update:
 *
 * <ul>
 *   <li>{@link FirstOrderSteps}: an {@link Optimizer} (SGD, momentum, Nesterov, Adam, GD) updates after
 *       each batch; the batches are mini-batches of the epoch's order, or for GD the whole set as one
 *       batch; mini-batch rounds may be data-parallel ({@link DataParallelRounds}).
 *   <li>{@link LbfgsSteps}: L-BFGS evaluates the full-batch cost itself, as often as its line search
 *       needs, and makes one update per round.
 * </ul>
 *
 * GD is a full-batch method, but its update is the same first-order rule as SGD's on one batch, so it
 * shares {@link FirstOrderSteps} rather than being a third kind.
 *
 * <p>A strategy writes what it trains into the run's {@link Progress} and moves its position; the
 * trainer ends epochs and applies the stop rules.
 */
interface StepStrategy {
    /**
     * Trains one round from the current position: at least one batch, and at most the rest of the epoch.
     *
     * @param train the training set as it stands (it may grow between rounds)
     * @param rate the learning rate for every update of the round
     * @param alone true to train one update in this worker even when replicas are in use
     */
    void trainRound(Digits train, float rate, boolean alone);

    /** Examples of the epoch's order, from the current position on, that the next round trains. */
    int examplesNeeded(boolean alone);

    /** Trains with {@code replicas} from the next round on (only ever non-empty for mini-batch methods). */
    void useReplicas(List<Replica> replicas);

    /** The training set grew beyond its plan: the cost to minimise has changed. */
    void trainingSetGrew();

    /** True once the method can make no more progress (L-BFGS found no lower cost). */
    boolean converged();
}
