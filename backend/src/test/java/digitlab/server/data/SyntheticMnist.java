package digitlab.server.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Small IDX files in MNIST's layout, written by tests, with their own SHA-256 values. */
public final class SyntheticMnist {
    public static final int ROWS = 28;
    public static final int COLS = 28;

    private SyntheticMnist() {}

    /**
     * Writes the four MNIST files with {@code trainCount} and {@code testCount} images into {@code dir}.
     * Image i has label i % 10 and pixel p = (i + p) % 256, so shards can be checked exactly.
     *
     * @return file name to SHA-256, ready for {@link DataPreparer}
     */
    public static Map<String, String> write(Path dir, int trainCount, int testCount) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> hashes = new HashMap<>();
        put(hashes, dir, DataPreparer.TRAIN_IMAGES, images(trainCount));
        put(hashes, dir, DataPreparer.TRAIN_LABELS, labels(trainCount));
        put(hashes, dir, DataPreparer.TEST_IMAGES, images(testCount));
        put(hashes, dir, DataPreparer.TEST_LABELS, labels(testCount));
        return hashes;
    }

    /** Prepares a data folder from a fresh set of synthetic files: what most server tests need. */
    public static Manifest prepare(Path root, int trainCount, int testCount, int shardSize) throws IOException {
        Path mnist = root.resolve("mnist");
        Map<String, String> hashes = write(mnist, trainCount, testCount);
        return new DataPreparer(hashes, shardSize).prepare(mnist, root.resolve("data"));
    }

    private static void put(Map<String, String> hashes, Path dir, String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
        hashes.put(name, DataPreparer.sha256Hex(bytes));
    }

    static byte[] images(int count) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * ROWS * COLS);
        b.putInt(2051).putInt(count).putInt(ROWS).putInt(COLS);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < ROWS * COLS; p++) {
                b.put((byte) (i + p));
            }
        }
        return b.array();
    }

    static byte[] labels(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(2049).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }
}
