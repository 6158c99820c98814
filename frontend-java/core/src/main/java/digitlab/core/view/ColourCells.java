package digitlab.core.view;

/**
 * Paints a map of values (a unit's weights, a filter, a feature map) into an RGBA picture through the
 * {@link DivergingColormap}, each value a {@code scale x scale} square: the inner loop of the weight
 * mosaic and of the map grids, written once.
 */
final class ColourCells {
    private ColourCells() {}

    /**
     * Paints {@code values[base ..]}, a row-major {@code width x height} map, with its top-left corner at
     * pixel ({@code left}, {@code top}) of {@code rgba} ({@code stride} bytes a row). A value {@code v}
     * takes colour entry {@code v * toIndex + STEPS / 2}, clamped to the table.
     *
     * @return {@code hash} folded (FNV-1a style) with every entry painted, so a test can see a picture change
     */
    static int paint(
            float[] values,
            int base,
            int width,
            int height,
            double toIndex,
            byte[] rgba,
            int stride,
            int left,
            int top,
            int scale,
            int hash) {
        double half = DivergingColormap.STEPS / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int entry = (int) (values[base + y * width + x] * toIndex + half + 0.5);
                if (entry < 0) {
                    entry = 0;
                } else if (entry >= DivergingColormap.STEPS) {
                    entry = DivergingColormap.STEPS - 1;
                }
                hash = (hash ^ entry) * 0x01000193;
                byte r = DivergingColormap.RED[entry];
                byte g = DivergingColormap.GREEN[entry];
                byte b = DivergingColormap.BLUE[entry];
                for (int dy = 0; dy < scale; dy++) {
                    int at = (top + y * scale + dy) * stride + (left + x * scale) * 4;
                    for (int dx = 0; dx < scale; dx++, at += 4) {
                        rgba[at] = r;
                        rgba[at + 1] = g;
                        rgba[at + 2] = b;
                        rgba[at + 3] = (byte) 255;
                    }
                }
            }
        }
        return hash;
    }
}
