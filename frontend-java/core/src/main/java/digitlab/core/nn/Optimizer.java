package digitlab.core.nn;

/**
 * A first-order update rule. It sees only two flat arrays of the same length, the parameters and the
 * gradient of the cost at those parameters, never the layers behind them.
 */
public interface Optimizer {
    /** Moves {@code params} one step against {@code grads}, in place, with step size {@code learningRate}. */
    void update(float[] params, float[] grads, float learningRate);
}
