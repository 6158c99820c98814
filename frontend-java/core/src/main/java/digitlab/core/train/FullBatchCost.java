package digitlab.core.train;

import digitlab.core.data.Digits;
import digitlab.core.nn.Network;
import digitlab.core.nn.optim.DifferentiableFunction;
import digitlab.core.nn.optim.Lbfgs;

/**
 * The training cost over the whole training set as a {@link DifferentiableFunction} of the network's
 * parameters, for {@link Lbfgs}: the network is evaluated at the {@code x} it is given, and the gradient
 * lands in the array it is given.
 *
 * <p>The trainer hands L-BFGS the network's own parameter and gradient arrays, and then nothing is
 * copied; any other arrays are copied in and out.
 */
final class FullBatchCost implements DifferentiableFunction {
    private final Network network;
    private final float lambda;
    private Digits data;
    private int count;

    /** @param lambda L2 regularisation strength, as in {@link Network#lossAndGradient} */
    FullBatchCost(Network network, float lambda) {
        this.network = network;
        this.lambda = lambda;
    }

    /** Sets the examples of the cost: the first {@code count} of {@code data} (the training set may grow). */
    FullBatchCost over(Digits data, int count) {
        this.data = data;
        this.count = count;
        return this;
    }

    /** The cost at {@code x}, which the network's parameters then hold; its gradient goes into {@code gradient}. */
    @Override
    public double valueAndGradient(float[] x, float[] gradient) {
        if (x != network.parameters()) {
            network.setParameters(x);
        }
        double cost = network.lossAndGradient(data, null, 0, count, lambda, count);
        if (gradient != network.gradient()) {
            System.arraycopy(network.gradient(), 0, gradient, 0, gradient.length);
        }
        return cost;
    }
}
