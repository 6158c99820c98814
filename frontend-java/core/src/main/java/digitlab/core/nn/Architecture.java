package digitlab.core.nn;

import java.util.Arrays;

/**
 * The shape of a network: its layers ({@link LayerStack}: the input shape and a spec per layer, e.g.
 * {@code 784,c8k5,p2,c16k5,p3,10} or {@code 784,128,10}), one activation per hidden layer with weights
 * (dense or convolution; a max-pool has none), and the loss, which also fixes the output activation. The
 * output layer is dense.
 *
 * <p>Parameters are laid out in one flat array, layer after layer, each layer as its weights then its
 * biases, in the layout its class documents ({@link DenseLayer}: input-major, so that a zero input skips
 * one contiguous row; {@link ConvLayer}: filter by filter).
 *
 * <p>Layer {@code l} counts from the input (0) to the output ({@code layerCount() - 1}). Immutable:
 * arrays are copied in and out.
 */
public final class Architecture {
    /** Largest accepted dense layer width; larger would not train in a browser anyway. */
    public static final int MAX_WIDTH = 65536;
    /** Most accepted layers, counting input and output. */
    public static final int MAX_LAYERS = 32;
    /** Most accepted parameters (weights and biases): 256 MB of float32. */
    public static final int MAX_PARAMETERS = 64 * 1024 * 1024;

    private final LayerStack layers;
    /** Activations of the hidden layers with weights, bottom up. */
    private final Activation[] hidden;
    /** {@code perLayer[l]}: the activation of hidden layer {@code l}, null for the input, pools and the output. */
    private final Activation[] perLayer;

    private final Loss loss;
    /** {@code offsets[l]}: where layer {@code l}'s parameters start; {@code offsets[layerCount()]} is the total. */
    private final int[] offsets;

    /**
     * A fully-connected network, as before layers had types.
     *
     * @param sizes layer widths from input to output, at least 2
     * @param hidden activations of the hidden layers ({@code sizes.length - 2} of them), or exactly one
     *        activation to use for every hidden layer
     * @param loss output activation and cost
     * @throws IllegalArgumentException if the shape is not usable (the message says why)
     */
    public Architecture(int[] sizes, Activation[] hidden, Loss loss) {
        this(denseStack(sizes), hidden, loss);
    }

    private static LayerStack denseStack(int[] sizes) {
        if (sizes.length < 2 || sizes.length > MAX_LAYERS) {
            throw new IllegalArgumentException(
                    "a network needs 2 to " + MAX_LAYERS + " layer sizes, got " + sizes.length);
        }
        return LayerStack.dense(sizes);
    }

    /**
     * @param layers the input shape and the layers above it; the last must be dense
     * @param hidden activations of the hidden layers with weights, bottom up, or exactly one activation to
     *        use for all of them
     * @param loss output activation and cost
     * @throws IllegalArgumentException if the network is not usable (the message says why)
     */
    public Architecture(LayerStack layers, Activation[] hidden, Loss loss) {
        int last = layers.layerCount() - 1;
        if (!(layers.spec(last) instanceof DenseLayer.Spec)) {
            throw new IllegalArgumentException(
                    "the output layer must be a dense layer of one unit per class, got " + layers.name(last));
        }
        if (layers.shape(last).size() < 2) {
            throw new IllegalArgumentException("the output layer needs at least 2 classes");
        }
        int weighted = 0;
        for (int l = 1; l < last; l++) {
            weighted += layers.spec(l).hasWeights() ? 1 : 0;
        }
        if (hidden.length == 1 && weighted != 1) {
            Activation only = hidden[0];
            hidden = new Activation[weighted];
            Arrays.fill(hidden, only);
        }
        if (hidden.length != weighted) {
            String what = layers.isDense() ? " hidden layers need " : " hidden layers with weights need ";
            throw new IllegalArgumentException(
                    weighted + what + weighted + " activations (or one for all), got " + hidden.length);
        }
        if (loss == null) {
            throw new IllegalArgumentException("loss is missing");
        }
        for (Activation a : hidden) {
            if (a == null) {
                throw new IllegalArgumentException("an activation is missing");
            }
        }
        long parameters = layers.parameterCount();
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException(
                    "network has " + parameters + " parameters, more than the limit " + MAX_PARAMETERS);
        }
        this.layers = layers;
        this.hidden = hidden.clone();
        this.loss = loss;
        perLayer = new Activation[layers.layerCount()];
        offsets = new int[layers.layerCount() + 1];
        int h = 0;
        for (int l = 1; l <= last; l++) {
            if (l < last && layers.spec(l).hasWeights()) {
                perLayer[l] = this.hidden[h++];
            }
            offsets[l + 1] = offsets[l] + (int) layers.spec(l).parameterCount(layers.shape(l - 1));
        }
    }

    /** Weights plus biases of a dense network with these layer sizes, as a long so huge shapes cannot overflow. */
    public static long countParameters(int[] sizes) {
        long n = 0;
        for (int l = 1; l < sizes.length; l++) {
            n += (long) sizes[l - 1] * sizes[l] + sizes[l];
        }
        return n;
    }

    /** The input shape and the layer specs. */
    public LayerStack layers() {
        return layers;
    }

    /** True if every layer is dense (what model files v1 and v2 store). */
    public boolean isDense() {
        return layers.isDense();
    }

    /** Values per example of every layer from input to output (a copy): the widths of a dense network. */
    public int[] sizes() {
        return layers.sizes();
    }

    /** Number of layers, input and output included (784-128-10 has 3). */
    public int layerCount() {
        return layers.layerCount();
    }

    /** Values per example of layer {@code l}, 0 = input: the width of a dense layer. */
    public int size(int l) {
        return layers.shape(l).size();
    }

    /** The shape of layer {@code l}'s values, 0 = input. */
    public Shape shape(int l) {
        return layers.shape(l);
    }

    public int inputSize() {
        return layers.input().size();
    }

    /** Number of classes. */
    public int outputSize() {
        return size(layerCount() - 1);
    }

    /** Activations of the hidden layers with weights (a copy), bottom up: one per hidden layer of a dense network. */
    public Activation[] hiddenActivations() {
        return hidden.clone();
    }

    /**
     * Activation of hidden layer {@code l}, 1 &lt;= l &lt;= layerCount() - 2; null for a layer without
     * weights (a max-pool), whose output is its input's maximum as it is.
     */
    public Activation activation(int l) {
        if (l < 1 || l > layerCount() - 2) {
            throw new IllegalArgumentException("hidden layers are 1.." + (layerCount() - 2) + ", got " + l);
        }
        return perLayer[l];
    }

    public Loss loss() {
        return loss;
    }

    /** Length of the flat parameter array. */
    public int parameterCount() {
        return offsets[layerCount()];
    }

    /** Offset of layer {@code l}'s weights in the parameter array (l &gt;= 1; its biases follow them). */
    public int weightOffset(int l) {
        return offsets[l];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture
                && layers.equals(((Architecture) o).layers)
                && Arrays.equals(hidden, ((Architecture) o).hidden)
                && loss == ((Architecture) o).loss;
    }

    @Override
    public int hashCode() {
        return layers.hashCode() * 31 + Arrays.hashCode(hidden) * 7 + loss.hashCode();
    }

    /** E.g. {@code 784-128-10 relu softmax} or {@code 784-c8k5-p2-10 relu softmax}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(LayerGrammar.format(layers, '-'));
        for (Activation a : hidden) {
            sb.append(' ').append(a.id());
        }
        return sb.append(' ').append(loss.id()).toString();
    }
}
