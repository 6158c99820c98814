package digitlab.core.view;

/**
 * The colours the views share. Ink goes from the page's dark background to near-white, so digits look
 * like MNIST (light strokes on black) and match the page's dark theme.
 */
public final class Palette {
    /** Background of an image cell: 0 ink. */
    public static final int BACKGROUND = 0x10131a;
    /** Between cells. */
    public static final int GAP = 0x1f2430;
    private static final int INK = 0xf4f6fb;

    private Palette() {
    }

    public static int inkRed(int ink) {
        return blend(BACKGROUND >> 16 & 0xFF, INK >> 16 & 0xFF, ink);
    }

    public static int inkGreen(int ink) {
        return blend(BACKGROUND >> 8 & 0xFF, INK >> 8 & 0xFF, ink);
    }

    public static int inkBlue(int ink) {
        return blend(BACKGROUND & 0xFF, INK & 0xFF, ink);
    }

    /** Linear blend from {@code from} (ink 0) to {@code to} (ink 255). */
    private static int blend(int from, int to, int ink) {
        return from + ((to - from) * ink + 127) / 255;
    }
}
