package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NetworkActivationsTest {
    @Test
    void allActivationsMatchTheLayerByLayerViewAndThePrediction() {
        Architecture arch = new Architecture(
                new int[] {6, 5, 4, 3},
                new Activation[] {Activation.TANH, Activation.RELU},
                Loss.SOFTMAX_CROSS_ENTROPY);
        Network network = new Network(arch, 4);
        network.initialise(Init.XAVIER, new Rng(11));
        float[] input = {0f, 0.5f, 1f, 0.25f, 0f, 0.75f};

        float[] all = new float[6 + 5 + 4 + 3];
        int predicted = network.allActivations(input, all);

        float[] expected = new float[all.length];
        System.arraycopy(input, 0, expected, 0, 6);
        float[] hidden1 = new float[5];
        network.activations(input, 1, hidden1);
        System.arraycopy(hidden1, 0, expected, 6, 5);
        float[] hidden2 = new float[4];
        network.activations(input, 2, hidden2);
        System.arraycopy(hidden2, 0, expected, 11, 4);
        float[] output = new float[3];
        assertEquals(network.predict(input, output), predicted);
        System.arraycopy(output, 0, expected, 15, 3);
        assertArrayEquals(expected, all, 0f);

        assertThrows(IllegalArgumentException.class, () -> network.allActivations(input, new float[5]));
    }
}
