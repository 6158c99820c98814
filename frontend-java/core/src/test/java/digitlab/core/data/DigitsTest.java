package digitlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DigitsTest {
    /** Three 2x2 images whose pixels count up, labels 7, 8, 9. */
    private static Digits three() {
        byte[] pixels = new byte[12];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 20);
        }
        return new Digits(3, 2, 2, new byte[] {7, 8, 9}, pixels);
    }

    @Test
    void toInputScalesPixelsToUnitRange() {
        float[] input = new float[4];
        Digits digits = new Digits(1, 2, 2, new byte[] {0}, new byte[] {0, (byte) 255, (byte) 51, 1});
        digits.toInput(0, input);
        assertArrayEquals(new float[] {0f, 1f, 0.2f, 1 / 255f}, input, 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> digits.toInput(0, new float[3]));
    }

    @Test
    void gatherCopiesChosenImagesIntoOneBlock() {
        byte[] pixels = new byte[8];
        byte[] labels = new byte[2];
        three().gather(new int[] {1, 2, 0}, 1, 2, pixels, labels);
        assertArrayEquals(new byte[] {9, 7}, labels);
        assertArrayEquals(new byte[] {(byte) 160, (byte) 180, (byte) 200, (byte) 220, 0, 20, 40, 60}, pixels);
        assertThrows(IllegalArgumentException.class, () -> three().gather(new int[] {0, 1}, 0, 2, new byte[7], labels));
    }

    @Test
    void sliceAndConcatKeepImagesWithTheirLabels() {
        Digits digits = three();
        Digits tail = digits.slice(1, 3);
        assertEquals(2, tail.count());
        assertEquals(8, tail.label(0));
        assertEquals(digits.pixel(1, 3), tail.pixel(0, 3));

        Digits joined = digits.slice(0, 1).concat(tail);
        assertArrayEquals(digits.labels(), joined.labels());
        assertArrayEquals(digits.pixels(), joined.pixels());
        assertThrows(
                IllegalArgumentException.class, () -> digits.concat(new Digits(0, 3, 3, new byte[0], new byte[0])));
        assertThrows(IndexOutOfBoundsException.class, () -> digits.slice(2, 4));
    }

    @Test
    void rejectsInconsistentSizesAndLabelsOutsideZeroToNine() {
        assertThrows(IllegalArgumentException.class, () -> new Digits(2, 2, 2, new byte[] {1}, new byte[8]));
        assertThrows(IllegalArgumentException.class, () -> new Digits(1, 2, 2, new byte[] {1}, new byte[5]));
        assertThrows(IllegalArgumentException.class, () -> new Digits(1, 2, 2, new byte[] {10}, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> new Digits(1, 0, 2, new byte[] {1}, new byte[0]));
    }

    @Test
    void joinCopiesEveryPartOnceInOrder() {
        Digits digits = three();
        Digits joined = Digits.join(java.util.List.of(digits.slice(0, 1), digits.slice(1, 2), digits.slice(2, 3)));
        assertArrayEquals(digits.labels(), joined.labels());
        assertArrayEquals(digits.pixels(), joined.pixels());
        assertThrows(IllegalArgumentException.class, () -> Digits.join(java.util.List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> Digits.join(java.util.List.of(digits, new Digits(0, 3, 3, new byte[0], new byte[0]))));
    }
}
