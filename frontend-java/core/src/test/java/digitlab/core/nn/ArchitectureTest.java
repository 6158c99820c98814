package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An architecture from widths behaves as before layers had types; one with convolutions adds pools and shapes. */
class ArchitectureTest {
    private static final Activation[] RELU = {Activation.RELU};

    @Test
    void aDenseNetworkFromWidthsIsAsBefore() {
        Architecture arch = new Architecture(
                new int[] {784, 64, 32, 10},
                new Activation[] {Activation.SIGMOID, Activation.TANH},
                Loss.SOFTMAX_CROSS_ENTROPY);
        assertEquals("784-64-32-10 sigmoid tanh softmax", arch.toString());
        assertArrayEquals(new int[] {784, 64, 32, 10}, arch.sizes());
        assertEquals(4, arch.layerCount());
        assertEquals(Activation.TANH, arch.activation(2));
        assertEquals(0, arch.weightOffset(1));
        assertEquals(784 * 64 + 64, arch.weightOffset(2));
        assertEquals(784 * 64 + 64 + 64 * 32 + 32, arch.weightOffset(3));
        assertEquals(Architecture.countParameters(arch.sizes()), arch.parameterCount());
        assertTrue(arch.isDense());
        assertEquals(
                arch,
                new Architecture(
                        LayerGrammar.parse("784,64,32,10"),
                        new Activation[] {Activation.SIGMOID, Activation.TANH},
                        Loss.SOFTMAX_CROSS_ENTROPY));
    }

    @Test
    void oneActivationServesEveryHiddenLayer() {
        Architecture arch = new Architecture(new int[] {784, 64, 32, 10}, RELU, Loss.SOFTMAX_CROSS_ENTROPY);
        assertArrayEquals(new Activation[] {Activation.RELU, Activation.RELU}, arch.hiddenActivations());
        assertEquals(
                0, new Architecture(new int[] {784, 10}, RELU, Loss.SOFTMAX_CROSS_ENTROPY).hiddenActivations().length);
    }

    @Test
    void aConvolutionalNetworkHasAnActivationPerLayerWithWeights() {
        Architecture arch = new Architecture(
                LayerGrammar.parse("784,c8k5,p2,c16k5,p3,10"),
                new Activation[] {Activation.RELU, Activation.TANH},
                Loss.SOFTMAX_CROSS_ENTROPY);
        assertEquals("784-c8k5-p2-c16k5-p3-10 relu tanh softmax", arch.toString());
        assertEquals(Activation.RELU, arch.activation(1));
        assertNull(arch.activation(2)); // a pool passes its maxima on as they are
        assertEquals(Activation.TANH, arch.activation(3));
        assertNull(arch.activation(4));
        assertEquals(0, arch.weightOffset(1));
        assertEquals(208, arch.weightOffset(2));
        assertEquals(208, arch.weightOffset(3));
        assertEquals(208 + 3216, arch.weightOffset(5));
        assertEquals(208 + 3216 + 2570, arch.parameterCount());
        assertEquals(new Shape(16, 4, 4), arch.shape(4));
        assertEquals(256, arch.size(4));
        assertEquals(784, arch.inputSize());
        assertEquals(10, arch.outputSize());
    }

    @Test
    void refusesWhatCannotTrainSayingWhy() {
        assertEquals(
                "2 hidden layers with weights need 2 activations (or one for all), got 3",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new Architecture(
                                        LayerGrammar.parse("784,c8k5,p2,c16k5,p3,10"),
                                        new Activation[] {Activation.RELU, Activation.RELU, Activation.RELU},
                                        Loss.SOFTMAX_CROSS_ENTROPY))
                        .getMessage());
        assertEquals(
                "the output layer must be a dense layer of one unit per class, got 'p2' (layer 2)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new Architecture(
                                        LayerGrammar.parse("784,c8k5,p2"), RELU, Loss.SOFTMAX_CROSS_ENTROPY))
                        .getMessage());
        assertEquals(
                "the output layer needs at least 2 classes",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new Architecture(new int[] {784, 1}, RELU, Loss.SOFTMAX_CROSS_ENTROPY))
                        .getMessage());
        assertEquals(
                "1 hidden layers need 1 activations (or one for all), got 2",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new Architecture(
                                        new int[] {784, 10, 10},
                                        new Activation[] {Activation.RELU, Activation.RELU},
                                        Loss.SOFTMAX_CROSS_ENTROPY))
                        .getMessage());
    }
}
