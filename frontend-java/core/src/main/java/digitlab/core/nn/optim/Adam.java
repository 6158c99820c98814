package digitlab.core.nn.optim;

/**
 * Adam (Kingma and Ba, 2015): per-parameter step sizes from running averages of the gradient (m) and of
 * its square (v), with the bias correction that matters in the first steps (t counts the updates).
 *
 * <pre>
 *   m = b1 * m + (1 - b1) * g
 *   v = b2 * v + (1 - b2) * g^2
 *   p -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)
 * </pre>
 *
 * <p>In a data-parallel round ({@link #mergeShare}) the parameter changes add up (a step moves a
 * parameter by at most about the learning rate, so the sum stays one worker's progress per example), and
 * the moments of the shares, running averages over the same number of steps from the same start, are
 * averaged; t counts those steps once. Folding the moments in as if the shares had run one after another
 * (the later share weighing more) measured no better: 784-64-10, lr 0.002, one epoch, mean of three seeds,
 * 2 workers 0.38 points under one worker folded, 0.24 averaged.
 */
public final class Adam implements Optimizer {
    public static final float DEFAULT_BETA1 = 0.9f;
    public static final float DEFAULT_BETA2 = 0.999f;
    public static final float DEFAULT_EPSILON = 1e-8f;

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final int size;
    /** m in [0, size), v in [size, 2 size): one array, so the memory travels between workers in one piece. */
    private final float[] moments;

    private long t;

    /** Adam with the paper's defaults (0.9, 0.999, 1e-8). */
    public Adam(int size) {
        this(size, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    public Adam(int size, float beta1, float beta2, float epsilon) {
        if (!(beta1 >= 0f && beta1 < 1f) || !(beta2 >= 0f && beta2 < 1f) || !(epsilon > 0f)) {
            throw new IllegalArgumentException("Adam needs 0 <= beta1, beta2 < 1 and epsilon > 0");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.size = size;
        this.moments = new float[2 * size];
    }

    @Override
    public void update(float[] params, float[] grads, float learningRate) {
        if (size != params.length) {
            throw new IllegalArgumentException("optimizer was made for " + size + " parameters, got " + params.length);
        }
        t++;
        float step = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float b1 = beta1;
        float b2 = beta2;
        float[] mv = moments;
        int n = size;
        for (int k = 0; k < n; k++) {
            float g = grads[k];
            float mk = b1 * mv[k] + (1f - b1) * g;
            float vk = b2 * mv[n + k] + (1f - b2) * g * g;
            mv[k] = mk;
            mv[n + k] = vk;
            params[k] -= step * mk / ((float) Math.sqrt(vk) + epsilon);
        }
    }

    @Override
    public float[] state() {
        return moments;
    }

    @Override
    public long steps() {
        return t;
    }

    @Override
    public void restore(float[] state, long steps) {
        System.arraycopy(state, 0, moments, 0, moments.length);
        t = steps;
    }

    @Override
    public void mergeShare(float[] params, ShareOutcome share, int merged) {
        Optimizer.foldIntoMean(moments, share.state(), merged);
        float[] shareParams = share.params();
        float[] startParams = share.startParams();
        for (int k = 0; k < size; k++) {
            params[k] += shareParams[k] - startParams[k];
        }
    }
}
