package digitlab.core.data;

/**
 * Reads MNIST's IDX files: a big-endian int32 header (magic, counts, dimensions) followed by uint8 data.
 * Images: magic 2051, count, rows, cols, then {@code count * rows * cols} pixels.
 * Labels: magic 2049, count, then {@code count} labels.
 */
public final class Idx {
    public static final int IMAGES_MAGIC = 2051;
    public static final int LABELS_MAGIC = 2049;

    private Idx() {}

    /** Joins an images file and a labels file into one set, checking that the counts agree. */
    public static Digits read(byte[] imagesFile, byte[] labelsFile) {
        int imageMagic = readInt(imagesFile, 0, "images");
        if (imageMagic != IMAGES_MAGIC) {
            throw new DataFormatException("not an IDX images file: magic " + imageMagic + ", expected " + IMAGES_MAGIC);
        }
        int labelMagic = readInt(labelsFile, 0, "labels");
        if (labelMagic != LABELS_MAGIC) {
            throw new DataFormatException("not an IDX labels file: magic " + labelMagic + ", expected " + LABELS_MAGIC);
        }
        int count = readInt(imagesFile, 4, "images");
        int rows = readInt(imagesFile, 8, "images");
        int cols = readInt(imagesFile, 12, "images");
        int labelCount = readInt(labelsFile, 4, "labels");
        if (count < 0 || rows <= 0 || cols <= 0 || rows > 4096 || cols > 4096) {
            throw new DataFormatException(
                    "IDX images header is not sane: count=" + count + " rows=" + rows + " cols=" + cols);
        }
        if (labelCount != count) {
            throw new DataFormatException("IDX files disagree: " + count + " images but " + labelCount + " labels");
        }
        long pixelBytes = (long) count * rows * cols;
        if (imagesFile.length != 16 + pixelBytes) {
            throw new DataFormatException("IDX images file is " + imagesFile.length + " bytes, expected "
                    + (16 + pixelBytes) + " for " + count + " images of " + rows + "x" + cols
                    + (imagesFile.length < 16 + pixelBytes ? " (truncated)" : ""));
        }
        if (labelsFile.length != 8 + count) {
            throw new DataFormatException("IDX labels file is " + labelsFile.length + " bytes, expected " + (8 + count)
                    + (labelsFile.length < 8 + count ? " (truncated)" : ""));
        }
        byte[] labels = new byte[count];
        System.arraycopy(labelsFile, 8, labels, 0, count);
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new DataFormatException("IDX label " + (labels[i] & 0xFF) + " at index " + i + " is not 0-9");
            }
        }
        byte[] pixels = new byte[(int) pixelBytes];
        System.arraycopy(imagesFile, 16, pixels, 0, pixels.length);
        return new Digits(count, rows, cols, labels, pixels);
    }

    private static int readInt(byte[] bytes, int offset, String what) {
        if (bytes.length < offset + 4) {
            throw new DataFormatException(
                    "IDX " + what + " file is truncated: " + bytes.length + " bytes, header needs " + (offset + 4));
        }
        return (bytes[offset] & 0xFF) << 24
                | (bytes[offset + 1] & 0xFF) << 16
                | (bytes[offset + 2] & 0xFF) << 8
                | (bytes[offset + 3] & 0xFF);
    }
}
