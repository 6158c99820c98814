package digitlab.core.train;

import digitlab.core.data.Digits;
import digitlab.core.nn.Network;
import digitlab.core.nn.optim.Optimizer;
import digitlab.core.nn.optim.ShareOutcome;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.parallel.Replica;
import digitlab.core.train.parallel.Share;
import digitlab.core.train.parallel.ShareResult;
import java.util.Arrays;
import java.util.List;

/**
 * Data-parallel rounds of a mini-batch run ({@link FirstOrderSteps}). In a round every ready replica gets
 * the current parameters and optimiser memory and its own {@link #ROUND_EXAMPLES} examples of the
 * epoch's order, this worker trains its own share meanwhile, and then each replica's share is folded in,
 * in a fixed order, by the optimiser's own rule ({@link Optimizer#mergeShare}), so a run is reproducible
 * for a seed and worker count. The end of an epoch too short for a round trains here alone, and a replica
 * that fails has its share trained here.
 *
 * <p>The round's buffers are allocated once, when the replicas are handed over.
 */
public final class DataParallelRounds {
    /**
     * Examples each worker trains in a data-parallel round before the workers' changes are combined.
     * Longer rounds spend less time copying parameters between workers; shorter ones keep the workers'
     * copies closer together (measured trade-off in the README).
     */
    static final int ROUND_EXAMPLES = 512;

    private final Replica[] replicas;
    private final int shareSize;
    private final int batchSize;
    private final Network network;
    private final Optimizer optimizer;
    private final EpochOrder order;
    private final Progress progress;
    /** Where each replica's share of the current round starts in the epoch's order; -1 if it has none. */
    private final int[] shareStarts;

    private final float[] roundBase;
    private final float[] roundBaseState;
    private final float[] replicaParameters;
    private final float[] replicaState;

    DataParallelRounds(
            List<Replica> replicas,
            TrainingConfig config,
            Network network,
            Optimizer optimizer,
            EpochOrder order,
            Progress progress) {
        this.replicas = replicas.toArray(new Replica[0]);
        this.shareSize = shareSize(config);
        this.batchSize = config.batchSize();
        this.network = network;
        this.optimizer = optimizer;
        this.order = order;
        this.progress = progress;
        this.shareStarts = new int[this.replicas.length];
        int n = network.architecture().parameterCount();
        int stateLength = optimizer.state().length;
        boolean any = this.replicas.length > 0;
        roundBase = any ? new float[n] : null;
        replicaParameters = any ? new float[n] : null;
        roundBaseState = any ? new float[stateLength] : null;
        replicaState = any ? new float[stateLength] : null;
    }

    /** Examples per worker in a data-parallel round of {@code config}: whole batches, at least {@link #ROUND_EXAMPLES}. */
    public static int shareSize(TrainingConfig config) {
        int batch = config.batchSize();
        return (ROUND_EXAMPLES + batch - 1) / batch * batch;
    }

    /** True if some replica is ready and a round of every ready one fits in what is left of the epoch. */
    boolean fit() {
        int ready = readyReplicas();
        return ready > 0 && order.count() - progress.position() >= (ready + 1) * shareSize;
    }

    /** Examples a round with every ready replica trains. */
    int examplesNeeded() {
        return (readyReplicas() + 1) * shareSize;
    }

    private int readyReplicas() {
        return Replica.countReady(Arrays.asList(replicas));
    }

    /** One round from the current position (see the class comment); {@code here} trains this worker's batches. */
    void run(FirstOrderSteps here, Digits train, float rate) {
        int position = progress.position();
        float[] params = network.parameters();
        System.arraycopy(params, 0, roundBase, 0, params.length);
        float[] state = optimizer.state();
        System.arraycopy(state, 0, roundBaseState, 0, state.length);
        long baseSteps = optimizer.steps();
        int stepsPerShare = shareSize / batchSize;
        // Each replica's result is copied into the same two buffers, so one outcome serves the round.
        ShareOutcome outcome =
                new ShareOutcome(roundBase, roundBaseState, replicaParameters, replicaState, stepsPerShare);
        int next = position + shareSize;
        int workers = 1;
        int merged = 1; // shares in params: this worker's own, then each replica's
        for (int k = 0; k < replicas.length; k++) {
            shareStarts[k] = -1;
            // A replica that became ready since fit() joins only if the epoch has room (and data) for it.
            if (replicas[k].ready() && next + shareSize <= order.ready()) {
                shareStarts[k] = next;
                replicas[k].start(new Share(
                        roundBase,
                        roundBaseState,
                        baseSteps,
                        train,
                        order.indices(),
                        next,
                        shareSize,
                        rate,
                        order.count()));
                next += shareSize;
                workers++;
            }
        }
        trainShareHere(here, train, position, rate);
        for (int k = 0; k < replicas.length; k++) {
            if (shareStarts[k] < 0) {
                continue;
            }
            ShareResult result = replicas[k].finish(replicaParameters, replicaState);
            if (result == null) {
                workers--;
                trainShareHere(here, train, shareStarts[k], rate);
            } else {
                optimizer.mergeShare(params, outcome, merged++);
                progress.addExamples(result.examples());
                progress.addTrained(
                        result.lossSum(), result.correct(), (result.examples() + batchSize - 1) / batchSize);
            }
        }
        progress.moveTo(next);
        progress.setLastWorkers(workers);
        if (!progress.stopped() && (!progress.epochLossFinite() || !network.parametersFinite())) {
            progress.diverge(Divergence.NOT_FINITE);
        }
    }

    /** Trains the share at {@code from} in this worker, batch by batch, unless the run stops on the way. */
    private void trainShareHere(FirstOrderSteps here, Digits train, int from, float rate) {
        for (int at = from; at < from + shareSize && !progress.stopped(); at += batchSize) {
            here.trainBatch(train, at, batchSize, rate);
        }
    }
}
