package digitlab.core.data;

/**
 * A set of labelled greyscale images, stored the way MNIST stores them: one uint8 per pixel
 * (0 = background, 255 = full ink), images one after another in row-major order.
 *
 * <p>Keeping the raw bytes (not floats) makes a whole MNIST split 47 MB instead of 188 MB and lets
 * the training loop skip the ~81% of pixels that are exactly zero.
 */
public final class Digits {
    private final int count;
    private final int rows;
    private final int cols;
    private final byte[] labels;
    private final byte[] pixels;

    /**
     * @param labels one label per image, 0-9
     * @param pixels {@code count * rows * cols} unsigned bytes
     * @throws IllegalArgumentException if the sizes disagree or a label is outside 0-9
     */
    public Digits(int count, int rows, int cols, byte[] labels, byte[] pixels) {
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("bad shape: count=" + count + " rows=" + rows + " cols=" + cols);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException("expected " + count + " labels, got " + labels.length);
        }
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException("expected " + (long) count * rows * cols + " pixels for " + count
                    + " images of " + rows + "x" + cols + ", got " + pixels.length);
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is not a digit 0-9");
            }
        }
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.labels = labels;
        this.pixels = pixels;
    }

    public int count() {
        return count;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Pixels per image: the network's input width. */
    public int imageSize() {
        return rows * cols;
    }

    public int label(int index) {
        return labels[index];
    }

    /** Pixel {@code p} of image {@code index} as 0-255. */
    public int pixel(int index, int p) {
        return pixels[index * imageSize() + p] & 0xFF;
    }

    /**
     * Image {@code index} as network input: {@code imageSize()} values in [0, 1] (pixel / 255), the
     * normalisation used for training, written into {@code out}.
     */
    public void toInput(int index, float[] out) {
        int n = imageSize();
        if (out.length != n) {
            throw new IllegalArgumentException("input buffer has " + out.length + " values, images have " + n);
        }
        int base = index * n;
        for (int p = 0; p < n; p++) {
            out[p] = Pixels.input(pixels[base + p]);
        }
    }

    /** The backing label array (not a copy): one byte per image. */
    public byte[] labels() {
        return labels;
    }

    /** The backing pixel array (not a copy): image {@code i} starts at {@code i * imageSize()}. */
    public byte[] pixels() {
        return pixels;
    }

    /**
     * Copies images {@code indices[from..from+count)} (images {@code from..from+count)} if {@code indices}
     * is null) one after another into {@code pixelsOut} and their labels into {@code labelsOut}: a share of
     * examples in one block, to hand to another worker.
     *
     * @throws IllegalArgumentException if the output arrays are too small
     */
    public void gather(int[] indices, int from, int count, byte[] pixelsOut, byte[] labelsOut) {
        int n = imageSize();
        if (labelsOut.length < count || pixelsOut.length < (long) count * n) {
            throw new IllegalArgumentException("room for " + labelsOut.length + " labels and " + pixelsOut.length
                    + " pixels, not " + count + " images of " + n);
        }
        for (int i = 0; i < count; i++) {
            int image = indices == null ? from + i : indices[from + i];
            labelsOut[i] = labels[image];
            System.arraycopy(pixels, image * n, pixelsOut, i * n, n);
        }
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive) as a new set with copied arrays. */
    public Digits slice(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + count);
        }
        int n = imageSize();
        byte[] l = new byte[to - from];
        byte[] p = new byte[(to - from) * n];
        System.arraycopy(labels, from, l, 0, l.length);
        System.arraycopy(pixels, from * n, p, 0, p.length);
        return new Digits(to - from, rows, cols, l, p);
    }

    /**
     * The images of every part, in order, copied once into one new set (joining many parts pairwise with
     * {@link #concat} would copy the early ones again and again); the shapes must match.
     */
    public static Digits join(java.util.List<Digits> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        Digits first = parts.get(0);
        int count = 0;
        for (Digits part : parts) {
            if (part.rows != first.rows || part.cols != first.cols) {
                throw new IllegalArgumentException("cannot join " + first.rows + "x" + first.cols + " with " + part.rows
                        + "x" + part.cols + " images");
            }
            count += part.count;
        }
        byte[] l = new byte[count];
        byte[] p = new byte[count * first.imageSize()];
        int at = 0;
        for (Digits part : parts) {
            System.arraycopy(part.labels, 0, l, at, part.count);
            System.arraycopy(part.pixels, 0, p, at * first.imageSize(), part.pixels.length);
            at += part.count;
        }
        return new Digits(count, first.rows, first.cols, l, p);
    }

    /** Images and labels of {@code this} followed by those of {@code other}; the shapes must match. */
    public Digits concat(Digits other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException(
                    "cannot join " + rows + "x" + cols + " with " + other.rows + "x" + other.cols + " images");
        }
        byte[] l = new byte[count + other.count];
        byte[] p = new byte[pixels.length + other.pixels.length];
        System.arraycopy(labels, 0, l, 0, count);
        System.arraycopy(other.labels, 0, l, count, other.count);
        System.arraycopy(pixels, 0, p, 0, pixels.length);
        System.arraycopy(other.pixels, 0, p, pixels.length, other.pixels.length);
        return new Digits(count + other.count, rows, cols, l, p);
    }
}
