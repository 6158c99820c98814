package digitlab.core.draw;

import digitlab.core.data.Digits;
import java.util.Arrays;

/**
 * A growing set of the user's own labelled 28x28 digits ("teach it your handwriting"), with a capacity
 * so it fits in the browser's storage. {@link #toDigits()} gives them in the format training uses.
 */
public final class DigitCollection {
    public static final int SIDE = PreparedDigit.SIDE;
    public static final int PIXELS = PreparedDigit.PIXELS;
    /** The default capacity: about 1 MB of browser storage as base64. */
    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private int count;
    private byte[] labels = new byte[16];
    private byte[] pixels = new byte[16 * PIXELS];
    private final int[] perLabel = new int[10];

    public DigitCollection() {
        this(DEFAULT_CAPACITY);
    }

    public DigitCollection(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    public int count() {
        return count;
    }

    public int capacity() {
        return capacity;
    }

    public boolean isFull() {
        return count >= capacity;
    }

    /** How many of the digits carry {@code label}. */
    public int countOf(int label) {
        return label >= 0 && label <= 9 ? perLabel[label] : 0;
    }

    public int label(int index) {
        checkIndex(index);
        return labels[index];
    }

    /**
     * Adds a copy of {@code image} (784 unsigned bytes) labelled {@code label}.
     *
     * @return false if the collection is full (nothing added)
     * @throws IllegalArgumentException for a label outside 0-9 or an image of the wrong size
     */
    public boolean add(byte[] image, int label) {
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException("label " + label + " is not a digit 0-9");
        }
        if (image.length != PIXELS) {
            throw new IllegalArgumentException("expected a 28x28 image (" + PIXELS + " bytes), got " + image.length);
        }
        if (isFull()) {
            return false;
        }
        if (count == labels.length) {
            int grown = Math.min(capacity, labels.length * 2);
            byte[] l = new byte[grown];
            byte[] p = new byte[grown * PIXELS];
            System.arraycopy(labels, 0, l, 0, count);
            System.arraycopy(pixels, 0, p, 0, count * PIXELS);
            labels = l;
            pixels = p;
        }
        labels[count] = (byte) label;
        System.arraycopy(image, 0, pixels, count * PIXELS, PIXELS);
        perLabel[label]++;
        count++;
        return true;
    }

    /** Adds every image of {@code digits} (28x28) until full; returns how many were added. */
    public int addAll(Digits digits) {
        if (digits.rows() != SIDE || digits.cols() != SIDE) {
            throw new IllegalArgumentException("expected 28x28 images, got " + digits.rows() + "x" + digits.cols());
        }
        byte[] image = new byte[PIXELS];
        int added = 0;
        for (int i = 0; i < digits.count() && !isFull(); i++) {
            System.arraycopy(digits.pixels(), i * PIXELS, image, 0, PIXELS);
            add(image, digits.label(i));
            added++;
        }
        return added;
    }

    /** Removes the newest digit; false if there was none. */
    public boolean removeLast() {
        if (count == 0) {
            return false;
        }
        count--;
        perLabel[labels[count]]--;
        return true;
    }

    public void clear() {
        count = 0;
        Arrays.fill(perLabel, 0);
    }

    /** A copy of the digits as a training set (oldest first). */
    public Digits toDigits() {
        byte[] l = new byte[count];
        byte[] p = new byte[count * PIXELS];
        System.arraycopy(labels, 0, l, 0, count);
        System.arraycopy(pixels, 0, p, 0, count * PIXELS);
        return new Digits(count, SIDE, SIDE, l, p);
    }

    /** The newest {@code n} digits (fewer if there are fewer), newest first, as a new set. */
    public Digits newest(int n) {
        int k = Math.max(0, Math.min(n, count));
        byte[] l = new byte[k];
        byte[] p = new byte[k * PIXELS];
        for (int i = 0; i < k; i++) {
            int from = count - 1 - i;
            l[i] = labels[from];
            System.arraycopy(pixels, from * PIXELS, p, i * PIXELS, PIXELS);
        }
        return new Digits(k, SIDE, SIDE, l, p);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("digit " + index + " of " + count);
        }
    }
}
