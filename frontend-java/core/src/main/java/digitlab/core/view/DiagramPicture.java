package digitlab.core.view;

/**
 * Paints the network diagram into an RGBA picture: every node coloured by its value for one input (the
 * input in ink, in a frame, as a pixel block or as tiles; every other layer with {@link DivergingColormap} at the layer's scale
 * {@code max(1, max |a|)}, as {@link ActivationStrip} does), for a selected node its strongest incoming and
 * outgoing edges ({@link DiagramEdges}, orange for a positive weight, blue for a negative one, thicker and
 * brighter the stronger), and a ring around it. The pictures (input block, feature maps) go under the
 * edges, so an edge shows the pixel it starts from; the dots go over them. Text (captions, the output digits)
 * is the page's to draw on top; {@link DiagramLayout} says where.
 */
public final class DiagramPicture {
    private final DiagramLayout layout;
    private final int[] offsets;
    private final int total;

    public DiagramPicture(DiagramLayout layout) {
        this.layout = layout;
        int[] sizes = layout.nodes().outline().sizes();
        offsets = new int[sizes.length];
        int at = 0;
        for (int l = 0; l < sizes.length; l++) {
            offsets[l] = at;
            at += sizes[l];
        }
        total = at;
    }

    public DiagramLayout layout() {
        return layout;
    }

    /** Values of every layer for one input, the input first: how many {@link #paint} takes. */
    public int values() {
        return total;
    }

    /** Where layer {@code l}'s values start among {@link #values()}. */
    public int offset(int l) {
        return offsets[l];
    }

    public byte[] newBuffer() {
        return new byte[layout.width() * layout.height() * 4];
    }

    /**
     * Paints the diagram.
     *
     * @param activations every layer's values, the input first ({@link #values()} floats), or null: every
     *     node at 0
     * @param selected the selected node, or null
     * @param incoming one weight per node of the layer below the selected node (see
     *     {@link DiagramNodes#incomingByNode}), or null
     * @param outgoing one weight per node of the layer above it, or null
     * @return a hash of the node colours painted, so a test can see the picture change
     */
    public int paint(
            float[] activations, DiagramLayout.Pick selected, float[] incoming, float[] outgoing, byte[] rgba) {
        if (rgba.length != layout.width() * layout.height() * 4) {
            throw new IllegalArgumentException(
                    "buffer has " + rgba.length + " bytes, diagram needs " + layout.width() * layout.height() * 4);
        }
        if (activations != null && activations.length != total) {
            throw new IllegalArgumentException(
                    "need " + total + " values (every layer, the input first), got " + activations.length);
        }
        WeightMosaic.fill(rgba, Palette.BACKGROUND);
        int hash = 0x811c9dc5;
        // Pictures first, so the edges show which pixel or map they come from; dots last, over the edges.
        for (int l = 0; l < layout.layerCount(); l++) {
            if (layout.column(l).look() != DiagramNodes.Look.DOTS) {
                hash = layer(l, activations, rgba, hash);
            }
        }
        if (selected != null) {
            int l = selected.layer();
            if (incoming != null && l > 0) {
                edges(l - 1, incoming, l, selected.node(), true, rgba);
            }
            if (outgoing != null && l + 1 < layout.layerCount()) {
                edges(l + 1, outgoing, l, selected.node(), false, rgba);
            }
        }
        for (int l = 0; l < layout.layerCount(); l++) {
            if (layout.column(l).look() == DiagramNodes.Look.DOTS) {
                hash = layer(l, activations, rgba, hash);
            }
        }
        if (selected != null) {
            ring(selected, rgba);
        }
        return hash;
    }

    /** The colour scale of layer {@code l}: the value shown at full colour. */
    public double scale(int l, float[] activations) {
        if (activations == null) {
            return 1;
        }
        return Math.max(
                1,
                WeightMosaic.maxAbs(
                        activations,
                        offsets[l],
                        layout.nodes().outline().shape(l).size()));
    }

    private int layer(int l, float[] activations, byte[] rgba, int hash) {
        DiagramLayout.Column c = layout.column(l);
        DiagramNodes nodes = layout.nodes();
        int stride = layout.width() * 4;
        double scale = scale(l, activations);
        if (c.look() == DiagramNodes.Look.TILES && l == 0) {
            return inputTiles(c, activations, rgba, hash);
        }
        if (c.look() == DiagramNodes.Look.TILES) {
            float[] values = activations != null ? activations : new float[total];
            double toIndex = DivergingColormap.STEPS / 2 / scale;
            int area = nodes.valuesPerNode(l);
            int mapWidth = nodes.outline().shape(l).width();
            int mapHeight = nodes.outline().shape(l).height();
            for (int n = 0; n < c.nodes(); n++) {
                if (c.nodeX(n) + c.nodeWidth() > layout.width() || c.nodeY(n) + c.nodeHeight() > layout.height()) {
                    continue; // off a canvas too small for the network
                }
                hash = ColourCells.paint(
                        values,
                        offsets[l] + n * area,
                        mapWidth,
                        mapHeight,
                        toIndex,
                        rgba,
                        stride,
                        c.nodeX(n),
                        c.nodeY(n),
                        c.scale(),
                        hash);
            }
            return hash;
        }
        if (c.look() == DiagramNodes.Look.PIXELS) {
            frame(c.left(), c.top(), c.width(), c.contentHeight(), layout.px(1), Palette.NODE_RING, rgba);
        }
        boolean ring = c.look() == DiagramNodes.Look.DOTS && c.nodeWidth() >= layout.px(5);
        for (int n = 0; n < c.nodes(); n++) {
            float value = activations == null ? 0 : activations[offsets[l] + n];
            int rgb;
            if (c.look() == DiagramNodes.Look.PIXELS) {
                int ink = (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
                rgb = Palette.inkRed(ink) << 16 | Palette.inkGreen(ink) << 8 | Palette.inkBlue(ink);
                hash = (hash ^ ink) * 0x01000193;
            } else {
                int entry = DivergingColormap.index(value / scale);
                rgb = DivergingColormap.tableRgb(entry);
                hash = (hash ^ entry) * 0x01000193;
            }
            if (c.look() == DiagramNodes.Look.DOTS && c.nodeWidth() >= layout.px(4)) {
                disc(c.nodeX(n), c.nodeY(n), c.nodeWidth(), rgb, ring ? Palette.NODE_RING : rgb, rgba);
            } else {
                rect(c.nodeX(n), c.nodeY(n), c.nodeWidth(), c.nodeHeight(), rgb, rgba);
            }
        }
        return hash;
    }

    /** The input image in ink, as in the pixel block, when it is shown as tiles (in front of a convolution). */
    private int inputTiles(DiagramLayout.Column c, float[] activations, byte[] rgba, int hash) {
        DiagramNodes nodes = layout.nodes();
        int width = nodes.outline().shape(0).width();
        int area = nodes.valuesPerNode(0);
        int s = c.scale();
        for (int n = 0; n < c.nodes(); n++) {
            for (int i = 0; i < area; i++) {
                float value = activations == null ? 0 : activations[n * area + i];
                int ink = (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
                hash = (hash ^ ink) * 0x01000193;
                int rgb = Palette.inkRed(ink) << 16 | Palette.inkGreen(ink) << 8 | Palette.inkBlue(ink);
                rect(c.nodeX(n) + i % width * s, c.nodeY(n) + i / width * s, s, s, rgb, rgba);
            }
            frame(c.nodeX(n), c.nodeY(n), c.nodeWidth(), c.nodeHeight(), layout.px(1), Palette.NODE_RING, rgba);
        }
        return hash;
    }

    /** The strongest edges between the selected node and the nodes of layer {@code other}. */
    private void edges(int other, float[] weights, int l, int node, boolean in, byte[] rgba) {
        DiagramLayout.Column from = layout.column(other);
        DiagramLayout.Column to = layout.column(l);
        if (weights.length != from.nodes()) {
            throw new IllegalArgumentException(
                    "layer " + other + " has " + from.nodes() + " nodes, got " + weights.length + " edge weights");
        }
        int[] top = DiagramEdges.strongest(weights, DiagramEdges.TOP);
        if (top.length == 0) {
            return;
        }
        float max = Math.abs(weights[top[0]]);
        // Weakest first, so the strongest lie on top.
        for (int i = top.length - 1; i >= 0; i--) {
            int n = top[i];
            double strength = Math.abs(weights[n]) / max;
            int rgb = DivergingColormap.rgb(Math.signum(weights[n]) * (0.4 + 0.6 * strength));
            int thickness = layout.px(1 + 1.5 * strength);
            int x0 = in ? rightEnd(from, n) : rightEnd(to, node);
            int x1 = in ? leftEnd(to, node) : leftEnd(from, n);
            int y0 = in ? from.centreY(n) : to.centreY(node);
            int y1 = in ? to.centreY(node) : from.centreY(n);
            line(x0, y0, x1, y1, thickness, rgb, rgba);
        }
    }

    /** Where an edge leaves a node: a pixel's centre (it lies inside the input block), else its right side. */
    private static int rightEnd(DiagramLayout.Column c, int n) {
        return c.look() == DiagramNodes.Look.PIXELS ? c.centreX(n) : c.nodeX(n) + c.nodeWidth();
    }

    private static int leftEnd(DiagramLayout.Column c, int n) {
        return c.look() == DiagramNodes.Look.PIXELS ? c.centreX(n) : c.nodeX(n);
    }

    private void ring(DiagramLayout.Pick pick, byte[] rgba) {
        DiagramLayout.Column c = layout.column(pick.layer());
        int pad = layout.px(2);
        int w = layout.px(2);
        int x = c.nodeX(pick.node()) - pad;
        int y = c.nodeY(pick.node()) - pad;
        frame(x, y, c.nodeWidth() + 2 * pad, c.nodeHeight() + 2 * pad, w, Palette.TEXT, rgba);
    }

    /** A rectangle's outline {@code w} pixels wide, drawn just outside the given box. */
    private void frame(int x, int y, int width, int height, int w, int rgb, byte[] rgba) {
        rect(x - w, y - w, width + 2 * w, w, rgb, rgba);
        rect(x - w, y + height, width + 2 * w, w, rgb, rgba);
        rect(x - w, y, w, height, rgb, rgba);
        rect(x + width, y, w, height, rgb, rgba);
    }

    /** A line {@code thickness} pixels wide: squares stepped along the longer axis. */
    private void line(int x0, int y0, int x1, int y1, int thickness, int rgb, byte[] rgba) {
        int steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
        int half = thickness / 2;
        for (int s = 0; s <= steps; s++) {
            double t = steps == 0 ? 0 : (double) s / steps;
            int x = (int) Math.round(x0 + (x1 - x0) * t);
            int y = (int) Math.round(y0 + (y1 - y0) * t);
            rect(x - half, y - half, thickness, thickness, rgb, rgba);
        }
    }

    /** A filled disc in the {@code side x side} square at ({@code x}, {@code y}), its edge in {@code edge}. */
    private void disc(int x, int y, int side, int fill, int edge, byte[] rgba) {
        double r = side / 2.0;
        double inner = Math.max(0, r - layout.px(1));
        for (int dy = 0; dy < side; dy++) {
            for (int dx = 0; dx < side; dx++) {
                double ex = dx + 0.5 - r;
                double ey = dy + 0.5 - r;
                double d = ex * ex + ey * ey;
                if (d <= r * r) {
                    set(x + dx, y + dy, d <= inner * inner ? fill : edge, rgba);
                }
            }
        }
    }

    private void rect(int x, int y, int width, int height, int rgb, byte[] rgba) {
        for (int dy = 0; dy < height; dy++) {
            for (int dx = 0; dx < width; dx++) {
                set(x + dx, y + dy, rgb, rgba);
            }
        }
    }

    private void set(int x, int y, int rgb, byte[] rgba) {
        if (x < 0 || y < 0 || x >= layout.width() || y >= layout.height()) {
            return;
        }
        int at = (y * layout.width() + x) * 4;
        rgba[at] = (byte) (rgb >> 16);
        rgba[at + 1] = (byte) (rgb >> 8);
        rgba[at + 2] = (byte) rgb;
        rgba[at + 3] = (byte) 255;
    }
}
