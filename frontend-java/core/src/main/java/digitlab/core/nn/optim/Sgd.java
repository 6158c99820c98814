package digitlab.core.nn.optim;

/**
 * Gradient descent, optionally with momentum (classical or Nesterov). Used for mini-batch SGD and, fed
 * the gradient of the whole training set, for full-batch gradient descent.
 *
 * <pre>
 *   plain:     p -= lr * g
 *   momentum:  v = mu * v - lr * g;  p += v
 *   Nesterov:  v = mu * v - lr * g;  p += mu * v - lr * g   (look-ahead form, as in Keras/PyTorch)
 * </pre>
 *
 * <p>In a data-parallel round ({@link #mergeShare}) plain gradient descent adds the shares' parameter
 * changes, so two workers move as far per example as one. With momentum, shares that started from the
 * same point and velocity are averaged, velocity included (local SGD). Adding them up was measured to
 * blow up (20-45% on MNIST where one worker reaches 95%): gradients computed on the round's stale start
 * act as extra momentum (Mitliagkas et al., 2016), on top of a velocity of ten steps' worth.
 */
public final class Sgd implements Optimizer {
    private static final float[] NO_STATE = new float[0];

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
    public float[] state() {
        return velocity == null ? NO_STATE : velocity;
    }

    @Override
    public long steps() {
        return 0; // the velocity alone is the memory
    }

    @Override
    public void restore(float[] state, long steps) {
        System.arraycopy(state, 0, state(), 0, state().length);
    }

    @Override
    public void mergeShare(float[] params, ShareOutcome share, int merged) {
        if (velocity == null) {
            float[] shareParams = share.params();
            float[] startParams = share.startParams();
            for (int k = 0; k < params.length; k++) {
                params[k] += shareParams[k] - startParams[k];
            }
            return;
        }
        Optimizer.foldIntoMean(params, share.params(), merged);
        Optimizer.foldIntoMean(velocity, share.state(), merged);
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
            throw new IllegalArgumentException(
                    "optimizer was made for " + velocity.length + " parameters, got " + params.length);
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
