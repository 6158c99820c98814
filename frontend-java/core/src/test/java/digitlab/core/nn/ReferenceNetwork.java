package digitlab.core.nn;

import digitlab.core.data.Digits;

/**
 * The training cost of a network written again, plainly and in double precision, independently of
 * {@link Network} and the layer classes: textbook loops per layer type (a convolution as its defining
 * sum over each window, no zero skipping, no im2col), its own activation and loss formulas. The gradient
 * check differentiates it numerically. A new layer type adds its plain forward pass to {@link #layer}.
 */
final class ReferenceNetwork {
    private ReferenceNetwork() {}

    /** J(theta) = mean per-example cost + lambda/(2m) * sum of squared weights (not biases). */
    static double cost(Architecture arch, double[] theta, Digits data, float lambda, int m) {
        int last = arch.layerCount() - 1;
        double total = 0;
        for (int e = 0; e < data.count(); e++) {
            double[] a = new double[arch.inputSize()];
            for (int p = 0; p < a.length; p++) {
                a[p] = data.pixel(e, p) / 255.0;
            }
            double[] z = null;
            for (int l = 1; l <= last; l++) {
                z = layer(arch.layers().spec(l), arch.shape(l - 1), theta, arch.weightOffset(l), a);
                if (l < last) {
                    Activation act = arch.activation(l);
                    a = new double[z.length];
                    for (int j = 0; j < z.length; j++) {
                        a[j] = act == null ? z[j] : activation(act, z[j]);
                    }
                }
            }
            total += exampleCost(arch.loss(), z, data.label(e));
        }
        double squares = 0;
        for (int l = 1; l <= last; l++) {
            int w = arch.weightOffset(l);
            for (int k = w; k < w + weightCount(arch.layers().spec(l), arch.shape(l - 1)); k++) {
                squares += theta[k] * theta[k];
            }
        }
        return total / data.count() + lambda / (2.0 * m) * squares;
    }

    /** One layer's output for one example's input {@code x}, its parameters from {@code offset}. */
    private static double[] layer(LayerSpec spec, Shape in, double[] theta, int offset, double[] x) {
        if (spec instanceof DenseLayer.Spec dense) {
            return dense(dense, in, theta, offset, x);
        }
        if (spec instanceof ConvLayer.Spec conv) {
            return conv(conv, in, theta, offset, x);
        }
        if (spec instanceof MaxPoolLayer.Spec pool) {
            return maxPool(pool, in, x);
        }
        throw new AssertionError("no reference for " + spec);
    }

    private static int weightCount(LayerSpec spec, Shape in) {
        if (spec instanceof DenseLayer.Spec dense) {
            return in.size() * dense.units();
        }
        if (spec instanceof ConvLayer.Spec conv) {
            return conv.filters() * in.channels() * conv.kernel() * conv.kernel();
        }
        return 0;
    }

    /** z[j] = b[j] + sum_i x[i] W[i][j], W input-major, then b. */
    private static double[] dense(DenseLayer.Spec spec, Shape in, double[] theta, int offset, double[] x) {
        int inputs = in.size();
        int outputs = spec.units();
        int bias = offset + inputs * outputs;
        double[] z = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            double sum = theta[bias + j];
            for (int i = 0; i < inputs; i++) {
                sum += x[i] * theta[offset + i * outputs + j];
            }
            z[j] = sum;
        }
        return z;
    }

    /**
     * z[f][oy][ox] = b[f] + sum over c, ky, kx of W[f][c][ky][kx] * x[c][oy*s + ky - top][ox*s + kx - left],
     * reading 0 outside the map. "same": out = ceil(in/s), padding (out-1)*s + k - in split with the
     * smaller half first; "valid": out = floor((in-k)/s) + 1, no padding.
     */
    private static double[] conv(ConvLayer.Spec spec, Shape in, double[] theta, int offset, double[] x) {
        int k = spec.kernel();
        int s = spec.stride();
        boolean same = spec.padding() == ConvLayer.Padding.SAME;
        int outH = same ? (int) Math.ceil(in.height() / (double) s) : (in.height() - k) / s + 1;
        int outW = same ? (int) Math.ceil(in.width() / (double) s) : (in.width() - k) / s + 1;
        int top = same ? Math.max((outH - 1) * s + k - in.height(), 0) / 2 : 0;
        int left = same ? Math.max((outW - 1) * s + k - in.width(), 0) / 2 : 0;
        int channels = in.channels();
        int bias = offset + spec.filters() * channels * k * k;
        double[] z = new double[spec.filters() * outH * outW];
        for (int f = 0; f < spec.filters(); f++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    double sum = theta[bias + f];
                    for (int c = 0; c < channels; c++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int iy = oy * s + ky - top;
                                int ix = ox * s + kx - left;
                                if (iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width()) {
                                    double w = theta[offset + ((f * channels + c) * k + ky) * k + kx];
                                    sum += w * x[(c * in.height() + iy) * in.width() + ix];
                                }
                            }
                        }
                    }
                    z[(f * outH + oy) * outW + ox] = sum;
                }
            }
        }
        return z;
    }

    /** The largest value of each window inside the map. */
    private static double[] maxPool(MaxPoolLayer.Spec spec, Shape in, double[] x) {
        int size = spec.size();
        int s = spec.stride();
        int outH = (in.height() - size) / s + 1;
        int outW = (in.width() - size) / s + 1;
        double[] z = new double[in.channels() * outH * outW];
        for (int c = 0; c < in.channels(); c++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < size; dy++) {
                        for (int dx = 0; dx < size; dx++) {
                            max = Math.max(max, x[(c * in.height() + oy * s + dy) * in.width() + ox * s + dx]);
                        }
                    }
                    z[(c * outH + oy) * outW + ox] = max;
                }
            }
        }
        return z;
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
