package digitlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PackedBytesTest {
    @Test
    void packsLittleEndianFourToAnInt() {
        int[] ints = new int[2];
        PackedBytes.pack(new byte[] {1, 2, 3, 4, (byte) 255}, ints);
        assertEquals(0x04030201, ints[0]);
        assertEquals(0xFF, ints[1]);
    }

    @Test
    void everyByteValueAndLengthRoundTrips() {
        for (int length = 0; length <= 9; length++) {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) (i * 97 + 200); // covers values above 127
            }
            int[] ints = new int[PackedBytes.length(length)];
            PackedBytes.pack(bytes, ints);
            byte[] back = new byte[length];
            PackedBytes.unpack(ints, back);
            assertArrayEquals(bytes, back, "length " + length);
        }
        byte[] all = new byte[256];
        for (int v = 0; v < 256; v++) {
            all[v] = (byte) v;
        }
        int[] ints = new int[64];
        PackedBytes.pack(all, ints);
        byte[] back = new byte[256];
        PackedBytes.unpack(ints, back);
        assertArrayEquals(all, back);
    }

    @Test
    void tooFewIntsIsAnError() {
        assertEquals(2, PackedBytes.length(5));
        assertThrows(IllegalArgumentException.class, () -> PackedBytes.pack(new byte[5], new int[1]));
        assertThrows(IllegalArgumentException.class, () -> PackedBytes.unpack(new int[1], new byte[5]));
    }
}
