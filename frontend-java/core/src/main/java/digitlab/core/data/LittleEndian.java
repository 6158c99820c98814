package digitlab.core.data;

/**
 * Little-endian reads and writes in byte arrays, for the project's binary files (shards, models).
 * Plain shifts rather than java.nio.ByteBuffer: they compile to small, fast code in every TeaVM target.
 */
public final class LittleEndian {
    private LittleEndian() {}

    public static void putShort(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    public static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    /** The unsigned 16-bit value at {@code at}. */
    public static int getShort(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    public static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
