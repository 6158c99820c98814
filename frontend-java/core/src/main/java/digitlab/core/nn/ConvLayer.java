package digitlab.core.nn;

import java.util.Arrays;

/**
 * A 2-D convolution: {@code filters} filters of {@code kernel x kernel} over every input channel, moved
 * by {@code stride}, with "same" or "valid" padding, on a mini-batch, and its backward pass. Its
 * activation (from the {@code act} setting) is applied by {@link Network}, as for a dense layer.
 *
 * <p>Parameters, from {@link #offset}: the weights filter-major, {@code W[f][c][ky][kx]} at
 * {@code ((f * channels + c) * kernel + ky) * kernel + kx} (each filter's weights for one input channel
 * are a {@code kernel x kernel} picture, which is what a filter view shows), then one bias per filter.
 *
 * <p>Padding: "valid" uses only windows inside the map, {@code out = (in - kernel) / stride + 1};
 * "same" pads with zeros so that {@code out = ceil(in / stride)}, the padding split as TensorFlow splits
 * it (the smaller half before), so with stride 1 and an odd kernel it is {@code (kernel - 1) / 2} on
 * every side: ConvNetJS's and TensorFlow.js's networks have the same shapes here.
 *
 * <p>Why two ways forward and two ways back, chosen per example by counting zeros: ~81% of MNIST
 * pixels, and many ReLU outputs, are exactly 0, and after a max-pool most of the gradient is 0 too (a
 * 2x2 pool passes gradient to one input in four, a 3x3 pool to one in nine). Measured on the JVM on the
 * ConvNetJS MNIST network's two convolutions (the README's table under "Layers" has every variant):
 * <ul>
 * <li>forward, sparse input (the pixels): scattering each non-zero input into the outputs it touches
 *     beats copying the windows out (im2col) and multiplying, ~35 vs ~70 us per example;
 * <li>forward, dense input (pooled ReLU maps, ~15% zero): im2col into a reused buffer, then each
 *     filter's outputs as a sum of long contiguous row updates, beats scattering, ~200 vs ~470 us;
 * <li>backward: walking the non-zero output gradients gives the weight gradient and the input gradient
 *     in one pass (~135 us on the second convolution, against ~1600 us dense); when no input gradient is
 *     needed (the first layer) and the input is sparser than the gradient, walking the non-zero inputs
 *     instead is faster still (~45 vs ~80 us).
 * </ul>
 * The two ways of each pass add the same products in different orders, so results may differ in the last
 * bits between them; the choice depends only on the data, so a run is still reproducible.
 */
public final class ConvLayer extends Layer {
    /** Most filters per convolution: more would not train in a browser. */
    public static final int MAX_FILTERS = 1024;

    /** How the windows meet the edges of the map. */
    public enum Padding {
        /** Zeros around the map so that the output has {@code ceil(in / stride)} rows and columns. */
        SAME,
        /** Windows inside the map only: the output shrinks by {@code kernel - 1} before the stride. */
        VALID
    }

    /**
     * A convolution; written {@code c<filters>k<kernel>}, with {@code s<stride>} and {@code v} for
     * valid padding when they are not 1 and same (e.g. {@code c16k3v}, {@code c32k3s2}), in the layer
     * grammar.
     *
     * @param filters output channels, 1 to {@link #MAX_FILTERS}
     * @param kernel rows and columns of each filter, at least 1 and at most the input's
     * @param stride steps between windows, at least 1
     */
    public record Spec(int filters, int kernel, int stride, Padding padding) implements LayerSpec {
        public Spec {
            if (filters < 1 || filters > MAX_FILTERS) {
                throw new IllegalArgumentException(
                        "a convolution needs 1 to " + MAX_FILTERS + " filters, got " + filters);
            }
            if (kernel < 1) {
                throw new IllegalArgumentException("a convolution's kernel needs at least 1x1, got " + kernel);
            }
            if (stride < 1) {
                throw new IllegalArgumentException("a convolution's stride must be at least 1, got " + stride);
            }
            if (padding == null) {
                throw new IllegalArgumentException("a convolution needs a padding, same or valid");
            }
        }

        @Override
        public Shape outputShape(Shape input) {
            if (kernel > input.height() || kernel > input.width()) {
                throw new IllegalArgumentException("a " + kernel + "x" + kernel + " kernel is larger than its "
                        + input.height() + "x" + input.width() + " input maps");
            }
            return new Shape(filters, outputSide(input.height()), outputSide(input.width()));
        }

        private int outputSide(int in) {
            return padding == Padding.SAME ? (in - 1) / stride + 1 : (in - kernel) / stride + 1;
        }

        /** Zero rows (or columns) before the map: the smaller half of what "same" needs, 0 for "valid". */
        private int padBefore(int in) {
            if (padding == Padding.VALID) {
                return 0;
            }
            return Math.max((outputSide(in) - 1) * stride + kernel - in, 0) / 2;
        }

        @Override
        public long parameterCount(Shape input) {
            return (long) filters * input.channels() * kernel * kernel + filters;
        }

        @Override
        public boolean hasWeights() {
            return true;
        }

        @Override
        public Layer create(Shape input, int offset, int maxBatch) {
            return new ConvLayer(this, input, offset, maxBatch);
        }

        /** E.g. {@code conv 8@5x5 same} or {@code conv 32@3x3 stride 2 valid}. */
        @Override
        public String toString() {
            return "conv " + filters + "@" + kernel + "x" + kernel + (stride == 1 ? "" : " stride " + stride) + " "
                    + (padding == Padding.SAME ? "same" : "valid");
        }
    }

    /** Which of the two ways each pass takes. */
    enum Route {
        /** Chosen per example by counting zeros: what training uses. */
        BY_ZEROS,
        /** Always by the non-zero inputs (backward: by inputs when no input gradient is needed). */
        SPARSE,
        /** Always by im2col forward and by the non-zero output gradients backward. */
        DENSE
    }

    /** Forward by scattering the non-zero inputs when fewer than {@code 2/5} of them are non-zero (measured). */
    private static final int SPARSE_NUMERATOR = 2;

    private static final int SPARSE_DENOMINATOR = 5;

    private final int channels;
    private final int height;
    private final int width;
    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padTop;
    private final int padLeft;
    private final int outHeight;
    private final int outWidth;
    /** Weights per filter: {@code channels * kernel * kernel}. */
    private final int fanIn;

    private final int biasOffset;
    /** im2col work memory: row {@code (c, ky, kx)} holds that weight's input at every output position. */
    private final float[] columns;
    /** Per example of the last forward pass: how many of its inputs are non-zero. */
    private final int[] nonZeroInputs;
    /** {@link Route#BY_ZEROS} but in the tests that check each way against a reference. */
    Route route = Route.BY_ZEROS;

    ConvLayer(Spec spec, Shape input, int offset, int maxBatch) {
        super(input, spec.outputShape(input), offset, (int) spec.parameterCount(input));
        channels = input.channels();
        height = input.height();
        width = input.width();
        filters = spec.filters();
        kernel = spec.kernel();
        stride = spec.stride();
        padTop = spec.padBefore(height);
        padLeft = spec.padBefore(width);
        outHeight = output.height();
        outWidth = output.width();
        fanIn = channels * kernel * kernel;
        biasOffset = offset + filters * fanIn;
        columns = new float[fanIn * output.area()];
        nonZeroInputs = new int[maxBatch];
    }

    /**
     * Weights drawn with fan-in {@code channels * kernel^2} and fan-out {@code filters * kernel^2} (each
     * input feeds that many weights), then the biases.
     */
    @Override
    void initialise(float[] params, Init init, Rng rng) {
        int fanOut = filters * kernel * kernel;
        for (int k = offset; k < biasOffset; k++) {
            params[k] = init.weight(rng, fanIn, fanOut);
        }
        for (int f = 0; f < filters; f++) {
            params[biasOffset + f] = init.bias(rng);
        }
    }

    // ---------------------------------------------------------------- forward

    @Override
    void forward(float[] params, float[] x, float[] z, int count) {
        int inSize = input.size();
        int outSize = output.size();
        for (int e = 0; e < count; e++) {
            int xRow = e * inSize;
            int n = 0;
            for (int i = xRow; i < xRow + inSize; i++) {
                n += x[i] != 0f ? 1 : 0;
            }
            nonZeroInputs[e] = n;
            boolean sparse = route == Route.BY_ZEROS
                    ? n * SPARSE_DENOMINATOR < inSize * SPARSE_NUMERATOR
                    : route == Route.SPARSE;
            if (sparse) {
                forwardByInputs(params, x, xRow, z, e * outSize);
            } else {
                forwardByColumns(params, x, xRow, z, e * outSize);
            }
        }
    }

    /**
     * {@code z = b + W * x} for one example, input by input: each non-zero input adds
     * {@code x * W[f][c][ky][kx]} to every output whose window holds it, at
     * {@code (oy, ox) = ((iy + padTop - ky) / stride, (ix + padLeft - kx) / stride)} where those divide
     * exactly. The innermost loop runs along a filter row and an output row at once.
     */
    private void forwardByInputs(float[] params, float[] x, int xRow, float[] z, int zRow) {
        int outArea = output.area();
        for (int f = 0; f < filters; f++) {
            Arrays.fill(z, zRow + f * outArea, zRow + (f + 1) * outArea, params[biasOffset + f]);
        }
        int kernelArea = kernel * kernel;
        for (int c = 0; c < channels; c++) {
            for (int iy = 0; iy < height; iy++) {
                int ty = iy + padTop;
                int kyFrom = firstTap(ty, outHeight);
                int kyTo = Math.min(kernel - 1, ty);
                int rowStart = xRow + (c * height + iy) * width;
                for (int ix = 0; ix < width; ix++) {
                    float v = x[rowStart + ix];
                    if (v == 0f) {
                        continue;
                    }
                    int tx = ix + padLeft;
                    int kxFrom = firstTap(tx, outWidth);
                    int kxTo = Math.min(kernel - 1, tx);
                    int oxFrom = (tx - kxFrom) / stride;
                    for (int f = 0; f < filters; f++) {
                        int wFilter = offset + (f * channels + c) * kernelArea;
                        int zMap = zRow + f * outArea;
                        for (int ky = kyFrom; ky <= kyTo; ky += stride) {
                            int zr = zMap + (ty - ky) / stride * outWidth;
                            int wr = wFilter + ky * kernel;
                            for (int kx = kxFrom, ox = oxFrom; kx <= kxTo; kx += stride, ox--) {
                                z[zr + ox] += v * params[wr + kx];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The first kernel tap (row or column) through which padded input position {@code t} reaches an
     * output: the smallest {@code k >= 0} with {@code (t - k)} a multiple of the stride and
     * {@code (t - k) / stride} below {@code outSide}. Above the last tap when it reaches none.
     */
    private int firstTap(int t, int outSide) {
        return Math.max(t % stride, t - (outSide - 1) * stride);
    }

    /**
     * {@code z = b + W * x} for one example by im2col: copies every window into {@link #columns} (row
     * {@code (c, ky, kx)}, one column per output position, 0 where the window hangs over the padding),
     * then adds each weight times its row to the filter's outputs: long contiguous loops over the
     * output positions.
     */
    private void forwardByColumns(float[] params, float[] x, int xRow, float[] z, int zRow) {
        int outArea = output.area();
        int row = 0;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++, row++) {
                    int at = row * outArea;
                    for (int oy = 0; oy < outHeight; oy++) {
                        int iy = oy * stride - padTop + ky;
                        if (iy < 0 || iy >= height) {
                            Arrays.fill(columns, at, at + outWidth, 0f);
                            at += outWidth;
                            continue;
                        }
                        int inRow = xRow + (c * height + iy) * width;
                        for (int ox = 0; ox < outWidth; ox++, at++) {
                            int ix = ox * stride - padLeft + kx;
                            columns[at] = ix >= 0 && ix < width ? x[inRow + ix] : 0f;
                        }
                    }
                }
            }
        }
        for (int f = 0; f < filters; f++) {
            int zMap = zRow + f * outArea;
            Arrays.fill(z, zMap, zMap + outArea, params[biasOffset + f]);
            int wFilter = offset + f * fanIn;
            int q = 0;
            // Four rows per pass: one load and store of each output per four products, not per product
            // (~15% faster on the second convolution of ConvNetJS's network).
            for (; q + 3 < fanIn; q += 4) {
                float w0 = params[wFilter + q];
                float w1 = params[wFilter + q + 1];
                float w2 = params[wFilter + q + 2];
                float w3 = params[wFilter + q + 3];
                int at = q * outArea;
                for (int p = 0; p < outArea; p++) {
                    z[zMap + p] += w0 * columns[at + p]
                            + w1 * columns[at + outArea + p]
                            + w2 * columns[at + 2 * outArea + p]
                            + w3 * columns[at + 3 * outArea + p];
                }
            }
            for (; q < fanIn; q++) {
                float w = params[wFilter + q];
                int at = q * outArea;
                for (int p = 0; p < outArea; p++) {
                    z[zMap + p] += w * columns[at + p];
                }
            }
        }
    }

    // ---------------------------------------------------------------- backward

    @Override
    void backward(float[] params, float[] x, float[] delta, float[] grads, float[] inputDelta, int count) {
        int inSize = input.size();
        int outSize = output.size();
        for (int e = 0; e < count; e++) {
            int dRow = e * outSize;
            if (inputDelta == null && byInputs(e, delta, dRow)) {
                backwardByInputs(x, e * inSize, delta, dRow, grads);
            } else {
                backwardByDeltas(params, x, e * inSize, delta, dRow, grads, inputDelta);
            }
        }
    }

    /**
     * Whether example {@code e}'s weight gradient is cheaper by its non-zero inputs than by its non-zero
     * output gradients: a non-zero input touches {@code filters * kernel^2} weights, a non-zero output
     * gradient {@code channels * kernel^2}.
     */
    private boolean byInputs(int e, float[] delta, int dRow) {
        if (route != Route.BY_ZEROS) {
            return route == Route.SPARSE;
        }
        int nonZeroDeltas = 0;
        for (int i = dRow; i < dRow + output.size(); i++) {
            nonZeroDeltas += delta[i] != 0f ? 1 : 0;
        }
        return (long) nonZeroInputs[e] * filters < (long) nonZeroDeltas * channels;
    }

    /**
     * One example's gradients by output gradient: each non-zero {@code d = dCost/dz[f][oy][ox]} adds
     * {@code d} to {@code b[f]}'s gradient, {@code d * x} over its window to {@code W[f]}'s gradient, and,
     * when {@code inputDelta} is not null, {@code d * W[f]} over its window to {@code dCost/dx}.
     */
    private void backwardByDeltas(
            float[] params, float[] x, int xRow, float[] delta, int dRow, float[] grads, float[] inputDelta) {
        if (inputDelta != null) {
            Arrays.fill(inputDelta, xRow, xRow + input.size(), 0f);
        }
        int outArea = output.area();
        int kernelArea = kernel * kernel;
        for (int f = 0; f < filters; f++) {
            float biasSum = 0f;
            for (int oy = 0; oy < outHeight; oy++) {
                int y0 = oy * stride - padTop;
                int kyFrom = Math.max(0, -y0);
                int kyTo = Math.min(kernel, height - y0);
                int dAt = dRow + f * outArea + oy * outWidth;
                for (int ox = 0; ox < outWidth; ox++) {
                    float d = delta[dAt + ox];
                    if (d == 0f) {
                        continue;
                    }
                    biasSum += d;
                    int x0 = ox * stride - padLeft;
                    int kxFrom = Math.max(0, -x0);
                    int kxTo = Math.min(kernel, width - x0);
                    for (int c = 0; c < channels; c++) {
                        int wFilter = offset + (f * channels + c) * kernelArea;
                        int xMap = xRow + c * height * width;
                        for (int ky = kyFrom; ky < kyTo; ky++) {
                            int wr = wFilter + ky * kernel;
                            int xr = xMap + (y0 + ky) * width + x0;
                            if (inputDelta != null) {
                                for (int kx = kxFrom; kx < kxTo; kx++) {
                                    grads[wr + kx] += d * x[xr + kx];
                                    inputDelta[xr + kx] += d * params[wr + kx];
                                }
                            } else {
                                for (int kx = kxFrom; kx < kxTo; kx++) {
                                    grads[wr + kx] += d * x[xr + kx];
                                }
                            }
                        }
                    }
                }
            }
            grads[biasOffset + f] += biasSum;
        }
    }

    /**
     * One example's weight and bias gradients by input, the mirror of {@link #forwardByInputs}: each
     * non-zero input {@code v} adds {@code v * dCost/dz} of every output its window reaches to the
     * weight that linked them. No input gradient: used only where none is needed.
     */
    private void backwardByInputs(float[] x, int xRow, float[] delta, int dRow, float[] grads) {
        int outArea = output.area();
        for (int f = 0; f < filters; f++) {
            float biasSum = 0f;
            int dMap = dRow + f * outArea;
            for (int p = 0; p < outArea; p++) {
                biasSum += delta[dMap + p];
            }
            grads[biasOffset + f] += biasSum;
        }
        int kernelArea = kernel * kernel;
        for (int c = 0; c < channels; c++) {
            for (int iy = 0; iy < height; iy++) {
                int ty = iy + padTop;
                int kyFrom = firstTap(ty, outHeight);
                int kyTo = Math.min(kernel - 1, ty);
                int rowStart = xRow + (c * height + iy) * width;
                for (int ix = 0; ix < width; ix++) {
                    float v = x[rowStart + ix];
                    if (v == 0f) {
                        continue;
                    }
                    int tx = ix + padLeft;
                    int kxFrom = firstTap(tx, outWidth);
                    int kxTo = Math.min(kernel - 1, tx);
                    int oxFrom = (tx - kxFrom) / stride;
                    for (int f = 0; f < filters; f++) {
                        int wFilter = offset + (f * channels + c) * kernelArea;
                        int dMap = dRow + f * outArea;
                        for (int ky = kyFrom; ky <= kyTo; ky += stride) {
                            int dr = dMap + (ty - ky) / stride * outWidth;
                            int wr = wFilter + ky * kernel;
                            for (int kx = kxFrom, ox = oxFrom; kx <= kxTo; kx += stride, ox--) {
                                grads[wr + kx] += v * delta[dr + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- weights

    @Override
    float addWeightDecay(float[] params, float[] grads, float rate) {
        float sum = 0f;
        for (int w = offset; w < biasOffset; w++) {
            float p = params[w];
            sum += p * p;
            grads[w] += rate * p;
        }
        return sum;
    }

    @Override
    int weightsPerUnit() {
        return fanIn;
    }

    @Override
    int units() {
        return filters;
    }

    /** The weights are stored filter by filter already: a plain copy. */
    @Override
    void copyWeightsByUnit(float[] params, float[] out) {
        System.arraycopy(params, offset, out, 0, filters * fanIn);
    }
}
