package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The layer grammar: what each item means, round trips, and the messages for text that is not a layer. */
class LayerGrammarTest {
    @Test
    void readsConvNetJsMnistNetwork() {
        LayerStack stack = LayerGrammar.parse("784,c8k5,p2,c16k5,p3,10");
        assertEquals(new Shape(1, 28, 28), stack.input());
        assertEquals(
                List.of(
                        new ConvLayer.Spec(8, 5, 1, ConvLayer.Padding.SAME),
                        new MaxPoolLayer.Spec(2, 2),
                        new ConvLayer.Spec(16, 5, 1, ConvLayer.Padding.SAME),
                        new MaxPoolLayer.Spec(3, 3),
                        new DenseLayer.Spec(10)),
                stack.specs());
    }

    @Test
    void readsStridesAndValidPaddingInEitherOrder() {
        assertEquals(
                new ConvLayer.Spec(16, 3, 1, ConvLayer.Padding.VALID),
                LayerGrammar.parse("784,c16k3v,10").spec(1));
        assertEquals(
                new ConvLayer.Spec(32, 3, 2, ConvLayer.Padding.SAME),
                LayerGrammar.parse("784,c32k3s2,10").spec(1));
        assertEquals(LayerGrammar.parse("784,c8k3s2v,10"), LayerGrammar.parse("784,c8k3vs2,10"));
        assertEquals(
                new MaxPoolLayer.Spec(3, 2), LayerGrammar.parse("784,p3s2,10").spec(1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "784,128,10",
                "784,10",
                "784,256,128,10",
                "784,c8k5,p2,c16k5,p3,10",
                "784,c16k3v,p2,c32k3v,p2,c32k3v,64,10",
                "784,c32k3s2,c8k3s2v,p3s2,10",
                "400,c4k3,p2,10",
                "6,5,4,3"
            })
    void formatReadsBackAsTheSameText(String text) {
        LayerStack stack = LayerGrammar.parse(text);
        assertEquals(text, LayerGrammar.format(stack, ','));
        assertEquals(stack, LayerGrammar.parse(LayerGrammar.format(stack, ',')));
        assertEquals(text, stack.toString());
    }

    @Test
    void writesTheShortestLowerCaseForm() {
        assertEquals("784,c8k5,p2,10", LayerGrammar.format(LayerGrammar.parse(" 784 , C8K5S1 , P2S2 , 10 "), ','));
        assertEquals("784,c8k3s2v,10", LayerGrammar.format(LayerGrammar.parse("784,c8k3vs2,10"), ','));
        assertEquals("784-c8k5-p2-10", LayerGrammar.format(LayerGrammar.parse("784,c8k5,p2,10"), '-'));
    }

    @Test
    void aDenseStackIsWrittenAsItsWidths() {
        assertEquals(LayerStack.dense(new int[] {784, 128, 10}), LayerGrammar.parse("784,128,10"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "784,x5,10          | 'x5' (layer 1): not a layer; write a number of units",
                "784,c8,10          | 'c8' (layer 1): not a layer",
                "784,c8k5q,10       | 'c8k5q' (layer 1): not a layer",
                "784,c8k5s2s3,10    | 'c8k5s2s3' (layer 1): not a layer",
                "784,,10            | '' (layer 1): not a layer",
                "784,p2v,10         | 'p2v' (layer 1): not a layer",
                "784,c0k5,10        | 'c0k5' (layer 1): a convolution needs 1 to 1024 filters, got 0",
                "784,c8k0,10        | 'c8k0' (layer 1): a convolution's kernel needs at least 1x1, got 0",
                "784,c8k5s0,10      | 'c8k5s0' (layer 1): a convolution's stride must be at least 1, got 0",
                "784,p0,10          | 'p0' (layer 1): a pool needs a window of at least 1x1, got 0",
                "784,p2s0,10        | 'p2s0' (layer 1): a pool's stride must be at least 1, got 0",
                "784,0,10           | '0' (layer 1): a dense layer needs 1 to 65536 units, got 0",
                "784,c9999999999k3  | 'c9999999999k3' (layer 1): the number 9999999999 in 'c9999999999k3' is too large",
                "c8k5,10            | 'c8k5' (layer 0) should be the input size, a number such as 784 (28x28)",
                "0,10               | '0' (layer 0): the input size must be 1 to 262144",
                "784                | a network needs 2 to 32 layers, input and output included, got 1"
            })
    void textThatIsNotALayerIsRefusedNamingTheItem(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerGrammar.parse(text));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
