package digitlab.core.view;

/**
 * Paints one layer's activations for one input as a grid of square cells (unit 0 top-left, row by row)
 * into an RGBA buffer, coloured with {@link DivergingColormap}: orange for positive, blue for negative.
 *
 * <p>The colour scale is {@code max(1, max |a|)} of the layer: sigmoid and tanh outputs (within [-1, 1])
 * keep their absolute meaning (1 = fully on), while unbounded ReLU outputs are scaled by the layer's
 * largest value. {@link #paint} returns the scale used so a caption can say so.
 */
public final class ActivationStrip {
    private final int count;
    private final int columns;
    private final int rows;
    private final int cell;
    private final int gap;

    /**
     * @param count units in the layer
     * @param maxColumns most cells per row (fewer if the layer is smaller)
     * @param cell screen pixels per cell side
     * @param gap screen pixels between cells and around the border
     */
    public ActivationStrip(int count, int maxColumns, int cell, int gap) {
        if (count <= 0 || maxColumns <= 0 || cell <= 0 || gap < 0) {
            throw new IllegalArgumentException(
                    "bad strip: " + count + " units, " + maxColumns + " columns, cell " + cell + ", gap " + gap);
        }
        this.count = count;
        this.columns = Math.min(count, maxColumns);
        this.rows = (count + columns - 1) / columns;
        this.cell = cell;
        this.gap = gap;
    }

    public int count() {
        return count;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int width() {
        return columns * (cell + gap) + gap;
    }

    public int height() {
        return rows * (cell + gap) + gap;
    }

    /** The unit under picture pixel ({@code x}, {@code y}), or -1 for a gap or outside. */
    public int unitAt(int x, int y) {
        int pitch = cell + gap;
        if (x < gap || y < gap || (x - gap) % pitch >= cell || (y - gap) % pitch >= cell) {
            return -1;
        }
        int column = (x - gap) / pitch;
        int unit = (y - gap) / pitch * columns + column;
        return column < columns && unit < count ? unit : -1;
    }

    public byte[] newBuffer() {
        return new byte[width() * height() * 4];
    }

    /**
     * Paints {@code values[offset..offset+count)} into {@code rgba}.
     *
     * @return the colour scale used: the value shown at full colour
     */
    public double paint(float[] values, int offset, byte[] rgba) {
        if (offset < 0 || values.length < offset + count) {
            throw new IllegalArgumentException(
                    "need " + count + " values from " + offset + ", array has " + values.length);
        }
        if (rgba.length != width() * height() * 4) {
            throw new IllegalArgumentException(
                    "buffer has " + rgba.length + " bytes, strip needs " + width() * height() * 4);
        }
        WeightMosaic.fill(rgba, Palette.GAP);
        double scale = Math.max(1, WeightMosaic.maxAbs(values, offset, count));
        int stride = width() * 4;
        for (int unit = 0; unit < count; unit++) {
            int entry = DivergingColormap.index(values[offset + unit] / scale);
            byte r = DivergingColormap.RED[entry];
            byte g = DivergingColormap.GREEN[entry];
            byte b = DivergingColormap.BLUE[entry];
            int left = gap + unit % columns * (cell + gap);
            int top = gap + unit / columns * (cell + gap);
            for (int dy = 0; dy < cell; dy++) {
                int at = (top + dy) * stride + left * 4;
                for (int dx = 0; dx < cell; dx++, at += 4) {
                    rgba[at] = r;
                    rgba[at + 1] = g;
                    rgba[at + 2] = b;
                    rgba[at + 3] = (byte) 255;
                }
            }
        }
        return scale;
    }
}
