package digitlab.core.nn;

import digitlab.core.data.Digits;
import digitlab.core.data.Pixels;
import digitlab.core.model.Model;
import digitlab.core.model.TrainingMetadata;
import digitlab.core.run.TrainingConfig;
import java.util.Arrays;

/**
 * A network: a list of {@link Layer}s (dense, convolution, max-pool) over one flat parameter array, with
 * the forward pass, the backward pass (backpropagation) and the cost in this one class. The maths of each
 * layer type, and its weights' layout, are in its own class; this class runs the chain, applies the
 * activations between layers and the loss on top.
 *
 * <p>All work memory (inputs, pre-activations, activations, deltas for up to {@link #maxBatch()}
 * examples) is allocated once here and in the layers, so training allocates nothing per step. Larger
 * requests are processed in chunks of {@code maxBatch}. Not thread-safe: one network per worker.
 *
 * <p>Optimisers see only {@link #parameters()} and {@link #gradient()}, two arrays of the same length.
 *
 * <p>Longer than most classes here, for a reason: its one job is the passes through the layers over that
 * one work memory, and every method runs a pass or reads what it left: the training cost and gradient,
 * the health check of the last pass ({@link #silentLayer()}), and the read-outs for evaluation and the
 * UI ({@link #predict}, {@link #allActivations}). Splitting the read-outs off would hand the work memory
 * to a second class.
 */
public final class Network {
    /** Pixel bytes become inputs by table look-up ({@link Pixels}). */
    private static final float[] PIXEL = Pixels.inputTable();

    private final Architecture architecture;
    private final Layer[] layers; // layers[l] maps layer l-1 to layer l; layers[0] unused
    /** activations[l]: applied to layer l's z; null for a max-pool (z is its output) and the output layer. */
    private final Activation[] activations;
    /** needsInputDelta[l]: some layer below l has parameters, so the gradient must go on down through l. */
    private final boolean[] needsInputDelta;

    private final float[] params;
    private final float[] grads;
    private final int maxBatch;

    // Work memory, maxBatch rows each. a[0] is the input batch; for a layer without an activation z[l] and
    // a[l] are the same array.
    private final float[][] z;
    private final float[][] a;
    private final float[][] delta;
    private final int[] labels;
    private int correct;
    /** Examples in the last forward pass (rows of a[] that are current). */
    private int forwardCount;

    /**
     * A network with all parameters 0; call {@link #initialise} or {@link #setParameters} next.
     *
     * @param maxBatch most examples processed at once (memory grows with it; larger requests are chunked)
     */
    public Network(Architecture architecture, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        this.architecture = architecture;
        this.maxBatch = maxBatch;
        int count = architecture.layerCount();
        int last = count - 1;
        layers = new Layer[count];
        activations = new Activation[count];
        needsInputDelta = new boolean[count];
        z = new float[count][];
        a = new float[count][];
        delta = new float[count][];
        a[0] = new float[maxBatch * architecture.inputSize()];
        LayerStack stack = architecture.layers();
        boolean weightsBelow = false;
        for (int l = 1; l < count; l++) {
            layers[l] = stack.spec(l).create(stack.shape(l - 1), architecture.weightOffset(l), maxBatch);
            activations[l] = l < last ? architecture.activation(l) : null;
            needsInputDelta[l] = weightsBelow;
            weightsBelow |= layers[l].parameterCount > 0;
            int size = maxBatch * architecture.size(l);
            z[l] = new float[size];
            a[l] = activations[l] != null || l == last ? new float[size] : z[l];
            delta[l] = new float[size];
        }
        params = new float[architecture.parameterCount()];
        grads = new float[params.length];
        labels = new int[maxBatch];
    }

    /** Most floats of work memory a network sizes for its batch: 128 MB. */
    private static final long MAX_WORK_FLOATS = 1L << 25;

    /**
     * The largest batch up to {@code wanted} whose work memory fits in 128 MB: {@code wanted} itself for
     * any dense network of the sizes the page offers, fewer for a big batch of a convolutional network
     * (28x28 maps in 8 channels are ~20,000 floats per example per work array). A larger batch is then
     * processed in chunks, with the same gradient.
     */
    public static int batchFitting(Architecture architecture, int wanted) {
        long perExample = architecture.inputSize();
        for (int l = 1; l < architecture.layerCount(); l++) {
            perExample += 3L * architecture.size(l); // z, a and delta
        }
        return (int) Math.max(1, Math.min(wanted, MAX_WORK_FLOATS / perExample));
    }

    /** A network holding a copy of the model's weights. */
    public static Network fromModel(Model model, int maxBatch) {
        Network network = new Network(model.architecture(), maxBatch);
        network.setParameters(model.parameters());
        return network;
    }

    /**
     * The model (architecture + a copy of the weights) with optional training metadata and the settings of
     * the run that trained it (either may be null).
     */
    public Model toModel(TrainingMetadata metadata, TrainingConfig config) {
        return new Model(architecture, params, metadata, config);
    }

    /**
     * Draws every weight and bias from {@code init}, layer by layer in parameter order, using {@code rng}
     * (biases are 0 unless the scheme draws them).
     */
    public void initialise(Init init, Rng rng) {
        for (int l = 1; l < layers.length; l++) {
            layers[l].initialise(params, init, rng);
        }
    }

    public Architecture architecture() {
        return architecture;
    }

    public int maxBatch() {
        return maxBatch;
    }

    /** The live parameter array (layout: see {@link Architecture}); optimisers update it in place. */
    public float[] parameters() {
        return params;
    }

    /** The live gradient array, filled by {@link #lossAndGradient}. */
    public float[] gradient() {
        return grads;
    }

    /** Replaces every parameter with a copy of {@code values}. */
    public void setParameters(float[] values) {
        if (values.length != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " parameters, got " + values.length);
        }
        System.arraycopy(values, 0, params, 0, params.length);
    }

    /**
     * The training cost and its gradient over examples {@code indices[from..from+count)} of {@code data}
     * (or examples {@code from..from+count)} if {@code indices} is null):
     *
     * <pre>
     *   J = (1/count) * sum of per-example costs  +  lambda/(2m) * sum of squared weights (not biases)
     * </pre>
     *
     * The gradient of J is left in {@link #gradient()}; {@link #lastCorrect()} tells how many of the
     * examples were classified correctly on the way.
     *
     * @param lambda L2 regularisation strength, 0 for none
     * @param m the training set size that scales the L2 term (as in the tutorials' {@code lambda/(2m)}),
     *        so a mini-batch gradient is an unbiased estimate of the full-batch one
     */
    public double lossAndGradient(Digits data, int[] indices, int from, int count, float lambda, int m) {
        checkData(data, count);
        Arrays.fill(grads, 0f);
        double costSum = 0;
        int right = 0;
        float scale = 1f / count;
        for (int start = from; start < from + count; start += maxBatch) {
            int n = Math.min(maxBatch, from + count - start);
            load(data, indices, start, n);
            forward(n);
            costSum += costSum(n);
            right += countCorrect(n);
            backward(n, scale);
        }
        correct = right;
        double cost = costSum / count;
        if (lambda > 0f) {
            cost += addRegularisation(lambda, m);
        }
        return cost;
    }

    /**
     * The first hidden layer (counted from 1) whose every unit output exactly 0 for every example of the
     * last forward pass, or 0 if there is none. Such a layer (dead ReLUs) passes nothing on and gets no
     * gradient, so it never recovers. Stops at the first non-zero output: cheap for a healthy network.
     */
    public int silentLayer() {
        for (int l = 1; l < layers.length - 1; l++) {
            float[] out = a[l];
            int length = forwardCount * architecture.size(l);
            int i = 0;
            while (i < length && out[i] == 0f) {
                i++;
            }
            if (length > 0 && i == length) {
                return l;
            }
        }
        return 0;
    }

    /** Examples classified correctly in the last {@link #lossAndGradient} call. */
    public int lastCorrect() {
        return correct;
    }

    // ---------------------------------------------------------------- forward

    /** Forward pass over the {@code n} examples in {@code a[0]}: fills z and a of every layer. */
    private void forward(int n) {
        forwardCount = n;
        int last = layers.length - 1;
        for (int l = 1; l <= last; l++) {
            layers[l].forward(params, a[l - 1], z[l], n);
            if (activations[l] != null) {
                activations[l].apply(z[l], a[l], n * architecture.size(l));
            } else if (l == last) {
                int k = architecture.size(l);
                for (int e = 0; e < n; e++) {
                    architecture.loss().outputs(z[l], a[l], e * k, k);
                }
            }
        }
    }

    /** Sum of the per-example costs of the last forward pass (no regularisation). */
    private double costSum(int n) {
        int last = layers.length - 1;
        int k = architecture.size(last);
        double sum = 0;
        for (int e = 0; e < n; e++) {
            sum += architecture.loss().cost(z[last], e * k, k, labels[e]);
        }
        return sum;
    }

    private int countCorrect(int n) {
        float[] out = a[layers.length - 1];
        int k = architecture.outputSize();
        int right = 0;
        for (int e = 0; e < n; e++) {
            if (Scores.argmax(out, e * k, k) == labels[e]) {
                right++;
            }
        }
        return right;
    }

    // ---------------------------------------------------------------- backward

    /**
     * Backpropagation over the last forward pass: adds {@code scale *} the gradient of the summed cost
     * to {@link #grads}.
     */
    private void backward(int n, float scale) {
        int last = layers.length - 1;
        int k = architecture.size(last);
        for (int e = 0; e < n; e++) {
            architecture.loss().outputDelta(a[last], delta[last], e * k, k, labels[e], scale);
        }
        for (int l = last; l >= 1; l--) {
            float[] inputDelta = needsInputDelta[l] ? delta[l - 1] : null;
            layers[l].backward(params, a[l - 1], delta[l], grads, inputDelta, n);
            if (inputDelta != null && activations[l - 1] != null) {
                activations[l - 1].multiplyByDerivative(z[l - 1], a[l - 1], delta[l - 1], n * architecture.size(l - 1));
            }
        }
    }

    /** Adds the L2 gradient {@code (lambda/m) W} to {@link #grads}; returns the cost term {@code lambda/(2m) sum W^2}. */
    private double addRegularisation(float lambda, int m) {
        float rate = lambda / m;
        double sumSquares = 0;
        for (int l = 1; l < layers.length; l++) {
            sumSquares += layers[l].addWeightDecay(params, grads, rate);
        }
        return lambda / (2.0 * m) * sumSquares;
    }

    // ---------------------------------------------------------------- inputs

    /** Copies examples into {@code a[0]} as floats in [0,1] and their labels into {@link #labels}. */
    private void load(Digits data, int[] indices, int start, int n) {
        int width = architecture.inputSize();
        byte[] pixels = data.pixels();
        byte[] dataLabels = data.labels();
        float[] input = a[0];
        for (int e = 0; e < n; e++) {
            int example = indices == null ? start + e : indices[start + e];
            int src = example * width;
            int dst = e * width;
            for (int p = 0; p < width; p++) {
                input[dst + p] = PIXEL[pixels[src + p] & 0xFF];
            }
            int label = dataLabels[example];
            if (label >= architecture.outputSize()) {
                throw new IllegalArgumentException("label " + label + " of example " + example + " does not fit "
                        + architecture.outputSize() + " outputs");
            }
            labels[e] = label;
        }
    }

    private void checkData(Digits data, int count) {
        if (data.imageSize() != architecture.inputSize()) {
            throw new IllegalArgumentException("images have " + data.imageSize() + " pixels but the network has "
                    + architecture.inputSize() + " inputs");
        }
        if (count < 1) {
            throw new IllegalArgumentException("need at least one example, got " + count);
        }
    }

    // ---------------------------------------------------------------- inference, for evaluation and the UI

    /**
     * Runs the forward pass on examples {@code from..from+n)} of {@code data} ({@code n <= maxBatch}) and
     * returns the output array: example {@code e}'s class scores start at {@code e * outputSize()}.
     */
    public float[] forwardExamples(Digits data, int from, int n) {
        checkData(data, n);
        load(data, null, from, n);
        forward(n);
        return a[layers.length - 1];
    }

    /** Per-example cost of row {@code e} of the last {@link #forwardExamples} call, with its true label. */
    public double exampleCost(int e) {
        int last = layers.length - 1;
        int k = architecture.size(last);
        return architecture.loss().cost(z[last], e * k, k, labels[e]);
    }

    /**
     * The network's output for one input (e.g. a drawn digit): class probabilities for softmax, per-class
     * sigmoid outputs for the logistic and quadratic losses.
     *
     * @param input {@code inputSize()} values in [0, 1]
     * @param out receives {@code outputSize()} values
     * @return the predicted class (index of the largest output)
     */
    public int predict(float[] input, float[] out) {
        forwardOne(input);
        int k = architecture.outputSize();
        checkLength(out, k, "output");
        System.arraycopy(a[layers.length - 1], 0, out, 0, k);
        return Scores.argmax(out, 0, k);
    }

    /**
     * The activations of layer {@code layer} (1 = first hidden layer, {@code layerCount() - 1} = output)
     * for one input, copied into {@code out} ({@code size(layer)} values).
     */
    public void activations(float[] input, int layer, float[] out) {
        if (layer < 1 || layer >= layers.length) {
            throw new IllegalArgumentException("layer must be 1.." + (layers.length - 1) + ", got " + layer);
        }
        forwardOne(input);
        checkLength(out, architecture.size(layer), "activation");
        System.arraycopy(a[layer], 0, out, 0, architecture.size(layer));
    }

    /**
     * Every layer's activations for one input in a single forward pass, concatenated into {@code out}:
     * the input itself, then each hidden layer, then the output ({@code sum of size(l)} values), as a
     * UI shows a digit going through the network.
     *
     * @return the predicted class (index of the largest output)
     */
    public int allActivations(float[] input, float[] out) {
        int total = 0;
        for (int l = 0; l < layers.length; l++) {
            total += architecture.size(l);
        }
        checkLength(out, total, "activation");
        forwardOne(input);
        int at = 0;
        for (int l = 0; l < layers.length; l++) {
            int size = architecture.size(l);
            System.arraycopy(a[l], 0, out, at, size);
            at += size;
        }
        int k = architecture.outputSize();
        return Scores.argmax(out, total - k, k);
    }

    private void forwardOne(float[] input) {
        if (input.length != architecture.inputSize()) {
            throw new IllegalArgumentException(
                    "input has " + input.length + " values, the network takes " + architecture.inputSize());
        }
        System.arraycopy(input, 0, a[0], 0, input.length);
        forward(1);
    }

    /**
     * Copies the first layer's weights into {@code out} unit by unit: unit {@code j}'s
     * {@link #firstLayerWeightsPerUnit()} incoming weights start at {@code j * firstLayerWeightsPerUnit()}.
     * For a dense first layer a unit's weights are a picture of the input (for MNIST, a 28x28 image); for
     * a convolution, a unit is a filter, its weights one {@code kernel x kernel} picture per input channel.
     * {@code out} needs {@code firstLayerWeightsPerUnit() * firstLayerUnits()} floats.
     *
     * @throws IllegalStateException if the first layer has no weights (a max-pool on the input)
     */
    public void copyFirstLayerWeights(float[] out) {
        Layer first = layers[1];
        if (first.units() == 0) {
            throw new IllegalStateException("the first layer has no weights");
        }
        checkLength(out, first.units() * first.weightsPerUnit(), "weight");
        first.copyWeightsByUnit(params, out);
    }

    /** Layer {@code l} (1 = first above the input), for the tests that look inside one. */
    Layer layer(int l) {
        return layers[l];
    }

    /**
     * Copies layer {@code l}'s weights (1 = first above the input) into {@code out} unit by unit, as
     * {@link #copyFirstLayerWeights} does for the first: for a convolution, filter after filter, each one
     * {@code kernel x kernel} picture per input channel. {@code out} needs {@code units(l) *
     * weightsPerUnit(l)} floats; a layer without weights (a max-pool) copies nothing.
     */
    public void copyWeightsByUnit(int l, float[] out) {
        checkLayer(l);
        checkLength(out, layers[l].units() * layers[l].weightsPerUnit(), "weight");
        layers[l].copyWeightsByUnit(params, out);
    }

    /** Units of layer {@code l}: units of a dense layer, filters of a convolution, 0 for a pool. */
    public int units(int l) {
        checkLayer(l);
        return layers[l].units();
    }

    /** Incoming weights per unit of layer {@code l}: a dense layer's inputs, a filter's weights, 0 for a pool. */
    public int weightsPerUnit(int l) {
        checkLayer(l);
        return layers[l].weightsPerUnit();
    }

    private void checkLayer(int l) {
        if (l < 1 || l >= layers.length) {
            throw new IllegalArgumentException("layer must be 1.." + (layers.length - 1) + ", got " + l);
        }
    }

    /** Units of the first layer: hidden units of a dense layer, filters of a convolution (0 for a pool). */
    public int firstLayerUnits() {
        return layers[1].units();
    }

    /** Incoming weights per unit of the first layer: the input size of a dense layer. */
    public int firstLayerWeightsPerUnit() {
        return layers[1].weightsPerUnit();
    }

    /** True if no parameter is NaN or infinite: the check behind divergence detection. */
    public boolean parametersFinite() {
        // p - p is 0 for every finite p and NaN for NaN or +-Inf, and NaN sticks in a sum: one branch-free
        // pass. Four independent sums let the CPU overlap the additions (this runs after every step).
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int n = params.length;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += params[k] - params[k];
            s1 += params[k + 1] - params[k + 1];
            s2 += params[k + 2] - params[k + 2];
            s3 += params[k + 3] - params[k + 3];
        }
        for (; k < n; k++) {
            s0 += params[k] - params[k];
        }
        return s0 + s1 + s2 + s3 == 0f;
    }

    private static void checkLength(float[] array, int needed, String what) {
        if (array.length < needed) {
            throw new IllegalArgumentException(what + " array has " + array.length + " values, needs " + needed);
        }
    }
}
