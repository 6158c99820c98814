package digitlab.core.nn;

/**
 * Adam (Kingma and Ba, 2015): per-parameter step sizes from running averages of the gradient (m) and of
 * its square (v), with the bias correction that matters in the first steps.
 *
 * <pre>
 *   m = b1 * m + (1 - b1) * g
 *   v = b2 * v + (1 - b2) * g^2
 *   p -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)
 * </pre>
 */
public final class Adam implements Optimizer {
    public static final float DEFAULT_BETA1 = 0.9f;
    public static final float DEFAULT_BETA2 = 0.999f;
    public static final float DEFAULT_EPSILON = 1e-8f;

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float[] m;
    private final float[] v;
    private double beta1Power = 1;
    private double beta2Power = 1;

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
        this.m = new float[size];
        this.v = new float[size];
    }

    @Override
    public void update(float[] params, float[] grads, float learningRate) {
        if (m.length != params.length) {
            throw new IllegalArgumentException("optimizer was made for " + m.length + " parameters, got "
                    + params.length);
        }
        beta1Power *= beta1;
        beta2Power *= beta2;
        float step = (float) (learningRate * Math.sqrt(1 - beta2Power) / (1 - beta1Power));
        float b1 = beta1;
        float b2 = beta2;
        for (int k = 0; k < params.length; k++) {
            float g = grads[k];
            float mk = b1 * m[k] + (1f - b1) * g;
            float vk = b2 * v[k] + (1f - b2) * g * g;
            m[k] = mk;
            v[k] = vk;
            params[k] -= step * mk / ((float) Math.sqrt(vk) + epsilon);
        }
    }
}
