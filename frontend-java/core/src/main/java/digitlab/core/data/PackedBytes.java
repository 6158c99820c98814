package digitlab.core.data;

/**
 * Bytes packed four to an int and back (little-endian: byte {@code 4k + b} goes to bits {@code 8b..8b+7}
 * of int {@code k}). Images cross between Web Workers this way: on Wasm GC a copy between a Java array and
 * a typed array costs per element, so a quarter of the elements is a quarter of the cost.
 */
public final class PackedBytes {
    private PackedBytes() {}

    /** Ints needed for {@code bytes} bytes. */
    public static int length(int bytes) {
        return (bytes + 3) / 4;
    }

    /** Packs {@code bytes} into {@code ints}, which must hold {@link #length} values. */
    public static void pack(byte[] bytes, int[] ints) {
        if (ints.length < length(bytes.length)) {
            throw new IllegalArgumentException(ints.length + " ints cannot hold " + bytes.length + " bytes");
        }
        int whole = bytes.length / 4;
        for (int k = 0; k < whole; k++) {
            int b = 4 * k;
            ints[k] = (bytes[b] & 0xFF) | (bytes[b + 1] & 0xFF) << 8 | (bytes[b + 2] & 0xFF) << 16 | bytes[b + 3] << 24;
        }
        if (bytes.length % 4 != 0) {
            int last = 0;
            for (int b = 4 * whole; b < bytes.length; b++) {
                last |= (bytes[b] & 0xFF) << 8 * (b - 4 * whole);
            }
            ints[whole] = last;
        }
    }

    /** Unpacks {@code ints} into {@code bytes} (the inverse of {@link #pack}). */
    public static void unpack(int[] ints, byte[] bytes) {
        if (ints.length < length(bytes.length)) {
            throw new IllegalArgumentException(ints.length + " ints do not hold " + bytes.length + " bytes");
        }
        for (int b = 0; b < bytes.length; b++) {
            bytes[b] = (byte) (ints[b >> 2] >>> 8 * (b & 3));
        }
    }
}
