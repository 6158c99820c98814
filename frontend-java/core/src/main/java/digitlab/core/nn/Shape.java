package digitlab.core.nn;

/**
 * The shape of the values a layer takes or gives: {@code channels x height x width}. A layer's values
 * for one example are one flat float array in CHW order: channel after channel, each a row-major
 * {@code height x width} map (so a 28x28 MNIST image is {@code 1x28x28} in its own pixel order). A dense
 * layer's outputs are {@code units x 1 x 1}: a vector is a stack of 1x1 maps, and a dense layer reads any
 * shape as its flat array, which is why flattening before a dense layer costs nothing.
 *
 * @param channels maps stacked, at least 1
 * @param height rows of each map, at least 1
 * @param width columns of each map, at least 1
 */
public record Shape(int channels, int height, int width) {
    public Shape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "a shape needs at least 1 channel, row and column, got " + channels + "x" + height + "x" + width);
        }
    }

    /**
     * The input shape a single number stands for in the layer grammar: a square number is a square
     * single-channel image ({@code 784 = 1x28x28}, {@code 400 = 1x20x20}); any other is a flat vector
     * ({@code n x 1 x 1}), which dense layers take but a convolution or pool refuses.
     */
    public static Shape ofInputSize(int size) {
        int side = (int) Math.round(Math.sqrt(size));
        return side * side == size ? new Shape(1, side, side) : new Shape(size, 1, 1);
    }

    /** Values per example: {@code channels * height * width}. */
    public int size() {
        return channels * height * width;
    }

    /** {@code height * width}: values per channel. */
    public int area() {
        return height * width;
    }

    /** E.g. {@code 8x14x14} (channels x height x width). */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
