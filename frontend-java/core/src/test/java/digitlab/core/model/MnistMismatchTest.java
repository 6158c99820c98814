package digitlab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.ConvLayer;
import digitlab.core.nn.DenseLayer;
import digitlab.core.nn.LayerStack;
import digitlab.core.nn.Loss;
import digitlab.core.nn.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class MnistMismatchTest {
    private static Model model(int... sizes) {
        Architecture arch = new Architecture(sizes, new Activation[] {Activation.RELU}, Loss.SOFTMAX_CROSS_ENTROPY);
        return new Model(arch, new float[arch.parameterCount()], null, null);
    }

    @Test
    void only784Or400InputAnd10OutputModelsReadTheDigits() {
        assertNull(model(784, 16, 10).mnistMismatch());
        assertNull(model(400, 25, 10).mnistMismatch(), "the tutorials' 20x20 digit box");
        String choices = "but a digit is 28x28 = 784 pixels (the MNIST image as it is)"
                + " or 20x20 = 400 pixels (the digit's box area-averaged to 20x20)";
        assertEquals("it takes 5 inputs, " + choices, model(5, 4, 10).mnistMismatch());
        assertEquals("it takes 401 inputs, " + choices, model(401, 4, 10).mnistMismatch());
        assertEquals(
                "it has 2 outputs, but there are 10 digits", model(784, 4, 2).mnistMismatch());
    }

    @Test
    void aConvolutionMustSeeTheDigitAsOne28x28Map() {
        Architecture cnn = new Architecture(
                new LayerStack(
                        new Shape(4, 14, 14),
                        List.of(new ConvLayer.Spec(2, 3, 1, ConvLayer.Padding.SAME), new DenseLayer.Spec(10))),
                new Activation[] {Activation.RELU},
                Loss.SOFTMAX_CROSS_ENTROPY);
        assertEquals(
                "it reads its input as 4x14x14 maps, but a digit is one 28x28 map",
                new Model(cnn, new float[cnn.parameterCount()], null, null).mnistMismatch());
        Architecture flat = new Architecture(
                new LayerStack(new Shape(784, 1, 1), List.of(new DenseLayer.Spec(10))),
                new Activation[0],
                Loss.SOFTMAX_CROSS_ENTROPY);
        assertNull(
                new Model(flat, new float[flat.parameterCount()], null, null).mnistMismatch(),
                "a dense layer reads the 784 pixels in any shape");
        Architecture boxCnn = new Architecture(
                new LayerStack(
                        new Shape(1, 20, 20),
                        List.of(new ConvLayer.Spec(2, 5, 1, ConvLayer.Padding.SAME), new DenseLayer.Spec(10))),
                new Activation[] {Activation.RELU},
                Loss.SOFTMAX_CROSS_ENTROPY);
        assertNull(
                new Model(boxCnn, new float[boxCnn.parameterCount()], null, null).mnistMismatch(),
                "a convolution over the 20x20 digit box");
    }
}
