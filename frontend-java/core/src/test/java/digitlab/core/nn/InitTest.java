package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InitTest {
    @Test
    void normalDrawsWeightsAndBiasesFromAStandardNormal() {
        // Nielsen's network.py: np.random.randn for every weight and bias, 784-1000-10 here so the
        // 1,010 biases estimate a mean and a standard deviation to within a few hundredths.
        Architecture arch =
                new Architecture(new int[] {784, 1000, 10}, new Activation[] {Activation.SIGMOID}, Loss.QUADRATIC);
        Network net = new Network(arch, 1);
        net.initialise(Init.NORMAL, new Rng(1));
        float[] p = net.parameters();
        double[] weights = new double[2];
        double[] biases = new double[2];
        int biasCount = 0;
        for (int l = 1; l < arch.layerCount(); l++) {
            int w = arch.weightOffset(l);
            int b = w + arch.size(l - 1) * arch.size(l);
            for (int k = w; k < b + arch.size(l); k++) {
                double[] sums = k < b ? weights : biases;
                double v = p[k];
                sums[0] += v;
                sums[1] += v * v;
            }
            biasCount += arch.size(l);
        }
        int weightCount = p.length - biasCount;
        assertEquals(0, weights[0] / weightCount, 0.01, "weight mean");
        assertEquals(1, Math.sqrt(weights[1] / weightCount), 0.01, "weight standard deviation");
        assertEquals(0, biases[0] / biasCount, 0.12, "bias mean");
        assertEquals(1, Math.sqrt(biases[1] / biasCount), 0.12, "bias standard deviation");
    }

    /**
     * The other schemes' parameters and the generator's state after them, pinned: these seeded runs (and
     * saved experiments) must not change when a scheme is added. Values taken before biases could be drawn.
     */
    @Test
    void zeroBiasSchemesDrawWhatTheyAlwaysDrew() {
        Architecture arch =
                new Architecture(new int[] {6, 5, 4}, new Activation[] {Activation.TANH}, Loss.SOFTMAX_CROSS_ENTROPY);
        Init[] schemes = {Init.UNIFORM, Init.XAVIER, Init.HE};
        int[] parameterHashes = {1300108780, -1258609190, -1140539787};
        int[] nextInts = {136726022, 1106353270, 1106353270};
        for (int s = 0; s < schemes.length; s++) {
            Network net = new Network(arch, 1);
            Rng rng = new Rng(7);
            net.initialise(schemes[s], rng);
            assertEquals(parameterHashes[s], Arrays.hashCode(net.parameters()), schemes[s].id());
            assertEquals(nextInts[s], rng.nextInt(), schemes[s].id() + ": the draws that follow");
        }
    }
}
