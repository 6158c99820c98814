package digitlab.core.view;

/**
 * Values in [-1, 1] to colours for a dark page: blue for negative, a dark neutral near the page background
 * for zero, orange for positive, brighter with larger magnitude. Blue against orange stays distinct for
 * the common colour-vision deficiencies (unlike red against green), and both halves rise in lightness at
 * about the same rate, so magnitude reads the same on either side. The positive half alone serves as a
 * sequential map for values in [0, 1] (ReLU or sigmoid activations, fractions).
 *
 * <p>{@link #rgb(double)} interpolates exactly; painters that colour many pixels use the {@link #STEPS}-entry
 * table through {@link #index(double)}, whose middle entry is exactly the zero colour.
 */
public final class DivergingColormap {
    /** Entries in the lookup table: odd, so value 0 has its own entry ({@code STEPS / 2}). */
    public static final int STEPS = 255;
    /** The colour of 0. */
    public static final int ZERO = 0x181b24;

    private static final double[] STOPS = {-1, -0.5, 0, 0.5, 1};
    private static final int[] COLOURS = {Palette.LINE_2, 0x2f6fb8, ZERO, 0xb8652a, Palette.ACCENT};

    static final byte[] RED = new byte[STEPS];
    static final byte[] GREEN = new byte[STEPS];
    static final byte[] BLUE = new byte[STEPS];

    static {
        for (int i = 0; i < STEPS; i++) {
            int rgb = rgb(valueOf(i));
            RED[i] = (byte) (rgb >> 16);
            GREEN[i] = (byte) (rgb >> 8);
            BLUE[i] = (byte) rgb;
        }
    }

    private DivergingColormap() {}

    /** The colour of {@code value} as 0xRRGGBB; values outside [-1, 1] are clamped, NaN is the zero colour. */
    public static int rgb(double value) {
        if (Double.isNaN(value)) {
            return ZERO;
        }
        double v = Math.max(-1, Math.min(1, value));
        int segment = 0;
        while (segment < STOPS.length - 2 && v > STOPS[segment + 1]) {
            segment++;
        }
        double t = (v - STOPS[segment]) / (STOPS[segment + 1] - STOPS[segment]);
        int from = COLOURS[segment];
        int to = COLOURS[segment + 1];
        return mix(from >> 16 & 0xFF, to >> 16 & 0xFF, t) << 16
                | mix(from >> 8 & 0xFF, to >> 8 & 0xFF, t) << 8
                | mix(from & 0xFF, to & 0xFF, t);
    }

    /** The table entry (0..STEPS-1) nearest to {@code value}, clamped; NaN maps to the zero entry. */
    public static int index(double value) {
        if (!(value > -1)) {
            return Double.isNaN(value) ? STEPS / 2 : 0;
        }
        if (value >= 1) {
            return STEPS - 1;
        }
        return (int) ((value + 1) * (STEPS / 2) + 0.5);
    }

    /** The value at the centre of table entry {@code index}. */
    public static double valueOf(int index) {
        return (double) index / (STEPS / 2) - 1;
    }

    /** The colour of table entry {@code index} as 0xRRGGBB. */
    public static int tableRgb(int index) {
        return (RED[index] & 0xFF) << 16 | (GREEN[index] & 0xFF) << 8 | BLUE[index] & 0xFF;
    }

    private static int mix(int from, int to, double t) {
        return (int) (from + (to - from) * t + 0.5);
    }
}
