package digitlab.core.nn.optim;

/**
 * What one share of a data-parallel round did, for {@link Optimizer#mergeShare}: where every share of the
 * round started and where this one ended. The arrays are the round's own buffers, read, never kept.
 *
 * @param startParams the parameters every share started from
 * @param startState the optimiser memory every share started from ({@link Optimizer#state()})
 * @param params the parameters after the share
 * @param state the memory after the share
 * @param steps the updates the share made (mini-batches)
 */
public record ShareOutcome(float[] startParams, float[] startState, float[] params, float[] state, int steps) {}
