package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shape inference through a stack of layers, and the clear refusals of layers that do not fit. */
class LayerStackTest {
    @Test
    void convNetJsMnistNetworkHasItsShapes() {
        LayerStack stack = LayerGrammar.parse("784,c8k5,p2,c16k5,p3,10");
        assertEquals(new Shape(1, 28, 28), stack.shape(0));
        assertEquals(new Shape(8, 28, 28), stack.shape(1)); // 5x5, same: padding 2 on every side
        assertEquals(new Shape(8, 14, 14), stack.shape(2));
        assertEquals(new Shape(16, 14, 14), stack.shape(3));
        assertEquals(new Shape(16, 4, 4), stack.shape(4)); // 3x3 windows side by side: the last 2 rows dropped
        assertEquals(new Shape(10, 1, 1), stack.shape(5));
        assertArrayEquals(new int[] {784, 6272, 1568, 3136, 256, 10}, stack.sizes());
        // 8*25+8, 0, 16*8*25+16, 0, 256*10+10
        assertEquals(208 + 3216 + 2570, stack.parameterCount());
        assertFalse(stack.isDense());
    }

    @Test
    void tensorFlowJsMnistNetworkHasItsShapes() {
        // tfjs-examples/mnist: conv2d 3x3 (valid by default), max-pool 2, conv 32, pool, conv 32, dense 64, 10.
        LayerStack stack = LayerGrammar.parse("784,c16k3v,p2,c32k3v,p2,c32k3v,64,10");
        assertEquals(new Shape(16, 26, 26), stack.shape(1));
        assertEquals(new Shape(16, 13, 13), stack.shape(2));
        assertEquals(new Shape(32, 11, 11), stack.shape(3));
        assertEquals(new Shape(32, 5, 5), stack.shape(4));
        assertEquals(new Shape(32, 3, 3), stack.shape(5));
        assertEquals(new Shape(64, 1, 1), stack.shape(6));
        assertEquals(160 + 4640 + 9248 + (288 * 64 + 64) + 650, stack.parameterCount());
    }

    @ParameterizedTest
    @CsvSource({
        "c4k3s2, 14, 14", // same: ceil(28 / 2)
        "c4k3s2v, 13, 13", // valid: (28 - 3) / 2 + 1
        "c4k4, 28, 28", // same with an even kernel: 1 row before, 2 after
        "c4k28v, 1, 1",
        "c4k5s3, 10, 10", // ceil(28 / 3)
        "p3s2, 13, 13",
        "p2s1, 27, 27",
        "p28, 1, 1"
    })
    void oneLayerOnAnMnistImage(String item, int height, int width) {
        Shape shape = LayerGrammar.parse("784," + item + ",10").shape(1);
        assertEquals(height, shape.height());
        assertEquals(width, shape.width());
    }

    @Test
    void aSquareInputIsAnImageAndAnyOtherNumberAVector() {
        assertEquals(new Shape(1, 20, 20), LayerGrammar.parse("400,c4k3,10").input());
        assertEquals(new Shape(6, 1, 1), LayerGrammar.parse("6,5,3").input());
        assertTrue(LayerGrammar.parse("6,5,3").isDense());
    }

    @Test
    void aDenseLayerFlattensWhateverIsBelowIt() {
        LayerStack stack = LayerGrammar.parse("784,c8k5,p2,32,10");
        assertEquals(new Shape(32, 1, 1), stack.shape(3));
        assertEquals(8 * 14 * 14 * 32 + 32, stack.spec(3).parameterCount(stack.shape(2)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "784,c8k29,10        | 'c8k29' (layer 1) on 1x28x28: a 29x29 kernel is larger than its 28x28 input maps",
                "784,c8k5,p3,c8k11,10 | 'c8k11' (layer 3) on 8x9x9: a 11x11 kernel is larger than its 9x9 input maps",
                "784,p2,p2,p2,p2,p2,10 | 'p2' (layer 5) on 1x1x1: a 2x2 pool is larger than its 1x1 input maps and would"
                        + " leave nothing",
                "784,64,c8k3,10      | 'c8k3' (layer 2) on 64x1x1: a 3x3 kernel is larger than its 1x1 input maps",
                "50,c2k3,10          | 'c2k3' (layer 1) on 50x1x1: a 3x3 kernel is larger than its 1x1 input maps",
                "784,c1024k3,c1024k3,10 | 'c1024k3' (layer 1) gives 1024x28x28 = 802816 values, more than 262144"
            })
    void layersThatDoNotFitAreRefusedNamingTheLayer(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerGrammar.parse(text));
        assertEquals(message, e.getMessage());
    }
}
