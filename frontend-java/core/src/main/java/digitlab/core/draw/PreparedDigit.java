package digitlab.core.draw;

import digitlab.core.data.Mnist;
import digitlab.core.data.Pixels;

/**
 * A drawing turned into what the network reads: a 28x28 uint8 image made the way MNIST was made, and the
 * same image as network input (pixel / 255, exactly the training normalisation). Or "no ink" when the
 * drawing was empty: then {@link #isEmpty()} is true and both arrays are all zeros (never NaN).
 *
 * <p>Made by {@link MnistPreprocessor}; the arrays are this object's own (a new pair per result), so a
 * caller may keep or send them.
 */
public final class PreparedDigit {
    /** Pixels per side of the output. */
    public static final int SIDE = Mnist.SIDE;
    /** Pixels of the output: the network's input width. */
    public static final int PIXELS = SIDE * SIDE;
    /** Pixels of the 20x20 box the ink is fitted into, before it is placed in the 28x28 image. */
    public static final int BOX_PIXELS = MnistPreprocessor.BOX * MnistPreprocessor.BOX;

    private final byte[] pixels;
    private final byte[] boxPixels;
    private final float[] input;
    private final boolean empty;
    private final int boxWidth;
    private final int boxHeight;
    private final double scale;
    private final int offsetX;
    private final int offsetY;
    private final double centreX;
    private final double centreY;

    PreparedDigit(
            byte[] pixels,
            byte[] boxPixels,
            boolean empty,
            int boxWidth,
            int boxHeight,
            double scale,
            int offsetX,
            int offsetY) {
        this.pixels = pixels;
        this.boxPixels = boxPixels;
        this.empty = empty;
        this.boxWidth = boxWidth;
        this.boxHeight = boxHeight;
        this.scale = scale;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
        this.input = new float[PIXELS];
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int p = 0; p < PIXELS; p++) {
            int v = pixels[p] & 0xFF;
            input[p] = Pixels.input(pixels[p]);
            mass += v;
            mx += v * (p % SIDE);
            my += v * (p / SIDE);
        }
        this.centreX = mass > 0 ? mx / mass : SIDE / 2.0;
        this.centreY = mass > 0 ? my / mass : SIDE / 2.0;
    }

    /** The result for a drawing without ink: all zeros. */
    static PreparedDigit empty() {
        return new PreparedDigit(new byte[PIXELS], new byte[BOX_PIXELS], true, 0, 0, 0, 0, 0);
    }

    /** True when the drawing had no ink (above the threshold): nothing to predict. */
    public boolean isEmpty() {
        return empty;
    }

    /** The 28x28 image, row-major, unsigned bytes (0 = background, 255 = full ink), as in MNIST files. */
    public byte[] pixels() {
        return pixels;
    }

    /**
     * The 20x20 box the ink was fitted into, before its placement in the 28x28 image: what a network with
     * a 20x20 input reads (MNIST images go through the same step, {@link MnistPreprocessor#boxFromGrey}).
     */
    public byte[] boxPixels() {
        return boxPixels;
    }

    /** The network input: {@code pixels[i] / 255f}, 784 values in [0, 1]. */
    public float[] input() {
        return input;
    }

    /** Width of the ink's bounding box in source pixels (0 when empty). */
    public int boxWidth() {
        return boxWidth;
    }

    /** Height of the ink's bounding box in source pixels (0 when empty). */
    public int boxHeight() {
        return boxHeight;
    }

    /** Output pixels per source pixel: {@code 20 / max(boxWidth, boxHeight)} (0 when empty). */
    public double scale() {
        return scale;
    }

    /** Where the 20x20 box's left edge landed in the 28x28 image (4 = centred). */
    public int offsetX() {
        return offsetX;
    }

    /** Where the 20x20 box's top edge landed in the 28x28 image (4 = centred). */
    public int offsetY() {
        return offsetY;
    }

    /**
     * The intensity-weighted centre of mass of {@link #pixels()}, in pixel-index coordinates (pixel
     * {@code x} has its centre at {@code x}); MNIST's lie within 0.5 of 14. 14 when empty.
     */
    public double centreX() {
        return centreX;
    }

    /** The centre of mass's row, like {@link #centreX()}. */
    public double centreY() {
        return centreY;
    }
}
