package digitlab.core.nn;

/**
 * One layer of a {@link Network}: the map from the values of the layer below ({@code x}) to this layer's
 * pre-activations ({@code z}) on a mini-batch, and back. The activation (or the loss, for the output) is
 * applied by the network, which knows where the layer sits; a layer without weights (max-pool) has none,
 * and its {@code z} is its output.
 *
 * <p>A layer keeps no weights of its own: they live at {@link #offset} in the network's one flat
 * parameter array, and their gradient at the same place in the gradient array, so optimisers, L-BFGS,
 * replicas and the model file move plain {@code float[]} and never see a layer. Each subclass documents its
 * parameter layout.
 *
 * <p>Batches are flat, example after example: {@code x} holds {@code count} rows of {@code input.size()}
 * floats, {@code z} rows of {@code output.size()} floats, each row in the CHW order of {@link Shape}.
 * A layer may keep per-example work memory (sized for {@code maxBatch} examples at construction) between
 * {@link #forward} and {@link #backward} of the same batch; nothing is allocated per example.
 */
public abstract class Layer {
    /** The shape this layer takes. */
    final Shape input;
    /** The shape this layer gives. */
    final Shape output;
    /** Where this layer's parameters start in the parameter (and gradient) array. */
    final int offset;
    /** How many parameters it has there (0 for a layer without weights). */
    final int parameterCount;
    /**
     * Where its biases start: the parameters from {@link #offset} up to here are weights (the ones weight
     * decay regularises), the rest up to {@code offset + parameterCount} biases.
     */
    final int biasOffset;

    /**
     * @param weightCount how many of the {@code parameterCount} parameters, from {@code offset} on, are
     *     weights; the biases follow them
     */
    Layer(Shape input, Shape output, int offset, int weightCount, int parameterCount) {
        this.input = input;
        this.output = output;
        this.offset = offset;
        this.parameterCount = parameterCount;
        this.biasOffset = offset + weightCount;
    }

    /** Initial weights, then biases, from {@code init}, in parameter order (so a seed fixes them). */
    abstract void initialise(float[] params, Init init, Rng rng);

    /**
     * Forward: fills {@code z} ({@code count} rows of {@code output.size()}) from {@code x}
     * ({@code count} rows of {@code input.size()}).
     */
    abstract void forward(float[] params, float[] x, float[] z, int count);

    /**
     * Backward, after {@link #forward} on the same batch: given {@code delta = dCost/dz}, adds the
     * gradient of the layer's parameters to {@code grads} and writes {@code dCost/dx} into
     * {@code inputDelta}, unless it is null (the first layer needs no gradient for the pixels).
     */
    abstract void backward(float[] params, float[] x, float[] delta, float[] grads, float[] inputDelta, int count);

    /**
     * Adds {@code rate * W} to the weights' gradient (the biases are not regularised).
     *
     * @return the sum of the squared weights
     */
    final float addWeightDecay(float[] params, float[] grads, float rate) {
        float sum = 0f;
        for (int w = offset; w < biasOffset; w++) {
            float p = params[w];
            sum += p * p;
            grads[w] += rate * p;
        }
        return sum;
    }

    /** Weights per unit (dense: inputs; conv: one filter's {@code channels * kernel * kernel}); 0 if none. */
    int weightsPerUnit() {
        return 0;
    }

    /** Units with weights (dense: outputs; conv: filters); 0 if none. */
    int units() {
        return 0;
    }

    /**
     * Copies the weights into {@code out} unit by unit: unit {@code j}'s {@link #weightsPerUnit()}
     * incoming weights start at {@code j * weightsPerUnit()} (a picture per unit for the weight views).
     */
    void copyWeightsByUnit(float[] params, float[] out) {}

    /** The shape this layer takes. */
    public Shape inputShape() {
        return input;
    }

    /** The shape this layer gives. */
    public Shape outputShape() {
        return output;
    }
}
