package digitlab.core.view;

import digitlab.core.nn.Shape;

/**
 * Where the network diagram puts each layer and each node on a canvas of {@code width x height} pixels:
 * one column per layer, left to right, a band above for the columns' captions. The input is a block of
 * pixels (or tiles), a dense layer a column of dots that wraps into sub-columns when it does not fit the
 * height (unit 0 at the top of the first), a convolution or pool a column of feature-map tiles, the output
 * a column of larger dots with room for their labels 0-9 to the right.
 *
 * <p>The size of everything comes from one pitch, the largest of {@link #PITCHES} at which all columns fit
 * the width with at least {@link #MIN_GAP} between them (the room the edges need); what is left widens the
 * gaps. Sizes are in CSS pixels times {@code unit} (the device pixel ratio), so the diagram reads the same
 * on a phone and on a desktop, only smaller.
 */
public final class DiagramLayout {
    /** Candidate pitches of a hidden dot in CSS pixels, largest first. */
    static final int[] PITCHES = {22, 18, 15, 12, 10, 8, 7, 6, 5, 4};
    /** Most CSS pixels an output dot takes. */
    static final int OUTPUT_PITCH = 26;

    static final int MIN_GAP = 28;
    static final int MAX_GAP = 200;
    static final int MARGIN = 8;
    /** CSS pixels above the columns, for their captions. */
    public static final int CAPTION_BAND = 20;
    /** CSS pixels right of the output dots, for the digits. */
    static final int LABEL_ROOM = 16;

    private final DiagramNodes nodes;
    private final int width;
    private final int height;
    private final double unit;
    private final Column[] columns;

    /**
     * One layer's column: its left edge and width, the top of its nodes, and the grid they sit in
     * ({@code rows} nodes down each of {@code subColumns}, {@code pitchX x pitchY} apart; a node is
     * {@code nodeWidth x nodeHeight}).
     */
    public record Column(
            DiagramNodes.Look look,
            int nodes,
            int left,
            int top,
            int width,
            int rows,
            int subColumns,
            int pitchX,
            int pitchY,
            int nodeWidth,
            int nodeHeight,
            int scale) {
        /** Left edge of node {@code n}. */
        public int nodeX(int n) {
            return left + (look == DiagramNodes.Look.PIXELS ? n % subColumns : n / rows) * pitchX;
        }

        /** Top edge of node {@code n}. */
        public int nodeY(int n) {
            return top + (look == DiagramNodes.Look.PIXELS ? n / subColumns : n % rows) * pitchY;
        }

        public int centreX(int n) {
            return nodeX(n) + nodeWidth / 2;
        }

        public int centreY(int n) {
            return nodeY(n) + nodeHeight / 2;
        }

        /** Height of the nodes' grid. */
        public int contentHeight() {
            int down = look == DiagramNodes.Look.PIXELS ? (nodes + subColumns - 1) / subColumns : rows;
            return (down - 1) * pitchY + nodeHeight;
        }
    }

    /**
     * @param width canvas pixels across
     * @param height canvas pixels down
     * @param unit canvas pixels per CSS pixel (the device pixel ratio), at least 1
     */
    public DiagramLayout(DiagramNodes nodes, int width, int height, double unit) {
        if (width < 1 || height < 1 || !(unit >= 1)) {
            throw new IllegalArgumentException("bad diagram size " + width + "x" + height + " at " + unit);
        }
        this.nodes = nodes;
        this.width = width;
        this.height = height;
        this.unit = unit;
        int count = nodes.layerCount();
        int inner = Math.max(1, width - 2 * px(MARGIN));
        Column[] fitted = null;
        for (int pitch : PITCHES) {
            fitted = columnsAt(px(pitch));
            if (totalWidth(fitted) + (count - 1) * px(MIN_GAP) <= inner) {
                break;
            }
        }
        int used = totalWidth(fitted);
        int gap = count < 2 ? 0 : Math.max(px(4), Math.min(px(MAX_GAP), (inner - used) / (count - 1)));
        int x = Math.max(px(MARGIN), (width - used - gap * (count - 1)) / 2);
        columns = new Column[count];
        for (int l = 0; l < count; l++) {
            Column c = fitted[l];
            int top = px(CAPTION_BAND) + Math.max(0, (nodesHeight() - c.contentHeight()) / 2);
            columns[l] = new Column(
                    c.look,
                    c.nodes,
                    x,
                    top,
                    c.width,
                    c.rows,
                    c.subColumns,
                    c.pitchX,
                    c.pitchY,
                    c.nodeWidth,
                    c.nodeHeight,
                    c.scale);
            x += c.width + gap;
        }
    }

    public DiagramNodes nodes() {
        return nodes;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Canvas pixels per CSS pixel. */
    public double unit() {
        return unit;
    }

    public Column column(int l) {
        return columns[l];
    }

    public int layerCount() {
        return columns.length;
    }

    /** {@code css} CSS pixels in canvas pixels, at least 1. */
    public int px(double css) {
        return Math.max(1, (int) Math.round(css * unit));
    }

    /** Height below the caption band that the nodes share. */
    private int nodesHeight() {
        return Math.max(px(10), height - px(CAPTION_BAND) - px(MARGIN));
    }

    private static int totalWidth(Column[] columns) {
        int sum = 0;
        for (Column c : columns) {
            sum += c.width;
        }
        return sum;
    }

    /** Every column at hidden-dot pitch {@code pitch}, positions not yet set. */
    private Column[] columnsAt(int pitch) {
        int count = nodes.layerCount();
        Column[] out = new Column[count];
        for (int l = 0; l < count; l++) {
            out[l] = switch (nodes.look(l)) {
                case PIXELS -> pixels(l, pitch);
                case TILES -> tiles(l, pitch);
                case DOTS -> dots(l, pitch, l == count - 1);
            };
        }
        return out;
    }

    private Column pixels(int l, int pitch) {
        Shape shape = nodes.outline().shape(l);
        int side = Math.max(1, Math.min(nodesHeight() / shape.height(), pitch / 3));
        return new Column(
                DiagramNodes.Look.PIXELS,
                shape.area(),
                0,
                0,
                shape.width() * side,
                shape.height(),
                shape.width(),
                side,
                side,
                side,
                side,
                side);
    }

    private Column tiles(int l, int pitch) {
        Shape shape = nodes.outline().shape(l);
        int side = Math.max(shape.height(), shape.width());
        // The input image as large as the pixel block would be; feature maps up to three dot pitches.
        int target = l == 0 ? Math.min(nodesHeight(), side * (pitch / 3)) : Math.min(pitch * 3, nodesHeight());
        int scale = Math.max(1, target / side);
        int gap = px(3);
        int pitchY = shape.height() * scale + gap;
        int channels = shape.channels();
        int rows = Math.max(1, Math.min(channels, (nodesHeight() + gap) / pitchY));
        int subColumns = (channels + rows - 1) / rows;
        rows = (channels + subColumns - 1) / subColumns; // even the sub-columns out
        int pitchX = shape.width() * scale + gap;
        return new Column(
                DiagramNodes.Look.TILES,
                channels,
                0,
                0,
                subColumns * pitchX - gap,
                rows,
                subColumns,
                pitchX,
                pitchY,
                shape.width() * scale,
                shape.height() * scale,
                scale);
    }

    private Column dots(int l, int pitch, boolean output) {
        int n = nodes.nodes(l);
        int room = nodesHeight();
        int p;
        if (output) {
            p = Math.max(px(PITCHES[PITCHES.length - 1]), Math.min(px(OUTPUT_PITCH), room / n));
        } else {
            int single = room / n; // a single column when its dots are at least half the pitch
            p = single * 2 >= pitch && single >= px(PITCHES[PITCHES.length - 1]) ? Math.min(pitch, single) : pitch;
        }
        int rows = Math.max(1, Math.min(n, room / p));
        int subColumns = (n + rows - 1) / rows;
        rows = (n + subColumns - 1) / subColumns;
        int dot = Math.max(1, p - Math.max(1, p / 5));
        int labels = output ? px(LABEL_ROOM) : 0;
        return new Column(
                DiagramNodes.Look.DOTS,
                n,
                0,
                0,
                subColumns * p - (p - dot) + labels,
                rows,
                subColumns,
                p,
                p,
                dot,
                dot,
                1);
    }

    /**
     * The node at canvas pixel ({@code x}, {@code y}), or null: the nearest node of the column under the
     * point (a little to either side counts, so a tap on a phone finds small dots).
     */
    public Pick nodeAt(double x, double y) {
        int slack = px(8);
        for (int l = 0; l < columns.length; l++) {
            Column c = columns[l];
            int right = c.left + c.width;
            if (x < c.left - slack
                    || x >= right + slack
                    || y < c.top - slack
                    || y >= c.top + c.contentHeight() + slack) {
                continue;
            }
            int across = clamp((int) Math.floor((x - c.left) / c.pitchX), 0, c.subColumns - 1);
            int down = clamp(
                    (int) Math.floor((y - c.top) / c.pitchY),
                    0,
                    c.look == DiagramNodes.Look.PIXELS
                            ? nodes.outline().shape(l).height() - 1
                            : c.rows - 1);
            int n = c.look == DiagramNodes.Look.PIXELS ? down * c.subColumns + across : across * c.rows + down;
            return new Pick(l, Math.min(n, c.nodes - 1));
        }
        return null;
    }

    /**
     * The node an arrow key moves to from {@code from}: up and down step through a layer's nodes (a row of
     * pixels in the input block), left and right step to the neighbouring layer at about the same height
     * (within the input block, a pixel across; off its right edge, into the first layer).
     *
     * @param dx -1 left, 1 right, else 0
     * @param dy -1 up, 1 down, else 0
     */
    public Pick move(Pick from, int dx, int dy) {
        int l = from.layer();
        Column c = columns[l];
        if (c.look == DiagramNodes.Look.PIXELS) {
            int across = from.node() % c.subColumns + dx;
            int down = clamp(from.node() / c.subColumns + dy, 0, (c.nodes - 1) / c.subColumns);
            if (across >= 0 && across < c.subColumns) {
                return new Pick(l, down * c.subColumns + across);
            }
            if (across < 0) {
                return new Pick(l, down * c.subColumns);
            }
        } else if (dx == 0) {
            return new Pick(l, clamp(from.node() + dy, 0, c.nodes - 1));
        }
        int to = clamp(l + dx, 0, columns.length - 1);
        if (to == l) {
            return from;
        }
        return nearestInHeight(to, c.centreY(from.node()));
    }

    /** The node of layer {@code l} whose centre is nearest to height {@code y}, the one nearest the previous layer first. */
    private Pick nearestInHeight(int l, int y) {
        Column c = columns[l];
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int n = 0; n < c.nodes; n++) {
            int distance = Math.abs(c.centreY(n) - y);
            if (c.look == DiagramNodes.Look.PIXELS && n % c.subColumns != c.subColumns - 1) {
                continue; // enter the input block at its right edge, next to the first layer
            }
            if (distance < bestDistance) {
                best = n;
                bestDistance = distance;
            }
        }
        return new Pick(l, best);
    }

    private static int clamp(int v, int low, int high) {
        return Math.max(low, Math.min(high, v));
    }

    /** A node: its layer (0 = the input) and its number within the layer. */
    public record Pick(int layer, int node) {}
}
