package digitlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.core.data.Digits;
import digitlab.core.nn.Network;
import digitlab.core.nn.Rng;
import digitlab.core.nn.TestDigits;
import digitlab.core.nn.optim.DifferentiableFunction;
import digitlab.core.nn.optim.Lbfgs;
import digitlab.core.run.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The full-batch cost keeps the {@link DifferentiableFunction} contract: it uses the arrays it is given. */
class FullBatchCostTest {
    private static final Digits DATA = TestDigits.synthetic(200, 4, 2);
    private static final TrainingConfig CONFIG =
            TrainingConfig.fromQuery("layers=16,8,10&act=tanh&opt=lbfgs&lambda=0.5&seed=4");

    private static Network network() {
        Network network = new Network(CONFIG.architecture(), 64);
        network.initialise(CONFIG.init(), new Rng(CONFIG.seed()));
        return network;
    }

    private static FullBatchCost cost(Network network) {
        return new FullBatchCost(network, CONFIG.lambda()).over(DATA, DATA.count());
    }

    @Test
    void evaluatesAtTheGivenPointIntoTheGivenGradient() {
        Network network = network();
        double inPlace = cost(network).valueAndGradient(network.parameters(), network.gradient());
        float[] gradientInPlace = network.gradient().clone();
        float[] x = network.parameters().clone();

        Network other = network();
        other.parameters()[0] += 1f; // somewhere else
        float[] g = new float[x.length];
        double atX = cost(other).valueAndGradient(x, g);

        assertEquals(inPlace, atX);
        assertArrayEquals(gradientInPlace, g);
    }

    @Test
    void lbfgsOnCopiesOfTheParametersMakesTheSameRunAsOnTheNetworksOwnArrays() {
        Network own = network();
        Network copied = network();
        float[] x = copied.parameters().clone();
        float[] g = new float[x.length];
        Lbfgs first = new Lbfgs(x.length, 5);
        Lbfgs second = new Lbfgs(x.length, 5);
        for (int i = 0; i < 10; i++) {
            double a = first.iterate(cost(own), own.parameters(), own.gradient());
            double b = second.iterate(cost(copied), x, g);
            assertEquals(a, b, "iteration " + i);
        }
        assertArrayEquals(own.parameters(), x);
        assertArrayEquals(own.gradient(), g);
    }
}
