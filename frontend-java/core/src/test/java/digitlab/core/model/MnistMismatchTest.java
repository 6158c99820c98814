package digitlab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.Loss;
import org.junit.jupiter.api.Test;

class MnistMismatchTest {
    private static Model model(int... sizes) {
        Architecture arch = new Architecture(sizes, new Activation[] {Activation.RELU}, Loss.SOFTMAX_CROSS_ENTROPY);
        return new Model(arch, new float[arch.parameterCount()], null, null);
    }

    @Test
    void onlyA784InputAnd10OutputModelReadsTheDigits() {
        assertNull(model(784, 16, 10).mnistMismatch());
        assertEquals(
                "it takes 5 inputs, but a digit is 28x28 = 784 pixels",
                model(5, 4, 10).mnistMismatch());
        assertEquals(
                "it has 2 outputs, but there are 10 digits", model(784, 4, 2).mnistMismatch());
    }
}
