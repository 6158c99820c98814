package digitlab.core.view;

import digitlab.core.nn.ConvLayer;
import digitlab.core.nn.LayerGrammar;
import digitlab.core.nn.LayerStack;
import digitlab.core.nn.Shape;

/**
 * What the network diagram draws as one node of each layer, before any geometry: a dense layer's node is a
 * unit (a dot), a convolution's or pool's node is a channel (a small feature-map tile), and the input is a
 * block of pixels (one node per pixel) in front of a dense layer, or a tile per channel in front of a
 * convolution or pool (a filter sees the whole image, not single pixels).
 *
 * <p>It also turns a unit's incoming weights into one weight per node of the layer below
 * ({@link #incomingByNode}): a dense unit's weights from a feature map, or a filter's {@code k x k} weights
 * on one channel, add up to one edge, the net push of that whole map.
 */
public final class DiagramNodes {
    /** How a layer's nodes look. */
    public enum Look {
        /** The input image, a node per pixel. */
        PIXELS,
        /** A node per unit. */
        DOTS,
        /** A node per channel, drawn as its feature map. */
        TILES
    }

    private final LayerOutline outline;
    private final Look[] looks;

    public DiagramNodes(LayerOutline outline) {
        this.outline = outline;
        int count = outline.layerCount();
        looks = new Look[count];
        for (int l = 0; l < count; l++) {
            looks[l] = lookOf(outline, l);
        }
    }

    /** The nodes of a network's layers. */
    public static DiagramNodes of(LayerStack stack) {
        return new DiagramNodes(new LayerOutline(stack));
    }

    private static Look lookOf(LayerOutline outline, int l) {
        Shape shape = outline.shape(l);
        if (l == 0) {
            if (shape.area() == 1) {
                return Look.DOTS;
            }
            boolean mapsNext = outline.layerCount() > 1 && outline.showsMaps(1);
            return mapsNext || shape.channels() > 1 ? Look.TILES : Look.PIXELS;
        }
        return outline.showsMaps(l) ? Look.TILES : Look.DOTS;
    }

    public LayerOutline outline() {
        return outline;
    }

    public int layerCount() {
        return looks.length;
    }

    public Look look(int l) {
        return looks[l];
    }

    /** Nodes of layer {@code l}: pixels, units or channels. */
    public int nodes(int l) {
        Shape shape = outline.shape(l);
        return looks[l] == Look.TILES ? shape.channels() : shape.size();
    }

    /** Values of layer {@code l} in one node: the area of a map for tiles, else 1. */
    public int valuesPerNode(int l) {
        return looks[l] == Look.TILES ? outline.shape(l).area() : 1;
    }

    /** True if the nodes of layer {@code l} have incoming weights (not the input, not a pool). */
    public boolean hasWeights(int l) {
        return l > 0 && outline.kind(l) != LayerOutline.Kind.POOL;
    }

    /** The kernel side of convolution {@code l}, else 0. */
    public int kernel(int l) {
        return l > 0 && outline.kind(l) == LayerOutline.Kind.CONV ? convSpec(l).kernel() : 0;
    }

    /** Incoming weights of one node of layer {@code l}: a dense unit's inputs, a filter's weights, else 0. */
    public int weightsPerNode(int l) {
        if (!hasWeights(l)) {
            return 0;
        }
        int kernel = kernel(l);
        Shape below = outline.shape(l - 1);
        return kernel > 0 ? below.channels() * kernel * kernel : below.size();
    }

    /**
     * One weight per node of layer {@code l - 1} from a node's {@link #weightsPerNode} incoming weights:
     * the sum of the weights that read that node's values (a pool's node reads its own channel, at
     * weight 1).
     *
     * @param node the node of layer {@code l} (used by a pool)
     */
    public float[] incomingByNode(int l, int node, float[] weights) {
        float[] byNode = new float[nodes(l - 1)];
        if (!hasWeights(l)) {
            if (l > 0) {
                byNode[node] = 1;
            }
            return byNode;
        }
        if (weights.length != weightsPerNode(l)) {
            throw new IllegalArgumentException(
                    "layer " + l + " has " + weightsPerNode(l) + " weights a node, got " + weights.length);
        }
        int group = kernel(l) > 0 ? kernel(l) * kernel(l) : valuesPerNode(l - 1);
        for (int i = 0; i < weights.length; i++) {
            byNode[i / group] += weights[i];
        }
        return byNode;
    }

    /** E.g. {@code 128} or {@code c8k5}: the layer as the layers setting writes it. */
    public String token(int l) {
        return l == 0 ? String.valueOf(outline.shape(0).size()) : LayerGrammar.token(outline.spec(l));
    }

    private ConvLayer.Spec convSpec(int l) {
        return (ConvLayer.Spec) outline.spec(l);
    }
}
