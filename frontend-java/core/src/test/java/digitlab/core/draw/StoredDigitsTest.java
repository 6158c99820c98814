package digitlab.core.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.DataFormatException;
import digitlab.core.data.Digits;
import digitlab.core.data.Shard;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StoredDigitsTest {
    private static Digits sample() {
        DigitCollection digits = new DigitCollection();
        for (int i = 0; i < 12; i++) {
            byte[] image = DigitCollectionTest.image(0);
            image[i * 50] = (byte) (250 - i); // bytes above 127 too
            digits.add(image, (i * 7) % 10);
        }
        return digits.toDigits();
    }

    @Test
    void roundTripsThroughText() {
        Digits digits = sample();
        String stored = StoredDigits.encode(digits);
        assertTrue(stored.startsWith(StoredDigits.PREFIX));
        Digits back = StoredDigits.decode(stored);
        assertEquals(12, back.count());
        assertArrayEquals(digits.labels(), back.labels());
        assertArrayEquals(digits.pixels(), back.pixels());
        // About 1,050 characters per digit.
        assertTrue(stored.length() < 12 * 1100, "length " + stored.length());
    }

    @Test
    void nothingStoredIsNoDigits() {
        assertEquals(0, StoredDigits.decode(null).count());
        assertEquals(0, StoredDigits.decode("").count());
        assertEquals(28, StoredDigits.decode(null).rows());
        assertEquals(
                0,
                StoredDigits.decode(StoredDigits.encode(StoredDigits.empty())).count());
    }

    @Test
    void damagedValuesThrowDataFormatException() {
        String good = StoredDigits.encode(sample());
        String body = good.substring(StoredDigits.PREFIX.length());
        String[] damaged = {
            "undefined",
            "[object Object]",
            "dlsh2:" + body,
            StoredDigits.PREFIX + "not base64 at all!",
            good.substring(0, good.length() - 40), // truncated
            StoredDigits.PREFIX + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}),
            StoredDigits.PREFIX + withLabel(12),
            StoredDigits.PREFIX
                    + Base64.getEncoder()
                            .encodeToString(
                                    Shard.encode(new Digits(1, 2, 2, new byte[] {1}, new byte[4]))), // not 28x28
        };
        for (String value : damaged) {
            assertThrows(DataFormatException.class, () -> StoredDigits.decode(value), value);
        }
    }

    private static String withLabel(int label) {
        byte[] shard = Shard.encode(sample());
        shard[Shard.HEADER_SIZE] = (byte) label;
        return Base64.getEncoder().encodeToString(shard);
    }

    @Test
    void exportIsAShard() {
        Digits digits = sample();
        Digits back = Shard.decode(StoredDigits.exportFile(digits));
        assertArrayEquals(digits.pixels(), back.pixels());
        assertArrayEquals(digits.labels(), back.labels());
        assertThrows(
                IllegalArgumentException.class,
                () -> StoredDigits.encode(new Digits(1, 2, 2, new byte[] {1}, new byte[4])));
    }
}
