package digitlab.core.view;

import digitlab.core.nn.Shape;

/**
 * A selected node's incoming weights as a picture, at one contrast for the whole node (orange positive,
 * blue negative, {@link DivergingColormap}): a unit reading the input image shows a 28x28 image; one
 * reading feature maps shows a map per channel; one reading a dense layer shows its weights row by row in
 * a near-square grid (weight 0 top-left, padded with the zero colour); a convolution's node shows its
 * filter, a {@code k x k} picture per input channel. The input and pools have no weights.
 */
public final class IncomingPicture {
    private final MapGrid grid;
    private final int weights;
    private final float[] padded;
    private final String description;

    /**
     * @param layer the selected node's layer, which must have weights ({@link DiagramNodes#hasWeights})
     * @param targetWidth about how many pixels wide the picture should be (an integer scale of at least 1)
     */
    public IncomingPicture(DiagramNodes nodes, int layer, int targetWidth) {
        if (!nodes.hasWeights(layer)) {
            throw new IllegalArgumentException("layer " + layer + " has no incoming weights");
        }
        weights = nodes.weightsPerNode(layer);
        Shape below = nodes.outline().shape(layer - 1);
        int kernel = nodes.kernel(layer);
        int maps;
        int mapHeight;
        int mapWidth;
        if (kernel > 0) {
            maps = below.channels();
            mapHeight = kernel;
            mapWidth = kernel;
            description = "its filter: " + kernel + "\u00d7" + kernel
                    + (maps > 1 ? " on each of " + maps + " input channels" : "");
        } else if (below.area() > 1) {
            maps = below.channels();
            mapHeight = below.height();
            mapWidth = below.width();
            description = maps == 1
                    ? weights + " weights as a " + mapWidth + "\u00d7" + mapHeight + " image"
                    : weights + " weights as " + maps + " maps of " + mapWidth + "\u00d7" + mapHeight;
        } else {
            maps = 1;
            mapWidth = WeightMosaic.columnsFor(weights);
            mapHeight = (weights + mapWidth - 1) / mapWidth;
            description = weights + " weights, " + mapWidth + " a row";
        }
        padded = new float[maps * mapHeight * mapWidth];
        int columns = maps == 1 ? 1 : Math.min(maps, WeightMosaic.columnsFor(maps));
        int gap = maps == 1 ? 0 : 1;
        int natural = columns * (mapWidth + gap) + gap;
        int scale = Math.max(1, Math.min(12, targetWidth / natural));
        grid = new MapGrid(maps, mapHeight, mapWidth, columns, scale, gap);
    }

    /** E.g. "784 weights as a 28×28 image" or "its filter: 5×5". */
    public String description() {
        return description;
    }

    public int width() {
        return grid.width();
    }

    public int height() {
        return grid.height();
    }

    public byte[] newBuffer() {
        return grid.newBuffer();
    }

    /**
     * Paints the node's incoming weights ({@link DiagramNodes#weightsPerNode} floats).
     *
     * @return a hash of the colours painted
     */
    public int paint(float[] incoming, byte[] rgba) {
        if (incoming.length != weights) {
            throw new IllegalArgumentException("need " + weights + " weights, got " + incoming.length);
        }
        System.arraycopy(incoming, 0, padded, 0, weights);
        return grid.paint(padded, 0, grid.maps(), 0, rgba);
    }
}
