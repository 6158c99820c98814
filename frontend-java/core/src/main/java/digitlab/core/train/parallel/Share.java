package digitlab.core.train.parallel;

import digitlab.core.data.Digits;
import digitlab.core.nn.Network;
import digitlab.core.nn.optim.Optimizer;

/**
 * One worker's part of a data-parallel round: where it starts and what it trains.
 *
 * @param parameters the round's starting parameters
 * @param optimizerState the optimiser's memory at the round's start ({@link Optimizer#state()})
 * @param optimizerSteps the optimiser's update count at the round's start ({@link Optimizer#steps()})
 * @param data the examples
 * @param indices the epoch's order of {@code data}, or null for {@code data}'s own order
 * @param from first position in the order
 * @param count examples to train, whole mini-batches
 * @param rate the learning rate
 * @param m the training set size that scales the L2 term (see {@link Network#lossAndGradient})
 */
public record Share(
        float[] parameters,
        float[] optimizerState,
        long optimizerSteps,
        Digits data,
        int[] indices,
        int from,
        int count,
        float rate,
        int m) {}
