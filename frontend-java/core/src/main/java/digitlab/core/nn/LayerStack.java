package digitlab.core.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The layers of a network without their activations or weights: the input shape and the layer specs from
 * the first hidden layer to the output, with every layer's shape worked out from the one below. This is
 * the value of the {@code layers} setting ({@link LayerGrammar} reads and writes its text, e.g.
 * {@code 784,c8k5,p2,c16k5,p3,10}).
 *
 * <p>Layer {@code l} counts from the input: layer 0 is the input, layer 1 the first spec. Immutable.
 */
public final class LayerStack {
    /** Largest volume (values per example) of any layer: 1 MB of float32 per example per work array. */
    public static final int MAX_VOLUME = 1 << 18;

    private final Shape input;
    private final List<LayerSpec> specs;
    /** {@code shapes[l]}: the shape layer {@code l} gives; {@code shapes[0]} is the input. */
    private final Shape[] shapes;

    /**
     * @param input the shape of one example
     * @param specs the layers above the input, first hidden layer first; at least one
     * @throws IllegalArgumentException if a layer cannot take the shape below it, naming the layer
     */
    public LayerStack(Shape input, List<LayerSpec> specs) {
        if (specs.isEmpty() || specs.size() + 1 > Architecture.MAX_LAYERS) {
            throw new IllegalArgumentException("a network needs 2 to " + Architecture.MAX_LAYERS
                    + " layers, input and output included, got " + (specs.size() + 1));
        }
        if (input.size() > MAX_VOLUME) {
            throw new IllegalArgumentException("the input has " + input.size() + " values, more than " + MAX_VOLUME);
        }
        this.input = input;
        this.specs = Collections.unmodifiableList(new ArrayList<>(specs));
        shapes = new Shape[specs.size() + 1];
        shapes[0] = input;
        for (int l = 1; l < shapes.length; l++) {
            LayerSpec spec = specs.get(l - 1);
            if (spec == null) {
                throw new IllegalArgumentException("layer " + l + " is missing");
            }
            try {
                shapes[l] = spec.outputShape(shapes[l - 1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name(l) + " on " + shapes[l - 1] + ": " + e.getMessage());
            }
            if (shapes[l].size() > MAX_VOLUME) {
                throw new IllegalArgumentException(name(l) + " gives " + shapes[l] + " = " + shapes[l].size()
                        + " values, more than " + MAX_VOLUME);
            }
        }
    }

    /**
     * A fully-connected stack from layer widths, input first ({@code {784, 128, 10}}); the input takes the
     * shape {@link Shape#ofInputSize} gives the first width.
     */
    public static LayerStack dense(int[] sizes) {
        if (sizes.length < 1) {
            throw new IllegalArgumentException("a network needs 2 to " + Architecture.MAX_LAYERS + " layers, got 0");
        }
        for (int size : sizes) {
            if (size < 1 || size > Architecture.MAX_WIDTH) {
                throw new IllegalArgumentException("layer size " + size + " is outside 1.." + Architecture.MAX_WIDTH);
            }
        }
        List<LayerSpec> specs = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            specs.add(new DenseLayer.Spec(sizes[l]));
        }
        return new LayerStack(Shape.ofInputSize(sizes[0]), specs);
    }

    /** E.g. {@code 'c8k5' (layer 3)}: how messages name layer {@code l}. */
    String name(int l) {
        return "'" + LayerGrammar.token(specs.get(l - 1)) + "' (layer " + l + ")";
    }

    public Shape input() {
        return input;
    }

    /** The specs from the first hidden layer to the output. */
    public List<LayerSpec> specs() {
        return specs;
    }

    /** Layers, the input included: {@code specs().size() + 1}. */
    public int layerCount() {
        return shapes.length;
    }

    /** The spec of layer {@code l}, 1 &lt;= l &lt; layerCount(). */
    public LayerSpec spec(int l) {
        return specs.get(l - 1);
    }

    /** The shape layer {@code l} gives (0: the input). */
    public Shape shape(int l) {
        return shapes[l];
    }

    /** Values per example of every layer, input first: the layer widths of a dense stack. */
    public int[] sizes() {
        int[] sizes = new int[shapes.length];
        for (int l = 0; l < shapes.length; l++) {
            sizes[l] = shapes[l].size();
        }
        return sizes;
    }

    /** True if every layer is dense: the networks that model files v1 and v2 store. */
    public boolean isDense() {
        for (LayerSpec spec : specs) {
            if (!(spec instanceof DenseLayer.Spec)) {
                return false;
            }
        }
        return true;
    }

    /** Weights plus biases of all layers, as a long so huge shapes cannot overflow. */
    public long parameterCount() {
        long n = 0;
        for (int l = 1; l < shapes.length; l++) {
            n += specs.get(l - 1).parameterCount(shapes[l - 1]);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerStack && input.equals(((LayerStack) o).input) && specs.equals(((LayerStack) o).specs);
    }

    @Override
    public int hashCode() {
        return input.hashCode() * 31 + specs.hashCode();
    }

    /** The layer grammar's text, e.g. {@code 784,c8k5,p2,10}. */
    @Override
    public String toString() {
        return LayerGrammar.format(this, ',');
    }
}
