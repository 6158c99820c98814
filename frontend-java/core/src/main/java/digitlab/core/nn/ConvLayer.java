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
 * <li>forward, denser input (pooled ReLU maps: ~60% zero once training has started, fewer at the
 *     first step): im2col into a reused buffer, then each filter's outputs as a sum of long contiguous
 *     row updates blocked four filters by four rows, beats scattering; in the TeaVM builds scattering
 *     wins only below ~25% non-zero inputs (the README, "Layers", has the browser measurements);
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

    /**
     * Forward by scattering the non-zero inputs when fewer than {@code 1/4} of them are non-zero: measured
     * in both TeaVM builds on both benchmark networks (2/5 before the blocked product made im2col cheaper).
     */
    private static final int SPARSE_NUMERATOR = 1;

    private static final int SPARSE_DENOMINATOR = 4;

    private final int channels;
    private final int height;
    private final int width;
    private final int filters;
    private final int kernel;
    private final int stride;
    private final int outHeight;
    private final int outWidth;
    /** Weights per filter: {@code channels * kernel * kernel}. */
    private final int fanIn;
    /** Where the windows meet the map, row by row and column by column. */
    private final Windows rows;

    private final Windows cols;
    /**
     * Per weight of a filter, {@code (c, ky, kx)} in storage order: where its input is in an example's
     * maps relative to the window's tap {@code (0, 0)} in channel 0, {@code (c * height + ky) * width + kx}.
     */
    private final int[] tapOffsets;
    /** im2col work memory: row {@code (c, ky, kx)} holds that weight's input at every output position. */
    private final float[] columns;
    /** Per example of the last forward pass: how many of its inputs are non-zero. */
    private final int[] nonZeroInputs;
    /** {@link Route#BY_ZEROS} but in the tests that check each way against a reference. */
    Route route = Route.BY_ZEROS;

    ConvLayer(Spec spec, Shape input, int offset, int maxBatch) {
        super(
                input,
                spec.outputShape(input),
                offset,
                spec.filters() * input.channels() * spec.kernel() * spec.kernel(),
                (int) spec.parameterCount(input));
        channels = input.channels();
        height = input.height();
        width = input.width();
        filters = spec.filters();
        kernel = spec.kernel();
        stride = spec.stride();
        outHeight = output.height();
        outWidth = output.width();
        fanIn = channels * kernel * kernel;
        rows = new Windows(height, outHeight, kernel, stride, spec.padBefore(height));
        cols = new Windows(width, outWidth, kernel, stride, spec.padBefore(width));
        columns = new float[fanIn * output.area()];
        tapOffsets = new int[fanIn];
        for (int c = 0, q = 0; c < channels; c++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++, q++) {
                    tapOffsets[q] = (c * height + ky) * width + kx;
                }
            }
        }
        nonZeroInputs = new int[maxBatch];
    }

    /**
     * Where the windows meet the map along one axis (rows or columns), worked out once so that no pass
     * repeats the padding and stride arithmetic. Output {@code o}'s window holds taps {@code k = 0 ..
     * kernel - 1} at input {@code o * stride - padBefore + k}; the taps that fall in the padding read 0.
     * Read one way (output by output: which inputs a window holds) by im2col and the backward pass by
     * output gradients; the other way (input by input: which outputs hold it, through which taps) by the
     * passes that walk the non-zero inputs.
     */
    static final class Windows {
        /** Per output: the input under tap 0 (negative or past the map where the window hangs over). */
        final int[] start;
        /** Per output: the first tap inside the map. */
        final int[] tapFrom;
        /** Per output: one past the last tap inside the map. */
        final int[] tapTo;
        /**
         * Per input: the first tap through which it reaches an output; it reaches one through every
         * {@code stride}-th tap from there up to {@link #lastTap} (none when above it).
         */
        final int[] firstTap;
        /** Per input: the last tap through which it reaches an output. */
        final int[] lastTap;
        /** Per input: the output it reaches through {@link #firstTap}; each later tap reaches the output before. */
        final int[] firstOut;
        /** Per tap: the first output whose window has this tap inside the map. */
        final int[] outFrom;
        /** Per tap: one past the last such output (the outputs in between all have it inside). */
        final int[] outTo;

        Windows(int in, int out, int kernel, int stride, int padBefore) {
            start = new int[out];
            tapFrom = new int[out];
            tapTo = new int[out];
            for (int o = 0; o < out; o++) {
                start[o] = o * stride - padBefore;
                tapFrom[o] = Math.max(0, -start[o]);
                tapTo[o] = Math.min(kernel, in - start[o]);
            }
            firstTap = new int[in];
            lastTap = new int[in];
            firstOut = new int[in];
            for (int i = 0; i < in; i++) {
                int t = i + padBefore; // position in the padded map: reached by output o through tap t - o * stride
                firstTap[i] = Math.max(t % stride, t - (out - 1) * stride);
                lastTap[i] = Math.min(kernel - 1, t);
                firstOut[i] = (t - firstTap[i]) / stride;
            }
            outFrom = new int[kernel];
            outTo = new int[kernel];
            for (int k = 0; k < kernel; k++) {
                int o = 0;
                while (o < out && k < tapFrom[o]) {
                    o++;
                }
                outFrom[k] = o;
                while (o < out && k < tapTo[o]) {
                    o++;
                }
                outTo[k] = o;
            }
        }
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
        int outArea = output.area();
        for (int e = 0; e < count; e++) {
            int xRow = e * inSize;
            int zRow = e * outSize;
            int n = 0;
            for (int i = xRow; i < xRow + inSize; i++) {
                n += x[i] != 0f ? 1 : 0;
            }
            nonZeroInputs[e] = n;
            for (int f = 0; f < filters; f++) {
                Arrays.fill(z, zRow + f * outArea, zRow + (f + 1) * outArea, params[biasOffset + f]);
            }
            boolean sparse = route == Route.BY_ZEROS
                    ? n * SPARSE_DENOMINATOR < inSize * SPARSE_NUMERATOR
                    : route == Route.SPARSE;
            if (sparse) {
                byInputs(x, xRow, params, z, zRow, true);
            } else {
                im2col(x, xRow);
                addWeightsTimesColumns(params, z, zRow);
            }
        }
    }

    /**
     * The walk over one example's non-zero inputs, shared by the forward pass and the weights-only
     * backward pass: each non-zero input {@code v = x[c][iy][ix]} reaches, for every filter {@code f},
     * the outputs {@code o = (oy, ox)} whose window holds it, through the weight {@code w = W[f][c][ky][kx]}
     * of the tap it sits under. Forward ({@code forward}: {@code from} the parameters, {@code into} z)
     * adds {@code v * w} to {@code z[f][o]}; backward ({@code from} dCost/dz, {@code into} the gradient)
     * adds {@code v * dCost/dz[f][o]} to {@code w}'s gradient. The innermost loop runs along a filter row
     * and an output row at once.
     *
     * @param outRow where the example's outputs (forward) or output gradients (backward) start
     */
    private void byInputs(float[] x, int xRow, float[] from, float[] into, int outRow, boolean forward) {
        // Fields in locals: the TeaVM builds read a field again on every use inside a loop.
        int outArea = output.area();
        int filters = this.filters;
        int kernel = this.kernel;
        int stride = this.stride;
        int outWidth = this.outWidth;
        int fanIn = this.fanIn;
        int[] kyFirst = rows.firstTap, kyLast = rows.lastTap, oyFirst = rows.firstOut;
        int[] kxFirst = cols.firstTap, kxLast = cols.lastTap, oxFirst = cols.firstOut;
        for (int c = 0; c < channels; c++) {
            for (int iy = 0; iy < height; iy++) {
                int kyFrom = kyFirst[iy];
                int kyTo = kyLast[iy];
                int oyFrom = oyFirst[iy];
                int inRow = xRow + (c * height + iy) * width;
                for (int ix = 0; ix < width; ix++) {
                    float v = x[inRow + ix];
                    if (v == 0f) {
                        continue;
                    }
                    int kxFrom = kxFirst[ix];
                    int kxTo = kxLast[ix];
                    int firstOut = outRow + oyFrom * outWidth + oxFirst[ix];
                    int firstWeight = offset + c * kernel * kernel + kxFrom;
                    for (int f = 0; f < filters; f++) {
                        int o = firstOut + f * outArea; // output (oy, ox) of filter f, tap (ky, kxFrom)
                        int w = firstWeight + f * fanIn + kyFrom * kernel;
                        for (int ky = kyFrom; ky <= kyTo; ky += stride, o -= outWidth, w += stride * kernel) {
                            if (forward) {
                                for (int kx = 0, ox = 0; kx <= kxTo - kxFrom; kx += stride, ox--) {
                                    into[o + ox] += v * from[w + kx];
                                }
                            } else {
                                for (int kx = 0, ox = 0; kx <= kxTo - kxFrom; kx += stride, ox--) {
                                    into[w + kx] += v * from[o + ox];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * im2col: copies one example's windows into {@link #columns}, row {@code (c, ky, kx)}, one column per
     * output position, 0 where the window hangs over the padding.
     */
    private void im2col(float[] x, int xRow) {
        float[] col = columns;
        int outArea = output.area();
        int stride = this.stride;
        int row = 0;
        for (int c = 0; c < channels; c++) {
            int inMap = xRow + c * height * width;
            for (int ky = 0; ky < kernel; ky++) {
                int oyFrom = rows.outFrom[ky];
                int oyTo = rows.outTo[ky];
                for (int kx = 0; kx < kernel; kx++, row++) {
                    int at = row * outArea;
                    int oxFrom = cols.outFrom[kx];
                    int oxTo = cols.outTo[kx];
                    Arrays.fill(col, at, at + oyFrom * outWidth, 0f);
                    for (int oy = oyFrom; oy < oyTo; oy++) {
                        int line = at + oy * outWidth;
                        int in = inMap + (rows.start[oy] + ky) * width + cols.start[0] + kx; // tap kx of output 0
                        Arrays.fill(col, line, line + oxFrom, 0f);
                        for (int ox = oxFrom; ox < oxTo; ox++) {
                            col[line + ox] = x[in + ox * stride];
                        }
                        Arrays.fill(col, line + oxTo, line + outWidth, 0f);
                    }
                    Arrays.fill(col, at + oyTo * outWidth, at + outArea, 0f);
                }
            }
        }
    }

    /**
     * {@code z += W * columns} for one example: each filter's outputs plus each of its weights times that
     * weight's row of {@link #columns}, in long contiguous loops over the output positions.
     *
     * <p>Blocked four filters by four rows: each pass over the positions loads four column values and
     * four outputs for sixteen products (the plain loop loads a column value and an output for each
     * product), and the sixteen weights stay in locals. In both TeaVM builds every array access is
     * bounds-checked and nothing is vectorised, so memory operations per product is what counts. The same
     * sums, in the same order, as four rows per pass for one filter at a time.
     */
    private void addWeightsTimesColumns(float[] params, float[] z, int zRow) {
        float[] col = columns;
        int area = output.area();
        int f = 0;
        for (; f + 3 < filters; f += 4) {
            int z0 = zRow + f * area;
            int z1 = z0 + area;
            int z2 = z1 + area;
            int z3 = z2 + area;
            int w0 = offset + f * fanIn;
            int w1 = w0 + fanIn;
            int w2 = w1 + fanIn;
            int w3 = w2 + fanIn;
            int q = 0;
            for (; q + 3 < fanIn; q += 4) {
                float a00 = params[w0 + q],
                        a01 = params[w0 + q + 1],
                        a02 = params[w0 + q + 2],
                        a03 = params[w0 + q + 3];
                float a10 = params[w1 + q],
                        a11 = params[w1 + q + 1],
                        a12 = params[w1 + q + 2],
                        a13 = params[w1 + q + 3];
                float a20 = params[w2 + q],
                        a21 = params[w2 + q + 1],
                        a22 = params[w2 + q + 2],
                        a23 = params[w2 + q + 3];
                float a30 = params[w3 + q],
                        a31 = params[w3 + q + 1],
                        a32 = params[w3 + q + 2],
                        a33 = params[w3 + q + 3];
                int c0 = q * area;
                int c1 = c0 + area;
                int c2 = c1 + area;
                int c3 = c2 + area;
                for (int p = 0; p < area; p++) {
                    float x0 = col[c0 + p];
                    float x1 = col[c1 + p];
                    float x2 = col[c2 + p];
                    float x3 = col[c3 + p];
                    z[z0 + p] += a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
                    z[z1 + p] += a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
                    z[z2 + p] += a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
                    z[z3 + p] += a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
                }
            }
            for (; q < fanIn; q++) {
                float a0 = params[w0 + q], a1 = params[w1 + q], a2 = params[w2 + q], a3 = params[w3 + q];
                int c0 = q * area;
                for (int p = 0; p < area; p++) {
                    float x0 = col[c0 + p];
                    z[z0 + p] += a0 * x0;
                    z[z1 + p] += a1 * x0;
                    z[z2 + p] += a2 * x0;
                    z[z3 + p] += a3 * x0;
                }
            }
        }
        for (; f < filters; f++) {
            int z0 = zRow + f * area;
            int w0 = offset + f * fanIn;
            int q = 0;
            for (; q + 3 < fanIn; q += 4) {
                float a0 = params[w0 + q], a1 = params[w0 + q + 1], a2 = params[w0 + q + 2], a3 = params[w0 + q + 3];
                int c0 = q * area;
                for (int p = 0; p < area; p++) {
                    z[z0 + p] += a0 * col[c0 + p]
                            + a1 * col[c0 + area + p]
                            + a2 * col[c0 + 2 * area + p]
                            + a3 * col[c0 + 3 * area + p];
                }
            }
            for (; q < fanIn; q++) {
                float a0 = params[w0 + q];
                int c0 = q * area;
                for (int p = 0; p < area; p++) {
                    z[z0 + p] += a0 * col[c0 + p];
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
            if (inputDelta == null && byInputsIsCheaper(e, delta, dRow)) {
                addBiasGradients(delta, dRow, grads);
                byInputs(x, e * inSize, delta, grads, dRow, false);
            } else {
                byOutputGradients(params, x, e * inSize, delta, dRow, grads, inputDelta);
            }
        }
    }

    /**
     * Whether example {@code e}'s weight gradient is cheaper by its non-zero inputs than by its non-zero
     * output gradients: a non-zero input touches {@code filters * kernel^2} weights, a non-zero output
     * gradient {@code channels * kernel^2}.
     */
    private boolean byInputsIsCheaper(int e, float[] delta, int dRow) {
        if (route != Route.BY_ZEROS) {
            return route == Route.SPARSE;
        }
        int nonZeroDeltas = 0;
        for (int i = dRow; i < dRow + output.size(); i++) {
            nonZeroDeltas += delta[i] != 0f ? 1 : 0;
        }
        return (long) nonZeroInputs[e] * filters < (long) nonZeroDeltas * channels;
    }

    /** {@code dCost/db[f]}: the sum of filter {@code f}'s output gradients. */
    private void addBiasGradients(float[] delta, int dRow, float[] grads) {
        int outArea = output.area();
        for (int f = 0; f < filters; f++) {
            float sum = 0f;
            for (int p = dRow + f * outArea; p < dRow + (f + 1) * outArea; p++) {
                sum += delta[p];
            }
            grads[biasOffset + f] += sum;
        }
    }

    /**
     * One example's gradients by output gradient: each non-zero {@code d = dCost/dz[f][oy][ox]} adds
     * {@code d} to {@code b[f]}'s gradient, {@code d * x} over its window to {@code W[f]}'s gradient, and,
     * when {@code inputDelta} is not null, {@code d * W[f]} over its window to {@code dCost/dx}.
     */
    private void byOutputGradients(
            float[] params, float[] x, int xRow, float[] delta, int dRow, float[] grads, float[] inputDelta) {
        if (inputDelta != null) {
            Arrays.fill(inputDelta, xRow, xRow + input.size(), 0f);
        }
        int outArea = output.area();
        int kernel = this.kernel;
        int kernelArea = kernel * kernel;
        int channels = this.channels;
        int width = this.width;
        int mapArea = height * width;
        int outWidth = this.outWidth;
        int fanIn = this.fanIn;
        int[] taps = tapOffsets;
        int[] kyStart = rows.tapFrom, kyEnd = rows.tapTo, kxStart = cols.tapFrom, kxEnd = cols.tapTo;
        for (int f = 0; f < filters; f++) {
            float biasSum = 0f;
            for (int oy = 0; oy < outHeight; oy++) {
                int kyFrom = kyStart[oy];
                int kyTo = kyEnd[oy];
                int dAt = dRow + f * outArea + oy * outWidth;
                int windowRow = xRow + rows.start[oy] * width;
                for (int ox = 0; ox < outWidth; ox++) {
                    float d = delta[dAt + ox];
                    if (d == 0f) {
                        continue;
                    }
                    biasSum += d;
                    int kxFrom = kxStart[ox];
                    int kxTo = kxEnd[ox];
                    int window = windowRow + cols.start[ox]; // tap (0, 0) of channel 0, maybe in the padding
                    if (kyFrom == 0 && kyTo == kernel && kxFrom == 0 && kxTo == kernel) {
                        // The whole window inside the map (every window of a "valid" convolution): one flat
                        // loop over the filter's weights, the inputs under them found in tapOffsets.
                        int wFilter = offset + f * fanIn;
                        if (inputDelta != null) {
                            for (int q = 0; q < fanIn; q++) {
                                int in = window + taps[q];
                                grads[wFilter + q] += d * x[in];
                                inputDelta[in] += d * params[wFilter + q];
                            }
                        } else {
                            for (int q = 0; q < fanIn; q++) {
                                grads[wFilter + q] += d * x[window + taps[q]];
                            }
                        }
                        continue;
                    }
                    for (int c = 0; c < channels; c++) {
                        int wFilter = offset + (f * channels + c) * kernelArea;
                        int xMap = window + c * mapArea;
                        for (int ky = kyFrom; ky < kyTo; ky++) {
                            int w = wFilter + ky * kernel;
                            int in = xMap + ky * width;
                            if (inputDelta != null) {
                                for (int kx = kxFrom; kx < kxTo; kx++) {
                                    grads[w + kx] += d * x[in + kx];
                                    inputDelta[in + kx] += d * params[w + kx];
                                }
                            } else {
                                for (int kx = kxFrom; kx < kxTo; kx++) {
                                    grads[w + kx] += d * x[in + kx];
                                }
                            }
                        }
                    }
                }
            }
            grads[biasOffset + f] += biasSum;
        }
    }

    // ---------------------------------------------------------------- weights

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
