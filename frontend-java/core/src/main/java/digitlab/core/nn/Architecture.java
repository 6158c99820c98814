package digitlab.core.nn;

import digitlab.core.text.Text;
import java.util.Arrays;

/**
 * The shape of a fully-connected network: layer sizes from input to output (e.g. 784, 128, 10), one
 * activation per hidden layer, and the loss, which also fixes the output activation.
 *
 * <p>Parameters are laid out in one flat array, layer after layer, each layer as its weights then its
 * biases. Weights are stored input-major ({@code w[i * outputs + j]} connects input {@code i} to output
 * {@code j}) so that a zero input skips one contiguous row: see {@link DenseLayer}.
 *
 * <p>Immutable: arrays are copied in and out.
 */
public final class Architecture {
    /** Largest accepted layer width; larger would not train in a browser anyway. */
    public static final int MAX_WIDTH = 65536;
    /** Most accepted layers, counting input and output. */
    public static final int MAX_LAYERS = 32;
    /** Most accepted parameters (weights and biases): 256 MB of float32. */
    public static final int MAX_PARAMETERS = 64 * 1024 * 1024;

    private final int[] sizes;
    private final Activation[] hidden;
    private final Loss loss;

    /**
     * @param sizes layer widths from input to output, at least 2
     * @param hidden activations of the hidden layers ({@code sizes.length - 2} of them), or exactly one
     *        activation to use for every hidden layer
     * @param loss output activation and cost
     * @throws IllegalArgumentException if the shape is not usable (the message says why)
     */
    public Architecture(int[] sizes, Activation[] hidden, Loss loss) {
        if (sizes.length < 2 || sizes.length > MAX_LAYERS) {
            throw new IllegalArgumentException(
                    "a network needs 2 to " + MAX_LAYERS + " layer sizes, got " + sizes.length);
        }
        for (int size : sizes) {
            if (size < 1 || size > MAX_WIDTH) {
                throw new IllegalArgumentException("layer size " + size + " is outside 1.." + MAX_WIDTH);
            }
        }
        if (sizes[sizes.length - 1] < 2) {
            throw new IllegalArgumentException("the output layer needs at least 2 classes");
        }
        int hiddenCount = sizes.length - 2;
        if (hidden.length == 1 && hiddenCount != 1) {
            Activation only = hidden[0];
            hidden = new Activation[hiddenCount];
            Arrays.fill(hidden, only);
        }
        if (hidden.length != hiddenCount) {
            throw new IllegalArgumentException(hiddenCount + " hidden layers need " + hiddenCount
                    + " activations (or one for all), got " + hidden.length);
        }
        if (loss == null) {
            throw new IllegalArgumentException("loss is missing");
        }
        for (Activation a : hidden) {
            if (a == null) {
                throw new IllegalArgumentException("an activation is missing");
            }
        }
        if (countParameters(sizes) > MAX_PARAMETERS) {
            throw new IllegalArgumentException(
                    "network has " + countParameters(sizes) + " parameters, more than the limit " + MAX_PARAMETERS);
        }
        this.sizes = sizes.clone();
        this.hidden = hidden.clone();
        this.loss = loss;
    }

    /** Weights plus biases of a network with these layer sizes, as a long so huge shapes cannot overflow. */
    public static long countParameters(int[] sizes) {
        long n = 0;
        for (int l = 1; l < sizes.length; l++) {
            n += (long) sizes[l - 1] * sizes[l] + sizes[l];
        }
        return n;
    }

    /** Layer widths from input to output (a copy). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Number of sizes, input and output included (784-128-10 has 3). */
    public int layerCount() {
        return sizes.length;
    }

    /** Width of layer {@code l}, 0 = input. */
    public int size(int l) {
        return sizes[l];
    }

    public int inputSize() {
        return sizes[0];
    }

    /** Number of classes. */
    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** Activations of the hidden layers (a copy), {@code layerCount() - 2} of them. */
    public Activation[] hiddenActivations() {
        return hidden.clone();
    }

    /** Activation of hidden layer {@code l}, 1 &lt;= l &lt;= layerCount() - 2. */
    public Activation activation(int l) {
        return hidden[l - 1];
    }

    public Loss loss() {
        return loss;
    }

    /** Length of the flat parameter array. */
    public int parameterCount() {
        return (int) countParameters(sizes);
    }

    /** Offset of layer {@code l}'s weights in the parameter array (l &gt;= 1; its biases follow them). */
    public int weightOffset(int l) {
        int offset = 0;
        for (int k = 1; k < l; k++) {
            offset += sizes[k - 1] * sizes[k] + sizes[k];
        }
        return offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture
                && Arrays.equals(sizes, ((Architecture) o).sizes)
                && Arrays.equals(hidden, ((Architecture) o).hidden)
                && loss == ((Architecture) o).loss;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes) * 31 + Arrays.hashCode(hidden) * 7 + loss.hashCode();
    }

    /** E.g. {@code 784-128-10 relu softmax}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Text.join(sizes, '-'));
        for (Activation a : hidden) {
            sb.append(' ').append(a.id());
        }
        return sb.append(' ').append(loss.id()).toString();
    }
}
