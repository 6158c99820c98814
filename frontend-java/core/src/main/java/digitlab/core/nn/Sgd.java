package digitlab.core.nn;

/**
 * Gradient descent, optionally with momentum (classical or Nesterov). Used for mini-batch SGD and, fed
 * the gradient of the whole training set, for full-batch gradient descent.
 *
 * <pre>
 *   plain:     p -= lr * g
 *   momentum:  v = mu * v - lr * g;  p += v
 *   Nesterov:  v = mu * v - lr * g;  p += mu * v - lr * g   (look-ahead form, as in Keras/PyTorch)
 * </pre>
 */
public final class Sgd implements Optimizer {
    private final float momentum;
    private final boolean nesterov;
    private final float[] velocity;

    /** Plain gradient descent. */
    public Sgd() {
        this(0, 0f, false);
    }

    /**
     * @param size number of parameters (velocity memory)
     * @param momentum mu in [0, 1); 0 means plain gradient descent
     * @param nesterov use the Nesterov look-ahead
     */
    public Sgd(int size, float momentum, boolean nesterov) {
        if (!(momentum >= 0f && momentum < 1f)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.velocity = momentum > 0f ? new float[size] : null;
    }

    @Override
    public void update(float[] params, float[] grads, float learningRate) {
        if (velocity == null) {
            for (int k = 0; k < params.length; k++) {
                params[k] -= learningRate * grads[k];
            }
            return;
        }
        if (velocity.length != params.length) {
            throw new IllegalArgumentException("optimizer was made for " + velocity.length + " parameters, got "
                    + params.length);
        }
        float mu = momentum;
        for (int k = 0; k < params.length; k++) {
            float step = -learningRate * grads[k];
            float v = mu * velocity[k] + step;
            velocity[k] = v;
            params[k] += nesterov ? mu * v + step : v;
        }
    }
}
