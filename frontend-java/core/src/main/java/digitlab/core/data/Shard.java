package digitlab.core.data;

import static digitlab.core.data.LittleEndian.getInt;
import static digitlab.core.data.LittleEndian.getShort;
import static digitlab.core.data.LittleEndian.putInt;
import static digitlab.core.data.LittleEndian.putShort;

/**
 * The shard file the server sends to the browser: a slice of a data set in one small, versioned file.
 *
 * <pre>
 * offset  size  field (little-endian)
 *  0      4     magic "DLSH"
 *  4      2     version (1)
 *  6      2     header size in bytes (24), so a later version can add fields
 *  8      4     count
 * 12      4     rows
 * 16      4     cols
 * 20      4     reserved (0)
 * 24      count labels, one byte each, 0-9
 * 24+count count*rows*cols pixels, uint8
 * </pre>
 *
 * <p>Decoding checks everything and either returns a whole {@link Digits} or throws a
 * {@link DataFormatException} that says what is wrong; it never returns part of a shard.
 */
public final class Shard {
    public static final int VERSION = 1;
    public static final int HEADER_SIZE = 24;
    private static final byte[] MAGIC = {'D', 'L', 'S', 'H'};
    private static final int MAX_SIDE = 1024;

    private Shard() {}

    public static byte[] encode(Digits digits) {
        int count = digits.count();
        byte[] out = new byte[HEADER_SIZE + count + digits.pixels().length];
        System.arraycopy(MAGIC, 0, out, 0, 4);
        putShort(out, 4, VERSION);
        putShort(out, 6, HEADER_SIZE);
        putInt(out, 8, count);
        putInt(out, 12, digits.rows());
        putInt(out, 16, digits.cols());
        putInt(out, 20, 0);
        System.arraycopy(digits.labels(), 0, out, HEADER_SIZE, count);
        System.arraycopy(digits.pixels(), 0, out, HEADER_SIZE + count, digits.pixels().length);
        return out;
    }

    public static Digits decode(byte[] bytes) {
        if (bytes.length < HEADER_SIZE) {
            throw new DataFormatException(
                    "shard is truncated: " + bytes.length + " bytes, the header alone is " + HEADER_SIZE);
        }
        for (int i = 0; i < 4; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new DataFormatException("not a Digit Lab shard (bad magic)");
            }
        }
        int version = getShort(bytes, 4);
        if (version != VERSION) {
            throw new DataFormatException("shard version " + version + " is not supported (expected " + VERSION + ")");
        }
        int headerSize = getShort(bytes, 6);
        int count = getInt(bytes, 8);
        int rows = getInt(bytes, 12);
        int cols = getInt(bytes, 16);
        if (headerSize != HEADER_SIZE || count < 0 || rows <= 0 || cols <= 0 || rows > MAX_SIDE || cols > MAX_SIDE) {
            throw new DataFormatException("shard header is not sane: header=" + headerSize + " count=" + count
                    + " rows=" + rows + " cols=" + cols);
        }
        long expected = HEADER_SIZE + count + (long) count * rows * cols;
        if (bytes.length != expected) {
            throw new DataFormatException("shard is " + bytes.length + " bytes, expected " + expected + " for " + count
                    + " images of " + rows + "x" + cols + (bytes.length < expected ? " (truncated)" : ""));
        }
        byte[] labels = new byte[count];
        System.arraycopy(bytes, HEADER_SIZE, labels, 0, count);
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new DataFormatException("shard label " + (labels[i] & 0xFF) + " at index " + i + " is not 0-9");
            }
        }
        byte[] pixels = new byte[count * rows * cols];
        System.arraycopy(bytes, HEADER_SIZE + count, pixels, 0, pixels.length);
        return new Digits(count, rows, cols, labels, pixels);
    }
}
