package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.core.bench.DenseBaseline;
import digitlab.core.data.Digits;
import digitlab.core.nn.optim.Sgd;
import org.junit.jupiter.api.Test;

/**
 * The sparse network (zero inputs skipped) and the benchmark's straightforward dense baseline compute
 * the same training steps: their sums run in the same order, so the weights agree to the last bits.
 */
class SparseMatchesDenseTest {
    @Test
    void sameWeightsAfterSeveralSgdSteps() {
        Digits data = TestDigits.random(96, 28, 28, 10, 8); // ~80% zero pixels, like MNIST
        Architecture arch = new Architecture(
                new int[] {784, 24, 10}, new Activation[] {Activation.SIGMOID}, Loss.SOFTMAX_CROSS_ENTROPY);
        Network net = new Network(arch, 32);
        net.initialise(Init.UNIFORM, new Rng(4));
        DenseBaseline dense = new DenseBaseline(net);
        Sgd sgd = new Sgd();
        int[] order = new int[data.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = order.length - 1 - i;
        }
        for (int from = 0; from < 96; from += 32) {
            double sparseCost = net.lossAndGradient(data, order, from, 32, 0f, 96);
            sgd.update(net.parameters(), net.gradient(), 0.5f);
            double denseCost = dense.step(data, order, from, 32, 0.5f);
            assertEquals(denseCost, sparseCost, 1e-6);
        }
        float[] sparse = net.parameters();
        float[] baseline = dense.parametersInNetworkLayout();
        for (int k = 0; k < sparse.length; k++) {
            assertEquals(baseline[k], sparse[k], 1e-6f, "parameter " + k);
        }
    }
}
