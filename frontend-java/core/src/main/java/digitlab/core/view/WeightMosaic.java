package digitlab.core.view;

/**
 * Paints the first-layer weights of a network as a mosaic: hidden unit {@code j}'s incoming weights
 * ({@code side * side} floats starting at {@code j * side * side}, a 28x28 image for MNIST) become one cell
 * of a near-square grid, coloured with {@link DivergingColormap} (orange = positive, blue = negative,
 * dark = zero).
 *
 * <p><b>Per-unit contrast:</b> each cell is scaled by its own largest |w|, so every unit shows its pattern
 * at full contrast whatever its overall size; colours are therefore comparable within a cell, not
 * between cells. A unit whose weights are all zero paints as the zero colour.
 *
 * <p>Wide layers show only their first {@code maxCells} units. The picture goes into a reused RGBA array,
 * and {@link #paint} returns a cheap checksum of what it painted (so a browser test can see the weights
 * change) computed on the colour-table entries of the source pixels, not on the scaled-up bytes.
 */
public final class WeightMosaic {
    private final int units;
    private final int side;
    private final int scale;
    private final int gap;
    private CellLayout layout;
    private final int shown;
    private final int columns;
    private final int rows;

    /**
     * @param units hidden units in the weights that will be painted
     * @param side pixels per side of one unit's (square) weight image, 28 for MNIST
     * @param scale screen pixels per weight
     * @param gap screen pixels between cells and around the border
     * @param maxCells most units shown; wider layers show their first {@code maxCells}
     */
    public WeightMosaic(int units, int side, int scale, int gap, int maxCells) {
        if (units <= 0 || side <= 0 || scale <= 0 || gap < 0 || maxCells <= 0) {
            throw new IllegalArgumentException("bad mosaic: " + units + " units of " + side + "x" + side + ", scale "
                    + scale + ", gap " + gap + ", max " + maxCells + " cells");
        }
        this.units = units;
        this.side = side;
        this.scale = scale;
        this.gap = gap;
        this.shown = Math.min(units, maxCells);
        this.columns = columnsFor(shown);
        this.rows = (shown + columns - 1) / columns;
    }

    /** Columns of a near-square grid of {@code cells} cells: the smallest c with c * c >= cells. */
    public static int columnsFor(int cells) {
        int c = (int) Math.sqrt(cells);
        while (c * c < cells) {
            c++;
        }
        return Math.max(1, c);
    }

    /**
     * The largest scale (at least 1, at most {@code maxScale}) at which {@code columns} cells of
     * {@code side} pixels with {@code gap} fit into {@code maxWidth} pixels.
     */
    public static int scaleToFit(int columns, int side, int gap, int maxWidth, int maxScale) {
        int perCell = (maxWidth - gap) / columns - gap;
        return Math.max(1, Math.min(maxScale, perCell / side));
    }

    /** The side of a square image of {@code inputs} pixels, or -1 if {@code inputs} is not a square. */
    public static int squareSide(int inputs) {
        int s = (int) Math.round(Math.sqrt(inputs));
        return s > 0 && s * s == inputs ? s : -1;
    }

    public int units() {
        return units;
    }

    /** Units actually painted: {@code min(units, maxCells)}. */
    public int shown() {
        return shown;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int width() {
        return layout().width();
    }

    public int height() {
        return layout().height();
    }

    /** Left edge of the cell of unit {@code unit}. */
    public int cellX(int unit) {
        return layout().cellX(unit);
    }

    /** Top edge of the cell of unit {@code unit}. */
    public int cellY(int unit) {
        return layout().cellY(unit);
    }

    /** The unit whose cell holds picture pixel ({@code x}, {@code y}), or -1 for a gap or outside. */
    public int unitAt(int x, int y) {
        int pitch = side * scale + gap;
        if (x < gap || y < gap) {
            return -1;
        }
        int column = (x - gap) / pitch;
        int row = (y - gap) / pitch;
        if (column >= columns || (x - gap) % pitch >= side * scale || (y - gap) % pitch >= side * scale) {
            return -1;
        }
        int unit = row * columns + column;
        return unit < shown ? unit : -1;
    }

    /** A buffer of the right size for {@link #paint}: {@code width() * height() * 4} bytes. */
    public byte[] newBuffer() {
        return new byte[width() * height() * 4];
    }

    /**
     * Paints the first {@link #shown()} units of {@code weights} into {@code rgba}.
     *
     * @param weights at least {@code units * side * side} floats, unit by unit
     * @return a 32-bit FNV-1a hash of the colour entries painted (changes when the picture changes)
     */
    public int paint(float[] weights, byte[] rgba) {
        int n = side * side;
        if (weights.length < units * n) {
            throw new IllegalArgumentException("need " + units * n + " weights for " + units + " units of " + side + "x"
                    + side + ", got " + weights.length);
        }
        if (rgba.length != width() * height() * 4) {
            throw new IllegalArgumentException(
                    "buffer has " + rgba.length + " bytes, mosaic needs " + width() * height() * 4);
        }
        fill(rgba, Palette.GAP);
        int hash = 0x811c9dc5;
        int stride = width() * 4;
        double half = DivergingColormap.STEPS / 2;
        for (int unit = 0; unit < shown; unit++) {
            int base = unit * n;
            float max = maxAbs(weights, base, n);
            double toIndex = max > 0 ? half / max : 0;
            int left = cellX(unit);
            int top = cellY(unit);
            hash = ColourCells.paint(weights, base, side, side, toIndex, rgba, stride, left, top, scale, hash);
        }
        return hash;
    }

    /** Largest |v| among {@code values[from..from+count)}; 0 if all are zero (NaN is skipped). */
    public static float maxAbs(float[] values, int from, int count) {
        float max = 0;
        for (int i = from; i < from + count; i++) {
            float a = Math.abs(values[i]);
            if (a > max) {
                max = a;
            }
        }
        return max;
    }

    static void fill(byte[] rgba, int rgb) {
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

    /** Made once, on first use: the views ask for cell positions every frame. */
    private CellLayout layout() {
        if (layout == null) {
            layout = new CellLayout(columns, rows, side * scale, gap);
        }
        return layout;
    }
}
