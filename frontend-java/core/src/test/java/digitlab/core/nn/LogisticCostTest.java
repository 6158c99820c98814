package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.core.data.Digits;
import org.junit.jupiter.api.Test;

/**
 * The cost the tutorials report (Andrew Ng's ex4 {@code nnCostFunction}), on networks small enough to
 * compute by hand:
 * <pre>
 *   J = (1/m) sum_examples sum_k [ -y_k log(h_k) - (1 - y_k) log(1 - h_k) ]  +  lambda/(2m) sum W^2
 * </pre>
 */
class LogisticCostTest {
    private static final Architecture TINY =
            new Architecture(new int[] {2, 2, 2}, new Activation[] {Activation.SIGMOID}, Loss.SIGMOID_CROSS_ENTROPY);

    /** Two 1x2 images: A = (1, 0) labelled 0, B = (0, 1) labelled 1. */
    private static final Digits TWO = new Digits(2, 1, 2, new byte[] {0, 1}, new byte[] {(byte) 255, 0, 0, (byte) 255});

    /**
     * Input-major weights and biases:
     * <pre>
     *   W1 = [[1, -1], [2, 0.5]]   (input 0 -> hidden 0,1; input 1 -> hidden 0,1),  b1 = [0, 0]
     *   W2 = [[1, -2], [0.5, 1]]   (hidden 0 -> out 0,1; hidden 1 -> out 0,1),      b2 = [0.1, -0.1]
     * </pre>
     */
    private static final float[] PARAMS = {1, -1, 2, 0.5f, 0, 0, 1, -2, 0.5f, 1, 0.1f, -0.1f};

    /*
     * By hand (s = sigmoid):
     *   A: a1 = (s(1), s(-1)) = (0.731059, 0.268941)
     *      z2 = (0.1 + 0.731059 + 0.5*0.268941, -0.1 - 2*0.731059 + 0.268941) = (0.965529, -1.293176)
     *      h  = (0.724227, 0.215316); label 0: cost = -log(0.724227) - log(1 - 0.215316) = 0.565124
     *   B: a1 = (s(2), s(0.5)) = (0.880797, 0.622459)
     *      z2 = (0.1 + 0.880797 + 0.5*0.622459, -0.1 - 2*0.880797 + 0.622459) = (1.292027, -1.239135)
     *      h  = (0.784490, 0.224587); label 1: cost = -log(1 - 0.784490) - log(0.224587) = 3.028242
     *   J = (0.565124 + 3.028242) / 2 = 1.796683
     *   sum of squared weights = (1 + 1 + 4 + 0.25) + (1 + 4 + 0.25 + 1) = 12.5; biases excluded
     *   lambda = 1, m = 2: J + 1/(2*2) * 12.5 = 1.796683 + 3.125 = 4.921683
     */
    private static final double J = 1.796682791084447;
    private static final double J_LAMBDA_1 = 4.9216827910844465;

    @Test
    void costWithoutRegularisation() {
        assertEquals(J, cost(0f), 1e-6);
    }

    @Test
    void costWithL2OnWeightsOnly() {
        assertEquals(J_LAMBDA_1, cost(1f), 1e-6);
    }

    @Test
    void zeroWeightsGiveLog2PerOutput() {
        // All parameters 0: every h = s(0) = 1/2 and each output costs -log(1/2), whatever the label.
        Network net = new Network(TINY, 4);
        assertEquals(2 * Math.log(2), net.lossAndGradient(TWO, null, 0, 2, 5f, 2), 1e-7);
    }

    @Test
    void softmaxWithZeroWeightsCostsLogK() {
        Architecture arch =
                new Architecture(new int[] {2, 3, 10}, new Activation[] {Activation.TANH}, Loss.SOFTMAX_CROSS_ENTROPY);
        Network net = new Network(arch, 4);
        assertEquals(Math.log(10), net.lossAndGradient(TWO, null, 0, 2, 0f, 2), 1e-6);
    }

    @Test
    void quadraticWithZeroWeightsCostsAnEighthPerOutput() {
        // Nielsen's 0.5 * ||a - y||^2 with every a = s(0) = 1/2: each of the 10 outputs adds 0.5 * (1/2)^2.
        Architecture arch =
                new Architecture(new int[] {2, 3, 10}, new Activation[] {Activation.SIGMOID}, Loss.QUADRATIC);
        Network net = new Network(arch, 4);
        assertEquals(10 * 0.125, net.lossAndGradient(TWO, null, 0, 2, 0f, 2), 1e-7);
    }

    private static double cost(float lambda) {
        Network net = new Network(TINY, 4);
        net.setParameters(PARAMS);
        return net.lossAndGradient(TWO, null, 0, 2, lambda, 2);
    }
}
