package digitlab.core.nn;

/**
 * The output layer and its cost, as one choice: the output activation, the cost and its gradient with
 * respect to the output pre-activation {@code z} (the output delta that starts backpropagation), side by
 * side for each loss.
 *
 * <p>The two cross-entropies have the convenient delta {@code a - y} (output minus one-hot target): the
 * output activation's derivative cancels against the cost's. The quadratic cost keeps that derivative as a
 * factor, {@code (a - y) * a(1 - a)}, which is why a saturated sigmoid output learns slowly with it
 * (Nielsen, "Neural Networks and Deep Learning", chapter 3).
 *
 * <p>Costs are computed from {@code z}, not from {@code a}, so that {@code log(0)} never happens even
 * when a float output saturates at exactly 0 or 1.
 */
public enum Loss {
    /** Softmax outputs (they sum to 1) with the cross-entropy cost {@code -log p[label]}. */
    SOFTMAX_CROSS_ENTROPY("softmax", "softmax + cross-entropy") {
        @Override
        public void outputs(float[] z, float[] a, int offset, int k) {
            float max = z[offset];
            for (int j = 1; j < k; j++) {
                max = Math.max(max, z[offset + j]);
            }
            // Subtracting the max keeps exp() from overflowing; the result is unchanged.
            double sum = 0;
            for (int j = 0; j < k; j++) {
                float e = (float) Math.exp(z[offset + j] - max);
                a[offset + j] = e;
                sum += e;
            }
            float inverse = (float) (1.0 / sum);
            for (int j = 0; j < k; j++) {
                a[offset + j] *= inverse;
            }
        }

        @Override
        public double cost(float[] z, int offset, int k, int label) {
            double max = z[offset];
            for (int j = 1; j < k; j++) {
                max = Math.max(max, z[offset + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(z[offset + j] - max);
            }
            // -log softmax(z)[label] = log(sum exp z) - z[label]
            return max + Math.log(sum) - z[offset + label];
        }

        @Override
        void outputDelta(float[] a, float[] delta, int offset, int k, int label, float scale) {
            outputMinusTarget(a, delta, offset, k, label, scale);
        }
    },
    /**
     * Sigmoid outputs with the logistic cost of the classic tutorials (Andrew Ng's ex4
     * {@code nnCostFunction}): a binary cross-entropy per output, summed over the outputs,
     * {@code -y log(h) - (1-y) log(1-h)}.
     */
    SIGMOID_CROSS_ENTROPY("logistic", "sigmoid + logistic (Ng's tutorial cost)") {
        @Override
        public void outputs(float[] z, float[] a, int offset, int k) {
            sigmoids(z, a, offset, k);
        }

        @Override
        public double cost(float[] z, int offset, int k, int label) {
            // With h = sigmoid(z): -log(h) = softplus(-z) and -log(1-h) = softplus(z).
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double zj = z[offset + j];
                sum += j == label ? softplus(-zj) : softplus(zj);
            }
            return sum;
        }

        @Override
        void outputDelta(float[] a, float[] delta, int offset, int k, int label, float scale) {
            outputMinusTarget(a, delta, offset, k, label, scale);
        }
    },
    /**
     * Sigmoid outputs with the quadratic cost of Nielsen's {@code network.py}: half the squared distance
     * to the one-hot target, {@code 0.5 * ||a - y||^2}, averaged over the examples like the other costs.
     */
    QUADRATIC("quadratic", "sigmoid + quadratic (Nielsen)") {
        @Override
        public void outputs(float[] z, float[] a, int offset, int k) {
            sigmoids(z, a, offset, k);
        }

        @Override
        public double cost(float[] z, int offset, int k, int label) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double diff = 1.0 / (1.0 + Math.exp(-z[offset + j])) - (j == label ? 1 : 0);
                sum += diff * diff;
            }
            return 0.5 * sum;
        }

        @Override
        void outputDelta(float[] a, float[] delta, int offset, int k, int label, float scale) {
            // dCost/da = a - y, times sigmoid'(z) = a (1 - a).
            for (int j = 0; j < k; j++) {
                float aj = a[offset + j];
                float target = j == label ? 1f : 0f;
                delta[offset + j] = scale * (aj - target) * aj * (1f - aj);
            }
        }
    };

    private final String id;
    private final String label;

    Loss(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The output activation: {@code a[offset..offset+k) = out(z[offset..offset+k))}. */
    public abstract void outputs(float[] z, float[] a, int offset, int k);

    /** The cost of one example whose correct class is {@code label}, from its output pre-activations. */
    public abstract double cost(float[] z, int offset, int k, int label);

    /**
     * dCost/dz for one example, scaled by {@code scale} (1/m to average over m examples), from the
     * outputs {@code a} of the forward pass.
     */
    abstract void outputDelta(float[] a, float[] delta, int offset, int k, int label, float scale);

    /** {@code delta = scale * (a - onehot(label))}: dCost/dz of both cross-entropies. */
    static void outputMinusTarget(float[] a, float[] delta, int offset, int k, int label, float scale) {
        for (int j = 0; j < k; j++) {
            float target = j == label ? 1f : 0f;
            delta[offset + j] = scale * (a[offset + j] - target);
        }
    }

    /** {@code a = sigmoid(z)} element-wise: the outputs of the logistic and quadratic losses. */
    static void sigmoids(float[] z, float[] a, int offset, int k) {
        for (int j = 0; j < k; j++) {
            a[offset + j] = (float) (1.0 / (1.0 + Math.exp(-z[offset + j])));
        }
    }

    /** log(1 + e^x) without overflow for large x or loss of precision for very negative x. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** The short lowercase name used in URLs, the CLI and the model file. */
    public String id() {
        return id;
    }

    /** The name a person reads, in the settings form and the help. */
    public String label() {
        return label;
    }
}
