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
    /**
     * The page's accent, CSS {@code --accent}: the colormaps' positive end. The page's own colours live in
     * web/css/app.css; the pixel painters here cannot read CSS, so PaletteTest checks these against it.
     */
    public static final int ACCENT = 0xffb454;
    /** The second chart line, CSS {@code --line-2}: the colormaps' negative end. */
    public static final int LINE_2 = 0x6cb6ff;
    /** The ring around a node of the network diagram, so a unit at 0 still shows on the background. */
    public static final int NODE_RING = 0x3a4150;
    /** Main text (CSS {@code --text}). */
    public static final int TEXT = 0xe7eaf1;
    /** Text on light fills. */
    public static final int DARK_TEXT = 0x0b0d12;

    /** WCAG AA's least contrast for normal-size text. */
    public static final double MIN_TEXT_CONTRAST = 4.5;

    private static final int WHITE = 0xffffff;
    private static final int BLACK = 0x000000;
    private static final int INK = 0xf4f6fb;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Palette() {}

    public static int inkRed(int ink) {
        return blend(BACKGROUND >> 16 & 0xFF, INK >> 16 & 0xFF, ink);
    }

    public static int inkGreen(int ink) {
        return blend(BACKGROUND >> 8 & 0xFF, INK >> 8 & 0xFF, ink);
    }

    public static int inkBlue(int ink) {
        return blend(BACKGROUND & 0xFF, INK & 0xFF, ink);
    }

    /** {@code 0xRRGGBB} as a CSS colour "#rrggbb". */
    public static String css(int rgb) {
        char[] out = new char[7];
        out[0] = '#';
        for (int i = 0; i < 6; i++) {
            out[6 - i] = HEX[rgb >> (4 * i) & 0xF];
        }
        return new String(out);
    }

    /** Relative luminance (WCAG) of {@code 0xRRGGBB}, 0 (black) to 1 (white). */
    public static double luminance(int rgb) {
        return 0.2126 * linear(rgb >> 16 & 0xFF) + 0.7152 * linear(rgb >> 8 & 0xFF) + 0.0722 * linear(rgb & 0xFF);
    }

    /**
     * {@link #TEXT} or {@link #DARK_TEXT}, whichever contrasts more with a fill of {@code rgb}; on a mid-tone
     * fill where neither reaches {@link #MIN_TEXT_CONTRAST}, pure white or black, one of which always does.
     */
    public static int textOn(int rgb) {
        int themed = contrast(rgb, DARK_TEXT) > contrast(rgb, TEXT) ? DARK_TEXT : TEXT;
        if (contrast(rgb, themed) >= MIN_TEXT_CONTRAST) {
            return themed;
        }
        return contrast(rgb, BLACK) > contrast(rgb, WHITE) ? BLACK : WHITE;
    }

    /** The WCAG contrast ratio of two colours, 1 (none) to 21 (black on white). */
    public static double contrast(int rgb, int other) {
        double a = luminance(rgb);
        double b = luminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** Linear blend from {@code from} (ink 0) to {@code to} (ink 255). */
    private static int blend(int from, int to, int ink) {
        return from + ((to - from) * ink + 127) / 255;
    }
}
