package digitlab.core.nn;

import java.util.Arrays;

/**
 * Max-pooling: each channel's map cut into {@code size x size} windows, moved by {@code stride} (windows
 * inside the map only), each giving its largest value; no weights, no activation. The backward pass
 * routes each output's gradient to the input that was the largest, which the forward pass remembers.
 *
 * <p>Ties: the first largest value in the window, row by row, wins (it alone gets the gradient). The
 * choice matters little: tied inputs that are 0 after a ReLU get no gradient below anyway, and tied
 * inputs that move together (a flat patch of the image) have the same gradient.
 */
public final class MaxPoolLayer extends Layer {
    /**
     * A max-pool; written {@code p<size>}, with {@code s<stride>} when the stride is not the size (e.g.
     * {@code p2}, {@code p3s2}), in the layer grammar.
     *
     * @param size rows and columns of each window, at least 1 and at most the input's
     * @param stride steps between windows, at least 1 (usually the size: windows side by side)
     */
    public record Spec(int size, int stride) implements LayerSpec {
        public Spec {
            if (size < 1) {
                throw new IllegalArgumentException("a pool needs a window of at least 1x1, got " + size);
            }
            if (stride < 1) {
                throw new IllegalArgumentException("a pool's stride must be at least 1, got " + stride);
            }
        }

        @Override
        public Shape outputShape(Shape input) {
            if (size > input.height() || size > input.width()) {
                throw new IllegalArgumentException("a " + size + "x" + size + " pool is larger than its "
                        + input.height() + "x" + input.width() + " input maps and would leave nothing");
            }
            return new Shape(
                    input.channels(), (input.height() - size) / stride + 1, (input.width() - size) / stride + 1);
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public boolean hasWeights() {
            return false;
        }

        @Override
        public Layer create(Shape input, int offset, int maxBatch) {
            return new MaxPoolLayer(this, input, offset, maxBatch);
        }

        /** E.g. {@code max-pool 2x2} or {@code max-pool 3x3 stride 2}. */
        @Override
        public String toString() {
            return "max-pool " + size + "x" + size + (stride == size ? "" : " stride " + stride);
        }
    }

    private final int size;
    private final int stride;
    /** Per output of the last forward pass: the index of its largest input within its example's row. */
    private final int[] argmax;

    MaxPoolLayer(Spec spec, Shape input, int offset, int maxBatch) {
        super(input, spec.outputShape(input), offset, 0, 0);
        size = spec.size();
        stride = spec.stride();
        argmax = new int[maxBatch * output.size()];
    }

    @Override
    void initialise(float[] params, Init init, Rng rng) {}

    @Override
    void forward(float[] params, float[] x, float[] z, int count) {
        int width = input.width();
        int inSize = input.size();
        int outSize = output.size();
        int outHeight = output.height();
        int outWidth = output.width();
        for (int e = 0; e < count; e++) {
            int xRow = e * inSize;
            int o = e * outSize;
            for (int c = 0; c < output.channels(); c++) {
                int map = c * input.area();
                for (int oy = 0; oy < outHeight; oy++) {
                    for (int ox = 0; ox < outWidth; ox++, o++) {
                        int corner = map + oy * stride * width + ox * stride;
                        int best = corner;
                        float bestValue = x[xRow + corner];
                        for (int dy = 0; dy < size; dy++) {
                            int at = corner + dy * width;
                            for (int dx = 0; dx < size; dx++) {
                                float v = x[xRow + at + dx];
                                if (v > bestValue) { // strictly larger: the first of equals stays
                                    bestValue = v;
                                    best = at + dx;
                                }
                            }
                        }
                        z[o] = bestValue;
                        argmax[o] = best;
                    }
                }
            }
        }
    }

    /** {@code dCost/dx}: each output's gradient goes to its largest input; overlapping windows add up. */
    @Override
    void backward(float[] params, float[] x, float[] delta, float[] grads, float[] inputDelta, int count) {
        if (inputDelta == null) {
            return;
        }
        int inSize = input.size();
        int outSize = output.size();
        Arrays.fill(inputDelta, 0, count * inSize, 0f);
        for (int e = 0; e < count; e++) {
            int xRow = e * inSize;
            for (int o = e * outSize; o < (e + 1) * outSize; o++) {
                inputDelta[xRow + argmax[o]] += delta[o];
            }
        }
    }
}
