package digitlab.core.view;

import digitlab.core.data.Digits;

/**
 * Lays out digit images as a grid and paints it into an RGBA pixel buffer, the way the classic tutorials'
 * displayData shows 100 training examples: light ink on a dark background, a thin gap between cells.
 *
 * <p>The whole picture is built in one Java array so the browser copies it to the canvas once per frame,
 * not once per pixel.
 */
public final class DigitGrid {
    private final int columns;
    private final int rows;
    private final int imageSide;
    private final int scale;
    private final int gap;
    private CellLayout layout;

    /**
     * @param columns cells per row
     * @param rows cells per column
     * @param imageSide pixels per side of one (square) image, 28 for MNIST
     * @param scale how many screen pixels one image pixel becomes
     * @param gap screen pixels between cells and around the border
     */
    public DigitGrid(int columns, int rows, int imageSide, int scale, int gap) {
        if (columns <= 0 || rows <= 0 || imageSide <= 0 || scale <= 0 || gap < 0) {
            throw new IllegalArgumentException("bad grid: " + columns + "x" + rows + " cells of " + imageSide
                    + " px, scale " + scale + ", gap " + gap);
        }
        this.columns = columns;
        this.rows = rows;
        this.imageSide = imageSide;
        this.scale = scale;
        this.gap = gap;
    }

    public int cells() {
        return columns * rows;
    }

    public int width() {
        return layout().width();
    }

    public int height() {
        return layout().height();
    }

    /** Left edge, in screen pixels, of cell {@code cell} (cells run left to right, then top to bottom). */
    public int cellX(int cell) {
        return layout().cellX(cell);
    }

    /** Top edge, in screen pixels, of cell {@code cell}. */
    public int cellY(int cell) {
        return layout().cellY(cell);
    }

    /** A buffer of the right size for {@link #paint}: {@code width() * height() * 4} bytes. */
    public byte[] newBuffer() {
        return new byte[width() * height() * 4];
    }

    /**
     * Paints images {@code indices[0..]} of {@code digits} into {@code rgba}; cells without an index stay
     * background.
     */
    public void paint(Digits digits, int[] indices, byte[] rgba) {
        if (digits.rows() != imageSide || digits.cols() != imageSide) {
            throw new IllegalArgumentException("grid cells are " + imageSide + "x" + imageSide + ", images are "
                    + digits.rows() + "x" + digits.cols());
        }
        if (rgba.length != width() * height() * 4) {
            throw new IllegalArgumentException(
                    "buffer has " + rgba.length + " bytes, grid needs " + width() * height() * 4);
        }
        fill(rgba, Palette.GAP);
        int n = Math.min(indices.length, cells());
        for (int cell = 0; cell < n; cell++) {
            paintCell(digits, indices[cell], cellX(cell), cellY(cell), rgba);
        }
    }

    private void paintCell(Digits digits, int index, int left, int top, byte[] rgba) {
        byte[] pixels = digits.pixels();
        int base = index * imageSide * imageSide;
        int stride = width() * 4;
        for (int y = 0; y < imageSide; y++) {
            for (int x = 0; x < imageSide; x++) {
                int ink = pixels[base + y * imageSide + x] & 0xFF;
                int r = Palette.inkRed(ink);
                int g = Palette.inkGreen(ink);
                int b = Palette.inkBlue(ink);
                for (int dy = 0; dy < scale; dy++) {
                    int at = (top + y * scale + dy) * stride + (left + x * scale) * 4;
                    for (int dx = 0; dx < scale; dx++, at += 4) {
                        rgba[at] = (byte) r;
                        rgba[at + 1] = (byte) g;
                        rgba[at + 2] = (byte) b;
                        rgba[at + 3] = (byte) 255;
                    }
                }
            }
        }
    }

    private static void fill(byte[] rgba, int rgb) {
        byte r = (byte) (rgb >> 16);
        byte g = (byte) (rgb >> 8);
        byte b = (byte) rgb;
        for (int at = 0; at < rgba.length; at += 4) {
            rgba[at] = r;
            rgba[at + 1] = g;
            rgba[at + 2] = b;
            rgba[at + 3] = (byte) 255;
        }
    }

    /**
     * {@code count} image indices spread evenly over {@code 0..available-1}, so a grid shows a varied,
     * reproducible sample rather than the first few images.
     */
    public static int[] evenlySpaced(int count, int available) {
        int n = Math.min(count, available);
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = (int) ((long) i * available / n);
        }
        return indices;
    }

    /** Made once, on first use: the views ask for cell positions every frame. */
    private CellLayout layout() {
        if (layout == null) {
            layout = new CellLayout(columns, rows, imageSide * scale, gap);
        }
        return layout;
    }
}
