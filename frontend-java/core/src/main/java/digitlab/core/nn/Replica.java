package digitlab.core.nn;

import digitlab.core.data.Digits;

/**
 * Another worker's copy of the network, for data-parallel training. In each round the {@link Trainer}
 * hands every ready replica a share of the epoch's examples and the current parameters, trains its own
 * share meanwhile, then adds each replica's change to its parameters (see {@link Trainer#useReplicas}).
 * In the browser a replica is a second Web Worker reached through a SharedArrayBuffer; on the JVM a thread.
 */
public interface Replica {
    /** True if the replica can take a share now: it has joined and has not failed. */
    boolean ready();

    /**
     * Starts training examples {@code indices[from..from+count)} of {@code data} in the run's mini-batches,
     * in that order, from the parameters {@code base} at learning rate {@code rate}; returns at once.
     * The arguments are only read before {@link #finish} returns.
     *
     * @param m the training set size that scales the L2 term (see {@link Network#lossAndGradient})
     */
    void start(float[] base, Digits data, int[] indices, int from, int count, float rate, int m);

    /**
     * Waits for the share started last and copies the replica's parameters after it into {@code out}.
     *
     * @return what the share measured, or null if the replica failed (it is then never ready again and
     *         the caller trains the share itself)
     */
    ShareResult finish(float[] out);
}
