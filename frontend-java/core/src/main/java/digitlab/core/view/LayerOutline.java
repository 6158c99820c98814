package digitlab.core.view;

import digitlab.core.nn.ConvLayer;
import digitlab.core.nn.LayerGrammar;
import digitlab.core.nn.LayerSpec;
import digitlab.core.nn.LayerStack;
import digitlab.core.nn.MaxPoolLayer;
import digitlab.core.nn.Shape;

/**
 * What the views need to know of a network's layers to picture its values: each layer's shape
 * (channels x height x width) and kind, and a caption. The worker sends it with every layer-by-layer
 * report as the {@code layers} text ({@link LayerGrammar}) and the shapes as three ints per layer
 * ({@link #shapeInts}); {@link #of} reads both back and checks they agree, so the page never guesses a
 * shape from a size.
 *
 * <p>Convolutions and pools are shown as feature maps (one small image per channel), dense layers as
 * strips of units ({@link #showsMaps}).
 */
public final class LayerOutline {
    /** What a layer is, for the views. */
    public enum Kind {
        INPUT,
        DENSE,
        CONV,
        POOL
    }

    private final LayerStack stack;

    public LayerOutline(LayerStack stack) {
        this.stack = stack;
    }

    /**
     * Reads the outline sent with a report.
     *
     * @param layers the layers in the grammar of {@link LayerGrammar}, e.g. {@code 784,c8k5,p2,10}
     * @param shapes three ints (channels, height, width) per layer, input first, as {@link #shapeInts}
     * @throws IllegalArgumentException if the two disagree
     */
    public static LayerOutline of(String layers, int[] shapes) {
        LayerStack stack = LayerGrammar.parse(layers);
        if (shapes.length != 3 * stack.layerCount()) {
            throw new IllegalArgumentException(
                    shapes.length + " shape values for the " + stack.layerCount() + " layers of " + layers);
        }
        for (int l = 0; l < stack.layerCount(); l++) {
            Shape shape = new Shape(shapes[3 * l], shapes[3 * l + 1], shapes[3 * l + 2]);
            if (!shape.equals(stack.shape(l))) {
                throw new IllegalArgumentException(
                        "layer " + l + " of " + layers + " gives " + stack.shape(l) + ", the report says " + shape);
            }
        }
        return new LayerOutline(stack);
    }

    /** Three ints per layer, input first: channels, height, width. */
    public static int[] shapeInts(LayerStack stack) {
        int[] ints = new int[3 * stack.layerCount()];
        for (int l = 0; l < stack.layerCount(); l++) {
            Shape shape = stack.shape(l);
            ints[3 * l] = shape.channels();
            ints[3 * l + 1] = shape.height();
            ints[3 * l + 2] = shape.width();
        }
        return ints;
    }

    /** The layers in the grammar of {@link LayerGrammar}, e.g. {@code 784,c8k5,p2,10}. */
    public String layers() {
        return LayerGrammar.format(stack, ',');
    }

    /** Layers, the input and the output included. */
    public int layerCount() {
        return stack.layerCount();
    }

    public Shape shape(int l) {
        return stack.shape(l);
    }

    /** Values per example of every layer, input first. */
    public int[] sizes() {
        return stack.sizes();
    }

    /** Layer {@code l}'s description (1 = first above the input). */
    public LayerSpec spec(int l) {
        return stack.spec(l);
    }

    public Kind kind(int l) {
        if (l == 0) {
            return Kind.INPUT;
        }
        if (stack.spec(l) instanceof ConvLayer.Spec) {
            return Kind.CONV;
        }
        return stack.spec(l) instanceof MaxPoolLayer.Spec ? Kind.POOL : Kind.DENSE;
    }

    /** True for a layer shown as feature maps: a convolution or a pool. */
    public boolean showsMaps(int l) {
        Kind kind = kind(l);
        return kind == Kind.CONV || kind == Kind.POOL;
    }

    /** True if some layer is shown as feature maps. */
    public boolean hasMaps() {
        for (int l = 1; l < layerCount(); l++) {
            if (showsMaps(l)) {
                return true;
            }
        }
        return false;
    }

    /**
     * E.g. {@code conv 8@5x5 same → 8x28x28}, {@code max-pool 2x2 → 8x14x14}, {@code dense 128}: the
     * layer and the shape it gives.
     */
    public String caption(int l) {
        if (l == 0) {
            return "input " + shape(0);
        }
        if (kind(l) == Kind.DENSE) {
            return "dense " + shape(l).size();
        }
        return stack.spec(l) + " \u2192 " + shape(l);
    }

    /** Every layer's shape, input first, comma-separated, e.g. {@code 1x28x28,8x28x28,8x14x14,10x1x1}. */
    public String shapesText() {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < layerCount(); l++) {
            sb.append(l == 0 ? "" : ",").append(shape(l));
        }
        return sb.toString();
    }
}
