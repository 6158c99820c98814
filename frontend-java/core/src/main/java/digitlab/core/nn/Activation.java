package digitlab.core.nn;

/**
 * Hidden-layer activation functions, each written as a pair: the function and its derivative side by
 * side (as in TensorFlow Playground's {@code nn.ts}), so a reader checks one against the other on one
 * screen.
 *
 * <p>{@link #derivative} receives both the pre-activation {@code z} and the output {@code a = f(z)}
 * because some derivatives are cheapest from the output (sigmoid: {@code a(1-a)}).
 */
public enum Activation {
    SIGMOID("sigmoid", "sigmoid") {
        @Override
        public float value(float z) {
            return (float) (1.0 / (1.0 + Math.exp(-z)));
        }

        @Override
        public float derivative(float z, float a) {
            return a * (1f - a);
        }
    },
    TANH("tanh", "tanh") {
        @Override
        public float value(float z) {
            return (float) Math.tanh(z);
        }

        @Override
        public float derivative(float z, float a) {
            return 1f - a * a;
        }
    },
    RELU("relu", "ReLU") {
        @Override
        public float value(float z) {
            return z > 0f ? z : 0f;
        }

        @Override
        public float derivative(float z, float a) {
            return z > 0f ? 1f : 0f;
        }
    },
    /** ReLU with a small slope (0.01) for negative inputs, so a unit never stops learning entirely. */
    LEAKY_RELU("leakyrelu", "leaky ReLU") {
        @Override
        public float value(float z) {
            return z > 0f ? z : LEAK * z;
        }

        @Override
        public float derivative(float z, float a) {
            return z > 0f ? 1f : LEAK;
        }
    },
    LINEAR("linear", "linear") {
        @Override
        public float value(float z) {
            return z;
        }

        @Override
        public float derivative(float z, float a) {
            return 1f;
        }
    };

    /** Slope of {@link #LEAKY_RELU} for negative inputs. */
    public static final float LEAK = 0.01f;

    private final String id;
    private final String label;

    Activation(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** f(z). */
    public abstract float value(float z);

    /** f'(z), given z and a = f(z). */
    public abstract float derivative(float z, float a);

    /** The short lowercase name used in URLs, the CLI and the model file. */
    public String id() {
        return id;
    }

    /** The name a person reads, in the settings form and the help. */
    public String label() {
        return label;
    }

    /** a = f(z) for the first {@code n} elements. */
    void apply(float[] z, float[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = value(z[i]);
        }
    }

    /** delta *= f'(z), element-wise over the first {@code n} elements: backprop through the activation. */
    void multiplyByDerivative(float[] z, float[] a, float[] delta, int n) {
        for (int i = 0; i < n; i++) {
            delta[i] *= derivative(z[i], a[i]);
        }
    }
}
