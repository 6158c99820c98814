package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.Digits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation against numerical differentiation, over one list of networks that reaches every layer
 * implementation: dense layers with every hidden activation x loss (softmax, logistic, quadratic);
 * convolutions with stride 1 and 2, same and valid padding, odd and even kernels, one and several input
 * channels, each run three ways (the ways chosen by counting zeros, as in training, and each of its two
 * ways forced: scattering the non-zero inputs, or im2col with the non-zero output gradients);
 * max-pools, overlapping or not, over the input and over convolutions, with ties; dense layers after
 * convolutions and pools. A new layer type is checked by adding networks with it to {@link #cases()} and
 * its plain forward pass to {@link ReferenceNetwork}.
 *
 * <p>How: the cost is re-implemented in double precision in {@link ReferenceNetwork}, independently of
 * {@link Network} and the layers. Its central differences with h = 1e-6 have truncation error ~h^2 and
 * rounding error ~1e-16/h, both far below 1e-8, so they serve as the exact gradient. The network computes
 * in float32 (unit round-off 6e-8); each gradient entry is a sum of a few dozen products here, so its
 * relative error stays around 1e-6. We require every entry within 1e-4 * |exact| + 1e-6 * max|gradient|:
 * 100x looser than float noise, yet any real backprop bug (a missing term, a wrong derivative, a
 * transposed index, an off-by-one window) is off by far more than that. The cost itself must match the
 * reference too, which checks the forward pass (shapes, padding, strides) on its own.
 */
class GradientCheckTest {
    /** Training set size for the L2 scale, deliberately different from the batch size. */
    private static final int M = 10;

    /** One network to check: its layers, the data, and the way its convolutions run. */
    record Case(String name, Architecture arch, Digits data, float lambda, ConvLayer.Route route) {
        @Override
        public String toString() {
            return name + " [" + arch + ", lambda " + lambda + (hasConv() ? ", " + route : "") + "]";
        }

        boolean hasConv() {
            return !arch.isDense() && arch.layers().specs().stream().anyMatch(s -> s instanceof ConvLayer.Spec);
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Dense only, as before convolutions: every hidden activation with every loss.
        Digits small = TestDigits.random(4, 2, 3, 3, 11);
        for (Activation a : Activation.values()) {
            for (Loss loss : Loss.values()) {
                for (float lambda : new float[] {0f, 0.7f}) {
                    cases.add(dense("dense", new Activation[] {a, a}, loss, small, lambda));
                }
            }
        }
        cases.add(dense(
                "dense, mixed",
                new Activation[] {Activation.RELU, Activation.TANH},
                Loss.SOFTMAX_CROSS_ENTROPY,
                small,
                0.3f));
        cases.add(dense(
                "dense, mixed",
                new Activation[] {Activation.LEAKY_RELU, Activation.SIGMOID},
                Loss.SIGMOID_CROSS_ENTROPY,
                small,
                0.3f));

        // Convolutions and pools, each convolution network three ways.
        addConv(
                cases,
                "conv same stride 1 on 2 input channels, dense after it",
                new Shape(2, 5, 5),
                List.of(conv(3, 3, 1, ConvLayer.Padding.SAME), new DenseLayer.Spec(4)),
                Activation.RELU,
                Loss.SOFTMAX_CROSS_ENTROPY,
                TestDigits.random(4, 5, 10, 4, 21),
                0.7f);
        addConv(
                cases,
                "conv valid stride 1, then conv same with an even kernel on 3 channels",
                new Shape(1, 6, 6),
                List.of(
                        conv(3, 3, 1, ConvLayer.Padding.VALID),
                        conv(2, 2, 1, ConvLayer.Padding.SAME),
                        new DenseLayer.Spec(3)),
                Activation.TANH,
                Loss.SIGMOID_CROSS_ENTROPY,
                TestDigits.random(4, 6, 6, 3, 22),
                0f);
        addConv(
                cases,
                "conv same stride 2 on an odd map",
                new Shape(1, 7, 7),
                List.of(conv(2, 3, 2, ConvLayer.Padding.SAME), new DenseLayer.Spec(3)),
                Activation.SIGMOID,
                Loss.SOFTMAX_CROSS_ENTROPY,
                TestDigits.random(4, 7, 7, 3, 23),
                0.7f);
        addConv(
                cases,
                "conv valid stride 2, even kernel, 2 channels, then conv valid stride 2",
                new Shape(2, 6, 6),
                List.of(
                        conv(2, 2, 2, ConvLayer.Padding.VALID),
                        conv(3, 2, 2, ConvLayer.Padding.VALID),
                        new DenseLayer.Spec(3)),
                Activation.LEAKY_RELU,
                Loss.QUADRATIC,
                TestDigits.random(4, 6, 12, 3, 24),
                0.7f);
        addConv(
                cases,
                "conv same with a 4x4 kernel on 5x5 (uneven padding), dense input images",
                new Shape(1, 5, 5),
                List.of(conv(2, 4, 1, ConvLayer.Padding.SAME), new DenseLayer.Spec(3)),
                Activation.RELU,
                Loss.SOFTMAX_CROSS_ENTROPY,
                TestDigits.noisy(4, 5, 5, 3, 25),
                0f);
        addConv(
                cases,
                "ConvNetJS's pattern: conv, pool, conv, pool, dense",
                new Shape(1, 8, 8),
                List.of(
                        conv(3, 3, 1, ConvLayer.Padding.SAME),
                        new MaxPoolLayer.Spec(2, 2),
                        conv(2, 3, 1, ConvLayer.Padding.SAME),
                        new MaxPoolLayer.Spec(2, 2),
                        new DenseLayer.Spec(3)),
                Activation.RELU,
                Loss.SOFTMAX_CROSS_ENTROPY,
                TestDigits.random(4, 8, 8, 3, 26),
                0.7f);
        addConv(
                cases,
                "pool over the input, then conv",
                new Shape(1, 6, 6),
                List.of(new MaxPoolLayer.Spec(2, 2), conv(2, 2, 1, ConvLayer.Padding.VALID), new DenseLayer.Spec(3)),
                Activation.TANH,
                Loss.SOFTMAX_CROSS_ENTROPY,
                TestDigits.random(4, 6, 6, 3, 27),
                0f);
        addConv(
                cases,
                "overlapping 3x3 pool, stride 2, with ties (zero regions give equal outputs)",
                new Shape(1, 7, 7),
                List.of(conv(2, 2, 1, ConvLayer.Padding.SAME), new MaxPoolLayer.Spec(3, 2), new DenseLayer.Spec(3)),
                Activation.LINEAR,
                Loss.SOFTMAX_CROSS_ENTROPY,
                TestDigits.patches(4, 7, 3, 28),
                0.7f);
        return cases;
    }

    private static Case dense(String name, Activation[] hidden, Loss loss, Digits data, float lambda) {
        return new Case(
                name, new Architecture(new int[] {6, 5, 4, 3}, hidden, loss), data, lambda, ConvLayer.Route.BY_ZEROS);
    }

    private static ConvLayer.Spec conv(int filters, int kernel, int stride, ConvLayer.Padding padding) {
        return new ConvLayer.Spec(filters, kernel, stride, padding);
    }

    private static void addConv(
            List<Case> cases,
            String name,
            Shape input,
            List<LayerSpec> specs,
            Activation activation,
            Loss loss,
            Digits data,
            float lambda) {
        Architecture arch = new Architecture(new LayerStack(input, specs), new Activation[] {activation}, loss);
        for (ConvLayer.Route route : ConvLayer.Route.values()) {
            cases.add(new Case(name, arch, data, lambda, route));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backpropMatchesNumericalGradient(Case c) {
        Architecture arch = c.arch();
        Digits data = c.data();
        Network net = new Network(arch, 3); // batch of 4 in chunks of 3: per-example work memory across chunks
        for (int l = 1; l < arch.layerCount(); l++) {
            if (net.layer(l) instanceof ConvLayer conv) {
                conv.route = c.route();
            }
        }
        Rng rng = new Rng(5);
        float[] params = new float[arch.parameterCount()];
        for (int k = 0; k < params.length; k++) {
            params[k] = (rng.nextFloat() * 2 - 1) * 0.9f; // biases too, so no unit sits exactly at 0
        }
        net.setParameters(params);

        double cost = net.lossAndGradient(data, null, 0, data.count(), c.lambda(), M);
        float[] backprop = net.gradient().clone();

        double[] theta = new double[params.length];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = params[k];
        }
        assertEquals(ReferenceNetwork.cost(arch, theta, data, c.lambda(), M), cost, 1e-5 * Math.abs(cost), "cost");

        double h = 1e-6;
        double[] numeric = new double[theta.length];
        double largest = 0;
        for (int k = 0; k < theta.length; k++) {
            double saved = theta[k];
            theta[k] = saved + h;
            double plus = ReferenceNetwork.cost(arch, theta, data, c.lambda(), M);
            theta[k] = saved - h;
            double minus = ReferenceNetwork.cost(arch, theta, data, c.lambda(), M);
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
}
