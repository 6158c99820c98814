package digitlab.core.draw;

import digitlab.core.data.Pixels;
import java.util.Arrays;

/**
 * Turns a drawing (light ink on a dark background, any size) into a 28x28 image the way MNIST's images
 * were made from NIST's: "size normalized to fit in a 20x20 pixel box while preserving their aspect
 * ratio [with] anti-aliasing, [then] centered in a 28x28 image by computing the center of mass of the
 * pixels, and translating the image so as to position this point at the center".
 *
 * <ol>
 * <li>Bounding box of the pixels whose ink is above {@link #threshold()} (faint anti-aliasing fringes and
 *     noise do not stretch the box). No such pixel: an {@linkplain PreparedDigit#isEmpty() empty} result.
 * <li>Area averaging into a 20x20 box: the box's longer side becomes exactly 20 pixels, the shorter one
 *     keeps the aspect ratio and is centred (to the whole pixel). Each output pixel is the mean ink of the source area it
 *     covers, partial overlaps weighted by their area, so edges get intermediate grey levels and total
 *     ink scales by {@code scale²}. Works for shrinking (a 280-pixel drawing) and for enlarging (a dot).
 * <li>Quantised to uint8 (as MNIST stores pixels), then the 20x20 picture is placed in the 28x28 frame by
 *     a whole-pixel shift that puts its centre of mass nearest to (14, 14) in pixel-index coordinates:
 *     so the centre lands within 0.5 pixel of (14, 14), like every MNIST test image (measured: 13.50 to
 *     14.50 on both axes), and the ink box stays exactly 20 pixels long, also like MNIST. The shift is
 *     clamped so the 20x20 box stays inside the frame (only a very lopsided drawing is then off-centre).
 * </ol>
 * The network input is {@code pixel / 255f}, the same table the trainer uses for MNIST bytes.
 *
 * <p>Not thread-safe: it reuses its work buffers between calls (it runs on every stroke update), and
 * allocates only the result.
 */
public final class MnistPreprocessor {
    /** Side of the box the ink is fitted into. */
    public static final int BOX = 20;
    /** Side of the output image. */
    public static final int SIDE = PreparedDigit.SIDE;
    /** Ink (0..1) a pixel needs to count for the bounding box, unless given: about 26 of 255. */
    public static final float DEFAULT_THRESHOLD = 0.1f;

    private static final double CENTRE = SIDE / 2.0;

    private final float threshold;
    /** The source as ink 0..1 when it did not come as floats; grows to the largest source seen. */
    private float[] inkBuffer = new float[0];
    /** One source row averaged horizontally into the box's 20 columns. */
    private final double[] rowSums = new double[BOX];
    /** The 20x20 fitted picture, then its bytes. */
    private final double[] fitted = new double[BOX * BOX];

    private final int[] fittedBytes = new int[BOX * BOX];
    /** The last fitted ink's bounding box in source pixels, and output pixels per source pixel. */
    private int boxWidth;

    private int boxHeight;
    private double scale;

    public MnistPreprocessor() {
        this(DEFAULT_THRESHOLD);
    }

    /** @param threshold ink in (0, 1) a pixel needs to count for the bounding box */
    public MnistPreprocessor(float threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
        this.threshold = threshold;
    }

    public float threshold() {
        return threshold;
    }

    /**
     * @param ink {@code width * height} values, row-major, 0 = background, 1 = full ink (values above 1
     *     count as 1; negative and NaN values as 0). Only read.
     */
    public PreparedDigit fromInk(float[] ink, int width, int height) {
        checkSize(ink.length, width, height, 1);
        return prepare(ink, width, height);
    }

    /** @param grey {@code width * height} unsigned bytes, row-major, 0 = background, 255 = full ink */
    public PreparedDigit fromGrey(byte[] grey, int width, int height) {
        checkSize(grey.length, width, height, 1);
        float[] ink = buffer(width * height);
        for (int i = 0; i < width * height; i++) {
            ink[i] = Pixels.input(grey[i]);
        }
        return prepare(ink, width, height);
    }

    /**
     * @param rgba {@code width * height * 4} bytes as a canvas's {@code getImageData} gives them (RGBA,
     *     not premultiplied): ink is red x alpha, so white ink works on an opaque black canvas and on a
     *     transparent one alike
     */
    public PreparedDigit fromRgba(byte[] rgba, int width, int height) {
        checkSize(rgba.length, width, height, 4);
        float[] ink = buffer(width * height);
        for (int i = 0, at = 0; i < width * height; i++, at += 4) {
            ink[i] = (rgba[at] & 0xFF) * (rgba[at + 3] & 0xFF) / 65025f;
        }
        return prepare(ink, width, height);
    }

    private static void checkSize(int length, int width, int height, int channels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad image size " + width + "x" + height);
        }
        if (length < width * height * channels) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs " + width * height * channels
                    + " values, got " + length);
        }
    }

    private float[] buffer(int size) {
        if (inkBuffer.length < size) {
            inkBuffer = new float[size];
        }
        return inkBuffer;
    }

    /**
     * Fits the ink of a 28x28 MNIST-style image (unsigned bytes at {@code from} in {@code grey}) into the
     * 20x20 box: steps 1 and 2 above, quantised to uint8, written to {@code out} at {@code at}
     * ({@code BOX * BOX} bytes, all zeros when there is no ink). What a network with a 20x20 input reads,
     * for MNIST images and drawings alike; no allocation once the buffer has grown.
     *
     * @return false if the image had no ink above the threshold (then {@code out} holds zeros)
     */
    public boolean boxFromGrey(byte[] grey, int from, int width, int height, byte[] out, int at) {
        checkSize(grey.length - from, width, height, 1);
        float[] ink = buffer(width * height);
        for (int i = 0; i < width * height; i++) {
            ink[i] = Pixels.input(grey[from + i]);
        }
        boolean inked = fit(ink, width, height) > 0;
        for (int i = 0; i < BOX * BOX; i++) {
            out[at + i] = inked ? (byte) fittedBytes[i] : 0;
        }
        return inked;
    }

    private PreparedDigit prepare(float[] ink, int width, int height) {
        int mass = fit(ink, width, height);
        if (mass == 0) {
            return PreparedDigit.empty();
        }
        // 3. Shift by whole pixels to put the centre of mass at (14, 14).
        int momentX = 0;
        int momentY = 0;
        byte[] box = new byte[BOX * BOX];
        for (int i = 0; i < BOX * BOX; i++) {
            int b = fittedBytes[i];
            box[i] = (byte) b;
            momentX += b * (i % BOX);
            momentY += b * (i / BOX);
        }
        int offsetX = placement((double) momentX / mass);
        int offsetY = placement((double) momentY / mass);
        byte[] pixels = new byte[SIDE * SIDE];
        for (int y = 0; y < BOX; y++) {
            int to = (y + offsetY) * SIDE + offsetX;
            int from = y * BOX;
            for (int x = 0; x < BOX; x++) {
                pixels[to + x] = (byte) fittedBytes[from + x];
            }
        }
        return new PreparedDigit(pixels, box, false, boxWidth, boxHeight, scale, offsetX, offsetY);
    }

    /**
     * Steps 1 and 2 and the uint8 quantisation: the ink fitted into {@link #fittedBytes}, the box's size in
     * {@link #boxWidth}, {@link #boxHeight} and {@link #scale}. Returns the total of the fitted bytes: 0 when
     * there is no ink above the threshold, or too little to survive averaging (then the fields are stale).
     */
    private int fit(float[] ink, int width, int height) {
        // 1. Bounding box of the ink above the threshold.
        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (ink[row + x] > threshold) {
                    if (x < left) {
                        left = x;
                    }
                    if (x > right) {
                        right = x;
                    }
                    if (y < top) {
                        top = y;
                    }
                    bottom = y;
                }
            }
        }
        if (right < 0) {
            return 0;
        }
        boxWidth = right - left + 1;
        boxHeight = bottom - top + 1;
        scale = (double) BOX / Math.max(boxWidth, boxHeight);

        // 2. Area averaging into the 20x20 box, the shorter side centred. Source pixel (x, y) covers
        // [fitX + (x - left) * scale, + scale) horizontally in box pixels; an output pixel's value is the sum
        // of ink * (horizontal overlap) * (vertical overlap): the mean ink over the source area it covers.
        // The shorter side starts on a whole pixel, as the longer one does: its far edge alone is grey.
        // (Which sub-pixel phase is arbitrary; this one turns a digit drawn on a whole-pixel grid back
        // into the same pixels. Centring happens below anyway.)
        double fitX = fitStart(boxWidth, scale);
        double fitY = fitStart(boxHeight, scale);
        Arrays.fill(fitted, 0);
        for (int y = top; y <= bottom; y++) {
            Arrays.fill(rowSums, 0);
            boolean any = false;
            int row = y * width;
            for (int x = left; x <= right; x++) {
                float v = ink[row + x];
                if (!(v > 0)) {
                    continue; // background, negative or NaN
                }
                spread(v > 1 ? 1 : v, fitX + (x - left) * scale, scale, rowSums);
                any = true;
            }
            if (any) {
                double start = fitY + (y - top) * scale;
                double end = start + scale;
                int p = (int) start;
                double from = start;
                while (from < end && p < BOX) {
                    double to = Math.min(end, p + 1);
                    double overlap = to - from;
                    int base = p * BOX;
                    for (int q = 0; q < BOX; q++) {
                        fitted[base + q] += overlap * rowSums[q];
                    }
                    from = to;
                    p++;
                }
            }
        }

        // Quantised like MNIST.
        int mass = 0; // at most 400 * 255: int is enough (and fast in the JS build)
        for (int i = 0; i < BOX * BOX; i++) {
            double v = fitted[i];
            int b = v >= 1 ? 255 : (int) (v * 255 + 0.5);
            fittedBytes[i] = b;
            mass += b;
        }
        // Mass 0: ink above the threshold, but too sparse to survive averaging (e.g. two specks far apart).
        return mass;
    }

    /**
     * Where a side of {@code length} source pixels starts in the box: 0 for the longer side, the whole pixel
     * that centres the shorter one. Never below 0: {@code length * scale} for the longer side can be a hair
     * over {@link #BOX} in doubles (147 * (20.0 / 147) is), and flooring half of that minus 20 gave -1.
     */
    private static double fitStart(int length, double scale) {
        return Math.max(0, Math.floor((BOX - length * scale) / 2));
    }

    /**
     * Adds {@code value} times the overlap of [{@code start}, {@code start + length}) with each output cell
     * [p, p+1) to {@code sums[p]}, for cells 0..BOX-1.
     */
    private static void spread(double value, double start, double length, double[] sums) {
        double end = start + length;
        int p = (int) start;
        double from = start;
        while (from < end && p < BOX) {
            double to = Math.min(end, p + 1);
            sums[p] += value * (to - from);
            from = to;
            p++;
        }
    }

    /**
     * The whole-pixel position of the 20x20 box in the frame that brings a box-relative centre of mass
     * nearest to the frame's centre, kept within [0, SIDE - BOX] so no ink is cut off.
     */
    private static int placement(double centreInBox) {
        // Nearest whole pixel, halves rounded down so a symmetric picture (centre 9.5) sits at 4, in the
        // middle of the frame. Not Math.round: TeaVM and the JVM disagree on -0.5.
        int offset = (int) Math.ceil(CENTRE - centreInBox - 0.5);
        return Math.max(0, Math.min(SIDE - BOX, offset));
    }
}
