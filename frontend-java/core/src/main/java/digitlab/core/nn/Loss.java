package digitlab.core.nn;

/**
 * The output layer and its cost, as one choice: both pairs have the convenient property that the
 * gradient of the cost with respect to the output pre-activation {@code z} is {@code a - y}
 * (output minus one-hot target), which is why they are always used together.
 *
 * <p>Costs are computed from {@code z}, not from {@code a}, so that {@code log(0)} never happens even
 * when a float output saturates at exactly 0 or 1.
 */
public enum Loss {
    /** Softmax outputs (they sum to 1) with the cross-entropy cost {@code -log p[label]}. */
    SOFTMAX_CROSS_ENTROPY("softmax") {
        @Override
        void outputs(float[] z, float[] a, int offset, int k) {
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
        double cost(float[] z, int offset, int k, int label) {
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
    },
    /**
     * Sigmoid outputs with the logistic cost of the classic tutorials (Andrew Ng's ex4
     * {@code nnCostFunction}): a binary cross-entropy per output, summed over the outputs,
     * {@code -y log(h) - (1-y) log(1-h)}.
     */
    SIGMOID_CROSS_ENTROPY("logistic") {
        @Override
        void outputs(float[] z, float[] a, int offset, int k) {
            for (int j = 0; j < k; j++) {
                a[offset + j] = (float) (1.0 / (1.0 + Math.exp(-z[offset + j])));
            }
        }

        @Override
        double cost(float[] z, int offset, int k, int label) {
            // With h = sigmoid(z): -log(h) = softplus(-z) and -log(1-h) = softplus(z).
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double zj = z[offset + j];
                sum += j == label ? softplus(-zj) : softplus(zj);
            }
            return sum;
        }
    };

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    /** The output activation: {@code a[offset..offset+k) = out(z[offset..offset+k))}. */
    abstract void outputs(float[] z, float[] a, int offset, int k);

    /** The cost of one example whose correct class is {@code label}, from its output pre-activations. */
    abstract double cost(float[] z, int offset, int k, int label);

    /**
     * dCost/dz for one example, scaled by {@code scale} (1/m to average over m examples):
     * {@code delta = scale * (a - onehot(label))}. The same formula for both losses.
     */
    void outputDelta(float[] a, float[] delta, int offset, int k, int label, float scale) {
        for (int j = 0; j < k; j++) {
            float target = j == label ? 1f : 0f;
            delta[offset + j] = scale * (a[offset + j] - target);
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

    /** The loss named {@code id} (as returned by {@link #id()}). */
    public static Loss fromId(String id) {
        for (Loss l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "' (expected softmax or logistic)");
    }
}
