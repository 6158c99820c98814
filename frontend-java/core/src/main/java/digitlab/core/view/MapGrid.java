package digitlab.core.view;

import digitlab.core.nn.Shape;

/**
 * Paints many small maps of the same size as one picture: a convolution's filters (one {@code k x k}
 * image per filter and input channel) or a layer's feature maps (one {@code h x w} image per channel).
 * Map {@code i} sits in row {@code i / columns}, column {@code i % columns}; each value becomes a
 * {@code scale x scale} block coloured with {@link DivergingColormap} (orange positive, blue negative,
 * dark zero) on the {@link Palette#GAP} colour.
 *
 * <p><b>Contrast by group:</b> consecutive maps form groups of {@code groupSize} that share one colour
 * scale, {@code max(floor, max |v|)} over the group: a filter's channels share a scale (so they compare
 * with each other, as its weights act together), a layer's feature maps share one (so a quiet channel
 * looks quiet). A floor of 1 keeps sigmoid and tanh outputs at their absolute meaning, as
 * {@link ActivationStrip} does; 0 gives each group full contrast.
 *
 * <p>{@link #paint} writes into a reused RGBA array, allocates nothing, and returns a cheap hash of
 * the colour entries painted (so a browser test can see a picture change).
 */
public final class MapGrid {
    private final int maps;
    private final int mapHeight;
    private final int mapWidth;
    private final int columns;
    private final int rows;
    private final int scale;
    private final int gap;
    private final int rowGap;
    private double lastScale;

    /**
     * @param maps maps painted
     * @param mapHeight rows of each map
     * @param mapWidth columns of each map
     * @param columns maps per row of the grid (fewer if there are fewer maps)
     * @param scale screen pixels per value
     * @param gap screen pixels between maps and around the border
     */
    public MapGrid(int maps, int mapHeight, int mapWidth, int columns, int scale, int gap) {
        this(maps, mapHeight, mapWidth, columns, scale, gap, gap);
    }

    /**
     * As {@link #MapGrid(int, int, int, int, int, int)}, with {@code rowGap} screen pixels between rows
     * and above and below them (wider than {@code gap} to set a filter's row of channels apart).
     */
    public MapGrid(int maps, int mapHeight, int mapWidth, int columns, int scale, int gap, int rowGap) {
        if (maps < 1 || mapHeight < 1 || mapWidth < 1 || columns < 1 || scale < 1 || gap < 0 || rowGap < 0) {
            throw new IllegalArgumentException("bad map grid: " + maps + " maps of " + mapHeight + "x" + mapWidth + ", "
                    + columns + " columns, scale " + scale + ", gap " + gap);
        }
        this.maps = maps;
        this.mapHeight = mapHeight;
        this.mapWidth = mapWidth;
        this.columns = Math.min(columns, maps);
        this.rows = (maps + this.columns - 1) / this.columns;
        this.scale = scale;
        this.gap = gap;
        this.rowGap = rowGap;
    }

    /**
     * The feature maps of a layer of shape {@code shape}, one per channel: each map enlarged to about
     * {@code targetSide} screen pixels (an integer scale, 1 to {@code maxScale}), at most
     * {@code maxColumns} maps per row.
     */
    public static MapGrid featureMaps(Shape shape, int targetSide, int maxColumns, int maxScale, int gap) {
        int side = Math.max(shape.height(), shape.width());
        int scale = Math.max(1, Math.min(maxScale, (targetSide + side - 1) / side));
        return new MapGrid(shape.channels(), shape.height(), shape.width(), maxColumns, scale, gap);
    }

    /**
     * The filters of a convolution, {@code filters x channels} maps of {@code kernel x kernel}, at most
     * {@code maxMaps} of them (the first filters, whole). With one input channel the filters form a
     * near-square grid; with several, each filter is a row of its channels (wrapped after
     * {@code maxColumns}), the rows three gaps apart. The scale is the largest (1 to {@code maxScale}) that
     * fits {@code maxWidth}.
     */
    public static MapGrid filters(
            int filters, int channels, int kernel, int maxMaps, int maxColumns, int maxWidth, int maxScale, int gap) {
        int shownFilters = Math.max(1, Math.min(filters, maxMaps / Math.max(1, channels)));
        int maps = shownFilters * channels;
        int columns = channels == 1 ? WeightMosaic.columnsFor(maps) : channels;
        columns = Math.max(1, Math.min(columns, Math.min(maps, maxColumns)));
        int scale = Math.max(1, Math.min(maxScale, ((maxWidth - gap) / columns - gap) / kernel));
        return new MapGrid(maps, kernel, kernel, columns, scale, gap, channels == 1 ? gap : 3 * gap);
    }

    /** Maps painted. */
    public int maps() {
        return maps;
    }

    public int mapHeight() {
        return mapHeight;
    }

    public int mapWidth() {
        return mapWidth;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** Screen pixels per value. */
    public int scale() {
        return scale;
    }

    public int width() {
        return columns * (mapWidth * scale + gap) + gap;
    }

    public int height() {
        return rows * (mapHeight * scale + rowGap) + rowGap;
    }

    /** Left edge of map {@code map}. */
    public int mapX(int map) {
        return gap + map % columns * (mapWidth * scale + gap);
    }

    /** Top edge of map {@code map}. */
    public int mapY(int map) {
        return rowGap + map / columns * (mapHeight * scale + rowGap);
    }

    /** The map under picture pixel ({@code x}, {@code y}), or -1 for a gap or outside. */
    public int mapAt(int x, int y) {
        int pitchX = mapWidth * scale + gap;
        int pitchY = mapHeight * scale + rowGap;
        if (x < gap
                || y < rowGap
                || (x - gap) % pitchX >= mapWidth * scale
                || (y - rowGap) % pitchY >= mapHeight * scale) {
            return -1;
        }
        int column = (x - gap) / pitchX;
        int map = (y - rowGap) / pitchY * columns + column;
        return column < columns && map < maps ? map : -1;
    }

    /** A buffer of the right size for {@link #paint}: {@code width() * height() * 4} bytes. */
    public byte[] newBuffer() {
        return new byte[width() * height() * 4];
    }

    /** The colour scale of the last group painted by {@link #paint}: the value shown at full colour. */
    public double lastScale() {
        return lastScale;
    }

    /**
     * Paints {@link #maps()} maps from {@code values[offset..]}, map after map, each row-major.
     *
     * @param groupSize consecutive maps sharing a colour scale, at least 1
     * @param floor the smallest colour scale (1 for activations, 0 for weights)
     * @return a 32-bit FNV-1a hash of the colour entries painted
     */
    public int paint(float[] values, int offset, int groupSize, double floor, byte[] rgba) {
        int area = mapHeight * mapWidth;
        if (offset < 0 || values.length < offset + maps * area) {
            throw new IllegalArgumentException(
                    "need " + maps * area + " values from " + offset + ", array has " + values.length);
        }
        if (groupSize < 1) {
            throw new IllegalArgumentException("a group needs at least one map, got " + groupSize);
        }
        if (rgba.length != width() * height() * 4) {
            throw new IllegalArgumentException(
                    "buffer has " + rgba.length + " bytes, map grid needs " + width() * height() * 4);
        }
        WeightMosaic.fill(rgba, Palette.GAP);
        int hash = 0x811c9dc5;
        int stride = width() * 4;
        double half = DivergingColormap.STEPS / 2;
        double toIndex = 0;
        for (int map = 0; map < maps; map++) {
            int base = offset + map * area;
            if (map % groupSize == 0) {
                int count = Math.min(groupSize, maps - map) * area;
                lastScale = Math.max(floor, WeightMosaic.maxAbs(values, base, count));
                toIndex = lastScale > 0 ? half / lastScale : 0;
            }
            int left = mapX(map);
            int top = mapY(map);
            hash = ColourCells.paint(values, base, mapWidth, mapHeight, toIndex, rgba, stride, left, top, scale, hash);
        }
        return hash;
    }
}
