package digitlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.draw.MnistPreprocessor;
import digitlab.core.draw.PreparedDigit;
import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.LayerGrammar;
import digitlab.core.nn.Loss;
import org.junit.jupiter.api.Test;

class InputFrameTest {
    private static final int SIDE = 28;

    /** One 28x28 image, ink where {@code ink} says, as a one-image set labelled 7. */
    private static Digits image(int left, int top, int width, int height, int value) {
        byte[] pixels = new byte[SIDE * SIDE];
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                pixels[y * SIDE + x] = (byte) value;
            }
        }
        return new Digits(1, SIDE, SIDE, new byte[] {7}, pixels);
    }

    private static int[] box(Digits boxed) {
        int[] values = new int[boxed.imageSize()];
        for (int p = 0; p < values.length; p++) {
            values[p] = boxed.pixel(0, p);
        }
        return values;
    }

    private static long sum(int[] values) {
        long total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }

    private static Architecture network(String layers) {
        return new Architecture(
                LayerGrammar.parse(layers), new Activation[] {Activation.SIGMOID}, Loss.SIGMOID_CROSS_ENTROPY);
    }

    @Test
    void theInputSizeNamesTheFrame() {
        assertSame(InputFrame.IMAGE, InputFrame.ofSize(784));
        assertSame(InputFrame.DIGIT_BOX, InputFrame.ofSize(400));
        assertNull(InputFrame.ofSize(401));
        assertNull(InputFrame.ofSize(5));
        assertEquals("1x20x20", InputFrame.DIGIT_BOX.shape().toString());
        assertSame(InputFrame.DIGIT_BOX, InputFrame.of(network("400,25,10")));
        assertSame(InputFrame.DIGIT_BOX, InputFrame.of(network("400,c4k5,p2,10")));
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> InputFrame.of(network("401,25,10")));
        assertTrue(
                refused.getMessage().contains("it takes 401 inputs, but a digit is 28x28 = 784 pixels"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("20x20 = 400 pixels"), refused.getMessage());
        assertTrue(InputFrame.mismatch(network("5,3,10")).startsWith("it takes 5 inputs"));
    }

    @Test
    void anAllInkImageFillsTheWholeBox() {
        Digits boxed = InputFrame.DIGIT_BOX.prepare(image(0, 0, SIDE, SIDE, 255));
        assertEquals(20, boxed.rows());
        assertEquals(20, boxed.cols());
        assertEquals(7, boxed.label(0));
        for (int v : box(boxed)) {
            assertEquals(255, v);
        }
    }

    @Test
    void aSinglePixelBecomesTheWholeBox() {
        // Its bounding box is 1x1: the square around it is scaled up 20 times.
        for (int[] at : new int[][] {{0, 0}, {27, 27}, {13, 5}, {27, 0}}) {
            int[] values = box(InputFrame.DIGIT_BOX.prepare(image(at[0], at[1], 1, 1, 200)));
            for (int v : values) {
                assertEquals(200, v, "pixel at " + at[0] + "," + at[1]);
            }
        }
    }

    @Test
    void anOffCentreDigitIsCentredAndScaledToTwentyPixels() {
        // A 5 wide, 10 tall bar in the bottom-right corner (touching both edges): scale 2, so 10x20 in the box,
        // its columns from (20 - 10) / 2 = 5 to 14.
        int[] values = box(InputFrame.DIGIT_BOX.prepare(image(23, 18, 5, 10, 255)));
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                assertEquals(x >= 5 && x < 15 ? 255 : 0, values[y * 20 + x], "at " + x + "," + y);
            }
        }
    }

    @Test
    void inkIsPreservedInProportionToTheScaleSquared() {
        // A 7x7 block at half ink, not on a whole-pixel scale (20 / 7): each of the 49 source pixels spreads
        // 128 * (20/7)^2 over the box, rounded per output pixel.
        int[] values = box(InputFrame.DIGIT_BOX.prepare(image(3, 9, 7, 7, 128)));
        double expected = 49 * 128 * Math.pow(20.0 / 7, 2);
        assertEquals(expected, sum(values), 400 * 0.5);
        // A 14x3 bar: scale 20/14, the box 20 wide and about 4.3 tall.
        int[] bar = box(InputFrame.DIGIT_BOX.prepare(image(10, 0, 14, 3, 255)));
        assertEquals(42 * 255 * Math.pow(20.0 / 14, 2), sum(bar), 400 * 0.5);
    }

    @Test
    void anEmptyImageStaysEmpty() {
        Digits boxed = InputFrame.DIGIT_BOX.prepare(image(0, 0, 0, 0, 0));
        assertEquals(1, boxed.count());
        assertEquals(0, sum(box(boxed)));
    }

    @Test
    void manyImagesAreConvertedEachInItsPlace() {
        Digits two = image(0, 0, 1, 1, 255).concat(image(0, 0, 0, 0, 0)).concat(image(0, 0, SIDE, SIDE, 100));
        Digits boxed = InputFrame.DIGIT_BOX.prepare(two);
        assertEquals(3, boxed.count());
        assertEquals(400L * 255, sumOf(boxed, 0));
        assertEquals(0, sumOf(boxed, 1));
        assertEquals(400L * 100, sumOf(boxed, 2));
        assertSame(two, InputFrame.IMAGE.prepare(two), "the 28x28 image as it is");
        assertThrows(IllegalArgumentException.class, () -> InputFrame.DIGIT_BOX.prepare(boxed), "20x20 again");
    }

    private static long sumOf(Digits digits, int index) {
        long total = 0;
        for (int p = 0; p < digits.imageSize(); p++) {
            total += digits.pixel(index, p);
        }
        return total;
    }

    @Test
    void aDrawingAndAnImageGoThroughTheSameBoxStep() {
        Digits one = image(6, 4, 9, 17, 230);
        PreparedDigit drawn = new MnistPreprocessor().fromGrey(one.pixels(), SIDE, SIDE);
        byte[] boxed = InputFrame.DIGIT_BOX.prepare(one).pixels();
        assertArrayEquals(boxed, InputFrame.DIGIT_BOX.pixels(drawn));
        float[] input = InputFrame.DIGIT_BOX.input(drawn);
        assertEquals(400, input.length);
        for (int p = 0; p < 400; p++) {
            assertEquals(Pixels.input(boxed[p]), input[p]);
        }
        assertSame(drawn.input(), InputFrame.IMAGE.input(drawn));
    }
}
