package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import digitlab.core.data.Digits;
import org.junit.jupiter.api.Test;

/** A network with convolutions and pools: its read-outs, and the two ways of a convolution agreeing. */
class ConvNetworkTest {
    private static final Architecture NET = new Architecture(
            LayerGrammar.parse("64,c3k3,p2,c2k3,8,4"), new Activation[] {Activation.RELU}, Loss.SOFTMAX_CROSS_ENTROPY);

    @Test
    void allActivationsHoldEveryLayersVolumeFlattened() {
        Network network = new Network(NET, 4);
        network.initialise(Init.HE, new Rng(3));
        float[] input = new float[64];
        for (int p = 0; p < 64; p += 3) {
            input[p] = p / 64f;
        }
        int[] sizes = NET.sizes();
        assertArrayEquals(new int[] {64, 3 * 8 * 8, 3 * 4 * 4, 2 * 4 * 4, 8, 4}, sizes);
        float[] all = new float[64 + 192 + 48 + 32 + 8 + 4];
        int predicted = network.allActivations(input, all);

        int at = 0;
        for (int l = 0; l < sizes.length; l++) {
            float[] expected = new float[sizes[l]];
            if (l == 0) {
                expected = input;
            } else {
                network.activations(input, l, expected);
            }
            float[] got = new float[sizes[l]];
            System.arraycopy(all, at, got, 0, sizes[l]);
            assertArrayEquals(expected, got, 0f, "layer " + l);
            at += sizes[l];
        }
        float[] output = new float[4];
        assertEquals(network.predict(input, output), predicted);
    }

    @Test
    void firstLayerWeightsAreTheFiltersOneAfterAnother() {
        Network network = new Network(NET, 1);
        network.initialise(Init.HE, new Rng(4));
        assertEquals(3, network.firstLayerUnits());
        assertEquals(9, network.firstLayerWeightsPerUnit());
        float[] filters = new float[27];
        network.copyFirstLayerWeights(filters);
        float[] expected = new float[27];
        System.arraycopy(network.parameters(), 0, expected, 0, 27);
        assertArrayEquals(expected, filters, 0f);

        Network pooled = new Network(
                new Architecture(LayerGrammar.parse("64,p2,4"), new Activation[0], Loss.SOFTMAX_CROSS_ENTROPY), 1);
        assertThrows(IllegalStateException.class, () -> pooled.copyFirstLayerWeights(new float[16]));
    }

    @Test
    void anyLayersWeightsCopyUnitByUnit() {
        Network network = new Network(NET, 1);
        network.initialise(Init.HE, new Rng(5));
        // 64,c3k3,p2,c2k3,8,4: the second convolution (layer 3) has 2 filters of 3 channels x 3x3.
        assertEquals(2, network.units(3));
        assertEquals(27, network.weightsPerUnit(3));
        assertEquals(0, network.units(2), "a pool has no units with weights");
        float[] filters = new float[54];
        network.copyWeightsByUnit(3, filters);
        float[] expected = new float[54];
        System.arraycopy(network.parameters(), NET.weightOffset(3), expected, 0, 54);
        assertArrayEquals(expected, filters, 0f);
        float[] first = new float[27];
        network.copyWeightsByUnit(1, first);
        float[] firstExpected = new float[27];
        network.copyFirstLayerWeights(firstExpected);
        assertArrayEquals(firstExpected, first, 0f);
        assertThrows(IllegalArgumentException.class, () -> network.copyWeightsByUnit(3, new float[53]));
        assertThrows(IllegalArgumentException.class, () -> network.units(6));
    }

    @Test
    void bothWaysOfAConvolutionComputeTheSameStep() {
        Digits sparse = TestDigits.random(8, 8, 8, 4, 31);
        Digits dense = TestDigits.noisy(8, 8, 8, 4, 32);
        for (Digits data : new Digits[] {sparse, dense}) {
            float[] previous = null;
            for (ConvLayer.Route route : ConvLayer.Route.values()) {
                Network network = new Network(NET, 8);
                network.initialise(Init.HE, new Rng(5));
                for (int l = 1; l < NET.layerCount(); l++) {
                    if (network.layer(l) instanceof ConvLayer conv) {
                        conv.route = route;
                    }
                }
                network.lossAndGradient(data, null, 0, 8, 0f, 8);
                float[] gradient = network.gradient().clone();
                if (previous != null) {
                    assertArrayEquals(previous, gradient, 1e-5f, route.toString());
                }
                previous = gradient;
            }
        }
    }
}
