package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.Digits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation against numerical differentiation, for every hidden activation x loss (softmax,
 * logistic, quadratic), with and without L2.
 *
 * <p>How: the cost is re-implemented here in double precision, independently of {@link Network} (plain
 * loops, its own activation formulas). Its central differences with h = 1e-6 have truncation error
 * ~h^2 and rounding error ~1e-16/h, both far below 1e-8, so they serve as the exact gradient. The
 * network computes in float32 (unit round-off 6e-8); each gradient entry is a sum of a few dozen
 * products here, so its relative error stays around 1e-6. We require every entry within
 * 1e-4 * |exact| + 1e-6 * max|gradient|: 100x looser than float noise, yet any real backprop bug
 * (a missing term, a wrong derivative, a transposed index) is off by far more than that.
 */
class GradientCheckTest {
    private static final int[] SIZES = {6, 5, 4, 3};
    /** Training set size for the L2 scale, deliberately different from the batch size. */
    private static final int M = 10;

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation a : Activation.values()) {
            for (Loss loss : Loss.values()) {
                for (float lambda : new float[] {0f, 0.7f}) {
                    cases.add(Arguments.of(new Activation[] {a, a}, loss, lambda));
                }
            }
        }
        cases.add(Arguments.of(new Activation[] {Activation.RELU, Activation.TANH}, Loss.SOFTMAX_CROSS_ENTROPY, 0.3f));
        cases.add(Arguments.of(
                new Activation[] {Activation.LEAKY_RELU, Activation.SIGMOID}, Loss.SIGMOID_CROSS_ENTROPY, 0.3f));
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} lambda={2}")
    @MethodSource("cases")
    void backpropMatchesNumericalGradient(Activation[] hidden, Loss loss, float lambda) {
        Architecture arch = new Architecture(SIZES, hidden, loss);
        Digits data = TestDigits.random(4, 2, 3, 3, 11);
        Network net = new Network(arch, 3); // batch of 4 in chunks of 3: chunking is covered too
        Rng rng = new Rng(5);
        float[] params = new float[arch.parameterCount()];
        for (int k = 0; k < params.length; k++) {
            params[k] = (rng.nextFloat() * 2 - 1) * 0.9f; // biases too, so no unit sits exactly at 0
        }
        net.setParameters(params);

        double cost = net.lossAndGradient(data, null, 0, data.count(), lambda, M);
        float[] backprop = net.gradient().clone();

        double[] theta = new double[params.length];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = params[k];
        }
        assertEquals(referenceCost(arch, theta, data, lambda), cost, 1e-5 * Math.abs(cost), "cost");

        double h = 1e-6;
        double[] numeric = new double[theta.length];
        double largest = 0;
        for (int k = 0; k < theta.length; k++) {
            double saved = theta[k];
            theta[k] = saved + h;
            double plus = referenceCost(arch, theta, data, lambda);
            theta[k] = saved - h;
            double minus = referenceCost(arch, theta, data, lambda);
            theta[k] = saved;
            numeric[k] = (plus - minus) / (2 * h);
            largest = Math.max(largest, Math.abs(numeric[k]));
        }
        assertTrue(largest > 1e-3, "gradient should not vanish in this set-up");
        for (int k = 0; k < theta.length; k++) {
            double tolerance = 1e-4 * Math.abs(numeric[k]) + 1e-6 * largest;
            assertEquals(numeric[k], backprop[k], tolerance, "gradient entry " + k);
        }
    }

    /** J(theta) in double: mean per-example cost + lambda/(2M) * sum of squared weights. */
    static double referenceCost(Architecture arch, double[] theta, Digits data, float lambda) {
        int layers = arch.layerCount();
        double total = 0;
        for (int e = 0; e < data.count(); e++) {
            double[] a = new double[arch.inputSize()];
            for (int p = 0; p < a.length; p++) {
                a[p] = data.pixel(e, p) / 255.0;
            }
            double[] z = null;
            for (int l = 1; l < layers; l++) {
                int in = arch.size(l - 1);
                int out = arch.size(l);
                int w = arch.weightOffset(l);
                int b = w + in * out;
                z = new double[out];
                for (int j = 0; j < out; j++) {
                    double sum = theta[b + j];
                    for (int i = 0; i < in; i++) {
                        sum += a[i] * theta[w + i * out + j];
                    }
                    z[j] = sum;
                }
                if (l < layers - 1) {
                    a = new double[out];
                    for (int j = 0; j < out; j++) {
                        a[j] = activation(arch.activation(l), z[j]);
                    }
                }
            }
            total += exampleCost(arch.loss(), z, data.label(e));
        }
        double squares = 0;
        for (int l = 1; l < layers; l++) {
            int w = arch.weightOffset(l);
            for (int k = w; k < w + arch.size(l - 1) * arch.size(l); k++) {
                squares += theta[k] * theta[k];
            }
        }
        return total / data.count() + lambda / (2.0 * M) * squares;
    }

    private static double activation(Activation a, double z) {
        switch (a) {
            case SIGMOID:
                return 1 / (1 + Math.exp(-z));
            case TANH:
                return Math.tanh(z);
            case RELU:
                return Math.max(0, z);
            case LEAKY_RELU:
                return z > 0 ? z : 0.01 * z;
            default:
                return z;
        }
    }

    private static double exampleCost(Loss loss, double[] z, int label) {
        double cost = 0;
        switch (loss) {
            case SOFTMAX_CROSS_ENTROPY: {
                double sum = 0;
                for (double v : z) {
                    sum += Math.exp(v);
                }
                return -Math.log(Math.exp(z[label]) / sum);
            }
            case SIGMOID_CROSS_ENTROPY:
                for (int k = 0; k < z.length; k++) {
                    double h = 1 / (1 + Math.exp(-z[k]));
                    cost += k == label ? -Math.log(h) : -Math.log(1 - h);
                }
                return cost;
            case QUADRATIC:
                for (int k = 0; k < z.length; k++) {
                    double diff = 1 / (1 + Math.exp(-z[k])) - (k == label ? 1 : 0);
                    cost += 0.5 * diff * diff;
                }
                return cost;
            default:
                throw new AssertionError("no reference cost for " + loss);
        }
    }
}
