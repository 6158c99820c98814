package digitlab.core.nn;

/**
 * What a layer is, without its weights: its kind and settings (e.g. a convolution of 8 filters of 5x5),
 * as the {@code layers} setting and the model file name it. A spec works out the shape it gives from the
 * shape it takes, and builds the {@link Layer} that computes it. Specs are immutable values (records), so
 * two architectures with equal specs are equal.
 *
 * <p>Each layer type keeps its spec next to its maths, in its own file ({@link DenseLayer.Spec},
 * {@link ConvLayer.Spec}, {@link MaxPoolLayer.Spec}); {@link LayerGrammar} reads and writes their text.
 */
public interface LayerSpec {
    /**
     * The shape this layer gives for {@code input}.
     *
     * @throws IllegalArgumentException if the layer cannot take {@code input} (a kernel larger than the
     *     map, a pool that leaves nothing); the message says why, without the layer's position, which
     *     {@link LayerStack} adds
     */
    Shape outputShape(Shape input);

    /** Weights plus biases of this layer on {@code input}, as a long so huge shapes cannot overflow. */
    long parameterCount(Shape input);

    /** True if the layer has weights, and so an activation from the {@code act} setting. */
    boolean hasWeights();

    /**
     * The layer that computes this spec on {@code input}, its parameters from {@code offset} in the
     * network's parameter array, with work memory for {@code maxBatch} examples.
     */
    Layer create(Shape input, int offset, int maxBatch);
}
