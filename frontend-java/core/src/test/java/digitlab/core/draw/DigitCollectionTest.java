package digitlab.core.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.Digits;
import org.junit.jupiter.api.Test;

class DigitCollectionTest {
    /** A 28x28 image whose every pixel is {@code value}. */
    static byte[] image(int value) {
        byte[] pixels = new byte[784];
        java.util.Arrays.fill(pixels, (byte) value);
        return pixels;
    }

    @Test
    void addsCopiesCountsPerLabelAndBuildsATrainingSet() {
        DigitCollection digits = new DigitCollection();
        byte[] seven = image(200);
        assertTrue(digits.add(seven, 7));
        seven[0] = 0; // the collection kept its own copy
        for (int i = 0; i < 40; i++) {
            digits.add(image(i), i % 10);
        }
        assertEquals(41, digits.count());
        assertEquals(5, digits.countOf(7));
        assertEquals(0, digits.countOf(11));
        assertEquals(7, digits.label(0));

        Digits set = digits.toDigits();
        assertEquals(41, set.count());
        assertEquals(28, set.rows());
        assertEquals(200, set.pixel(0, 0));
        assertEquals(39, set.pixel(40, 783));
        assertEquals(9, set.label(40));

        Digits newest = digits.newest(3);
        assertEquals(3, newest.count());
        assertEquals(39, newest.pixel(0, 5));
        assertEquals(37, newest.pixel(2, 5));
        assertEquals(41, digits.newest(100).count());
    }

    @Test
    void removesClearsAndRespectsItsCapacity() {
        DigitCollection digits = new DigitCollection(3);
        assertFalse(digits.removeLast());
        digits.add(image(1), 1);
        digits.add(image(2), 2);
        digits.add(image(3), 3);
        assertTrue(digits.isFull());
        assertFalse(digits.add(image(4), 4));
        assertEquals(3, digits.count());
        assertTrue(digits.removeLast());
        assertEquals(0, digits.countOf(3));
        assertEquals(2, digits.count());
        digits.clear();
        assertEquals(0, digits.count());
        assertEquals(0, digits.countOf(1));
        assertEquals(0, digits.toDigits().count());
    }

    @Test
    void addAllStopsWhenFull() {
        DigitCollection source = new DigitCollection();
        for (int i = 0; i < 5; i++) {
            source.add(image(i), i);
        }
        DigitCollection small = new DigitCollection(3);
        assertEquals(3, small.addAll(source.toDigits()));
        assertArrayEquals(new byte[] {0, 1, 2}, small.toDigits().labels());
        assertThrows(
                IllegalArgumentException.class, () -> small.addAll(new Digits(1, 2, 2, new byte[] {1}, new byte[4])));
    }

    @Test
    void rejectsBadLabelsAndSizes() {
        DigitCollection digits = new DigitCollection();
        assertThrows(IllegalArgumentException.class, () -> digits.add(image(0), 10));
        assertThrows(IllegalArgumentException.class, () -> digits.add(image(0), -1));
        assertThrows(IllegalArgumentException.class, () -> digits.add(new byte[100], 1));
        assertThrows(IllegalArgumentException.class, () -> new DigitCollection(0));
        assertThrows(IndexOutOfBoundsException.class, () -> digits.label(0));
    }
}
