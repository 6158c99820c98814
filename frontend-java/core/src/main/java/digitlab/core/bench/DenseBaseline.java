package digitlab.core.bench;

import digitlab.core.data.Digits;
import digitlab.core.data.Pixels;
import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.Loss;
import digitlab.core.nn.Network;
import java.util.Arrays;

/**
 * The benchmark's yardstick: the same training step as {@link Network} for one sigmoid hidden layer,
 * softmax cross-entropy and plain SGD, written the straightforward dense way: weights output-major
 * ({@code W[j][i]}), every input multiplied, zero or not. Its results equal the sparse network's (a test
 * checks that); only its speed differs, which is what {@link Benchmark} reports.
 */
public final class DenseBaseline {
    private final int inputs;
    private final int hidden;
    private final int outputs;
    private final int maxBatch;
    private final float[] w1; // hidden x inputs
    private final float[] b1;
    private final float[] w2; // outputs x hidden
    private final float[] b2;
    private final float[] gw1;
    private final float[] gb1;
    private final float[] gw2;
    private final float[] gb2;
    private final float[] x;
    private final float[] a1;
    private final float[] p;
    private final float[] d1;
    private final float[] d2;
    private final int[] labels;

    /**
     * A copy of {@code network}'s current weights.
     *
     * @throws IllegalArgumentException unless the network is input-hidden-output with a sigmoid hidden
     *         layer and softmax output
     */
    public DenseBaseline(Network network) {
        Architecture arch = network.architecture();
        if (arch.layerCount() != 3
                || arch.activation(1) != Activation.SIGMOID
                || arch.loss() != Loss.SOFTMAX_CROSS_ENTROPY) {
            throw new IllegalArgumentException(
                    "the dense baseline covers only one sigmoid hidden layer with softmax, not " + arch);
        }
        inputs = arch.size(0);
        hidden = arch.size(1);
        outputs = arch.size(2);
        maxBatch = network.maxBatch();
        w1 = new float[hidden * inputs];
        b1 = new float[hidden];
        w2 = new float[outputs * hidden];
        b2 = new float[outputs];
        gw1 = new float[w1.length];
        gb1 = new float[hidden];
        gw2 = new float[w2.length];
        gb2 = new float[outputs];
        x = new float[maxBatch * inputs];
        a1 = new float[maxBatch * hidden];
        p = new float[maxBatch * outputs];
        d1 = new float[maxBatch * hidden];
        d2 = new float[maxBatch * outputs];
        labels = new int[maxBatch];
        float[] params = network.parameters();
        int o2 = arch.weightOffset(2);
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < hidden; j++) {
                w1[j * inputs + i] = params[i * hidden + j];
            }
        }
        System.arraycopy(params, inputs * hidden, b1, 0, hidden);
        for (int i = 0; i < hidden; i++) {
            for (int j = 0; j < outputs; j++) {
                w2[j * hidden + i] = params[o2 + i * outputs + j];
            }
        }
        System.arraycopy(params, o2 + hidden * outputs, b2, 0, outputs);
    }

    /**
     * One SGD step on examples {@code order[from..from+count)} of {@code data}.
     *
     * @return the mean cross-entropy of those examples before the update
     */
    public double step(Digits data, int[] order, int from, int count, float learningRate) {
        byte[] pixels = data.pixels();
        for (int e = 0; e < count; e++) {
            int example = order[from + e];
            for (int i = 0; i < inputs; i++) {
                x[e * inputs + i] = Pixels.input(pixels[example * inputs + i]);
            }
            labels[e] = data.label(example);
        }
        // forward
        double cost = 0;
        for (int e = 0; e < count; e++) {
            for (int j = 0; j < hidden; j++) {
                float z = b1[j];
                for (int i = 0; i < inputs; i++) {
                    z += x[e * inputs + i] * w1[j * inputs + i];
                }
                a1[e * hidden + j] = Activation.SIGMOID.value(z);
            }
            float[] z2 = d2; // borrow the delta row for the logits
            for (int k = 0; k < outputs; k++) {
                float z = b2[k];
                for (int j = 0; j < hidden; j++) {
                    z += a1[e * hidden + j] * w2[k * hidden + j];
                }
                z2[e * outputs + k] = z;
            }
            cost += Loss.SOFTMAX_CROSS_ENTROPY.cost(z2, e * outputs, outputs, labels[e]);
            Loss.SOFTMAX_CROSS_ENTROPY.outputs(z2, p, e * outputs, outputs);
        }
        // backward
        Arrays.fill(gw1, 0f);
        Arrays.fill(gb1, 0f);
        Arrays.fill(gw2, 0f);
        Arrays.fill(gb2, 0f);
        float scale = 1f / count;
        for (int e = 0; e < count; e++) {
            for (int k = 0; k < outputs; k++) {
                d2[e * outputs + k] = scale * (p[e * outputs + k] - (k == labels[e] ? 1f : 0f));
            }
        }
        for (int e = 0; e < count; e++) {
            for (int k = 0; k < outputs; k++) {
                float d = d2[e * outputs + k];
                gb2[k] += d;
                for (int j = 0; j < hidden; j++) {
                    gw2[k * hidden + j] += a1[e * hidden + j] * d;
                }
            }
            for (int j = 0; j < hidden; j++) {
                float sum = 0f;
                for (int k = 0; k < outputs; k++) {
                    sum += w2[k * hidden + j] * d2[e * outputs + k];
                }
                float a = a1[e * hidden + j];
                d1[e * hidden + j] = sum * (a * (1f - a));
            }
            for (int j = 0; j < hidden; j++) {
                float d = d1[e * hidden + j];
                gb1[j] += d;
                for (int i = 0; i < inputs; i++) {
                    gw1[j * inputs + i] += x[e * inputs + i] * d;
                }
            }
        }
        // update
        sgd(w1, gw1, learningRate);
        sgd(b1, gb1, learningRate);
        sgd(w2, gw2, learningRate);
        sgd(b2, gb2, learningRate);
        return cost / count;
    }

    private static void sgd(float[] params, float[] grads, float rate) {
        for (int k = 0; k < params.length; k++) {
            params[k] -= rate * grads[k];
        }
    }

    /** The weights in {@link Network}'s layout (see {@link Architecture}), for comparison. */
    public float[] parametersInNetworkLayout() {
        float[] out = new float[w1.length + b1.length + w2.length + b2.length];
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < hidden; j++) {
                out[i * hidden + j] = w1[j * inputs + i];
            }
        }
        System.arraycopy(b1, 0, out, inputs * hidden, hidden);
        int o2 = inputs * hidden + hidden;
        for (int i = 0; i < hidden; i++) {
            for (int j = 0; j < outputs; j++) {
                out[o2 + i * outputs + j] = w2[j * hidden + i];
            }
        }
        System.arraycopy(b2, 0, out, o2 + hidden * outputs, outputs);
        return out;
    }
}
