package digitlab.core.train.parallel;

import digitlab.core.data.Digits;
import digitlab.core.nn.optim.Optimizer;

/**
 * Another worker's copy of the network, for data-parallel training. In each round the trainer hands
 * every ready replica a {@link Share} of the epoch's examples with the current parameters and optimiser
 * memory, trains its own share meanwhile, then folds each replica's result into its own (see
 * {@link DataParallelRounds} and {@link Optimizer#mergeShare}). In the browser a replica is a second
 * Web Worker reached through a SharedArrayBuffer; on the JVM a thread.
 */
public interface Replica {
    /** True if the replica can take a share now: it has joined and has not failed. */
    boolean ready();

    /** Starts training {@code share} in the run's mini-batches; returns at once. Its arrays are only read before {@link #finish} returns. */
    void start(Share share);

    /**
     * Waits for the share started last and copies the replica's parameters and optimiser memory after it
     * into {@code parameters} and {@code optimizerState}.
     *
     * @return what the share measured, or null if the replica failed (it is then never ready again and
     *         the caller trains the share itself)
     */
    ShareResult finish(float[] parameters, float[] optimizerState);

    /**
     * Starts the forward passes, and nothing else, of examples {@code from..from+count)} of {@code data}
     * with {@code parameters}: part of an evaluation (see {@code EvaluationPass}); returns at once. At
     * most a share's worth of examples. The arrays are only read before {@link #finishForward} returns.
     */
    void startForward(float[] parameters, Digits data, int from, int count);

    /**
     * Waits for the passes started last: each example's output ({@code count x} the network's outputs)
     * goes to {@code outputs} and its cost to {@code costs}.
     *
     * @return false if the replica failed (it is then never ready again and the caller does the passes)
     */
    boolean finishForward(float[] outputs, float[] costs);

    /** How many of {@code replicas} are {@link #ready()}. */
    static int countReady(Iterable<? extends Replica> replicas) {
        int ready = 0;
        for (Replica replica : replicas) {
            if (replica.ready()) {
                ready++;
            }
        }
        return ready;
    }
}
