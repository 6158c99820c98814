package digitlab.core.draw;

import digitlab.core.data.DataFormatException;
import digitlab.core.data.Digits;
import digitlab.core.data.Shard;
import java.util.Base64;

/**
 * The user's own digits as one text value for the browser's storage (localStorage keeps strings), and as
 * a file to download. Both are the project's shard format ({@link Shard}: magic, version, sizes, labels,
 * pixels), so an exported file is read by the same code as MNIST shards; in storage it is base64 behind a
 * short versioned prefix:
 * <pre>dlsh1:RExTSAEAGAAC…</pre>
 * Decoding checks everything (prefix, base64, shard header and sizes, labels 0-9, 28x28) and throws
 * {@link DataFormatException} rather than returning part of a damaged value.
 */
public final class StoredDigits {
    /** The localStorage key, versioned so a later format can live next to this one. */
    public static final String STORAGE_KEY = "digitlab.my-digits.v1";
    /** Starts every stored value. */
    public static final String PREFIX = "dlsh1:";
    /** The file name an export suggests. */
    public static final String EXPORT_FILE_NAME = "my-digits.dlsh.bin";
    /** The export's media type. */
    public static final String EXPORT_MEDIA_TYPE = "application/octet-stream";

    private StoredDigits() {}

    /** The text to store for {@code digits} (28x28 images). */
    public static String encode(Digits digits) {
        checkShape(digits);
        return PREFIX + Base64.getEncoder().encodeToString(Shard.encode(digits));
    }

    /**
     * The digits in a stored text; no digits (an empty 28x28 set) for null or "" (nothing stored yet).
     *
     * @throws DataFormatException if the text is not a value {@link #encode} made
     */
    public static Digits decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return empty();
        }
        if (!stored.startsWith(PREFIX)) {
            throw new DataFormatException("stored digits do not start with " + PREFIX);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException("stored digits are not valid base64: " + e.getMessage());
        }
        Digits digits = Shard.decode(bytes);
        if (digits.rows() != DigitCollection.SIDE || digits.cols() != DigitCollection.SIDE) {
            throw new DataFormatException(
                    "stored digits are " + digits.rows() + "x" + digits.cols() + ", expected 28x28");
        }
        return digits;
    }

    /** The bytes of an export file: a shard, as {@link Shard#decode} reads it. */
    public static byte[] exportFile(Digits digits) {
        checkShape(digits);
        return Shard.encode(digits);
    }

    /** No digits, 28x28. */
    public static Digits empty() {
        return new Digits(0, DigitCollection.SIDE, DigitCollection.SIDE, new byte[0], new byte[0]);
    }

    private static void checkShape(Digits digits) {
        if (digits.rows() != DigitCollection.SIDE || digits.cols() != DigitCollection.SIDE) {
            throw new IllegalArgumentException("expected 28x28 images, got " + digits.rows() + "x" + digits.cols());
        }
    }
}
