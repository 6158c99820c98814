package digitlab.core.data;

/**
 * How a stored pixel (a byte, 0 = background to 255 = full ink) becomes a network input in [0, 1]: the one
 * normalisation for MNIST images, drawn digits and the benchmark's baseline, so a drawing reaches the
 * network exactly as a training image does.
 */
public final class Pixels {
    private Pixels() {}

    /** The input for one pixel byte. */
    public static float input(byte pixel) {
        return (pixel & 0xFF) / 255f;
    }

    /**
     * {@code table[v & 0xFF]} is {@link #input}'s value for every byte: for a hot loop that looks up rather
     * than divides (keep it in the loop's own class: a static field of another class costs TeaVM an
     * initialisation check on every read).
     */
    public static float[] inputTable() {
        float[] table = new float[256];
        for (int v = 0; v < 256; v++) {
            table[v] = input((byte) v);
        }
        return table;
    }
}
