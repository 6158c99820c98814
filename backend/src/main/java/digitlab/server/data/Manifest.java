package digitlab.server.data;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code manifest.json}: the list of shard files the browser downloads. It is written last, after every
 * shard it names is in place, so a manifest on disk always describes complete files.
 *
 * @param format manifest format version ({@link #FORMAT})
 * @param train  training shards in order
 * @param test   test shards in order
 */
@JsonPropertyOrder({"format", "dataset", "rows", "cols", "train", "test"})
public record Manifest(int format, String dataset, int rows, int cols, List<Entry> train, List<Entry> test) {
    public static final int FORMAT = 1;
    public static final String FILE_NAME = "manifest.json";
    /** Shard names as the server accepts them: checked before any name touches the file system. */
    public static final Pattern SHARD_NAME = Pattern.compile("(train|test)-[0-9]{3}-[0-9a-f]{16}\\.bin");
    /** Shards are stored gzip-compressed under their name plus this suffix. */
    public static final String GZIP_SUFFIX = ".gz";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One shard file.
     *
     * @param file   the name the browser asks for, e.g. {@code train-000-0123456789abcdef.bin}
     * @param count  images in the shard
     * @param sha256 hex SHA-256 of the uncompressed shard
     * @param bytes  uncompressed size
     */
    @JsonPropertyOrder({"file", "count", "sha256", "bytes"})
    public record Entry(String file, int count, String sha256, long bytes) {}

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write manifest", e);
        }
    }

    public static Manifest fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, Manifest.class);
    }

    /**
     * The manifest in {@code dataDir} if it is usable: it parses, has the expected format, and every
     * shard it lists has a well-formed name and is present. Anything else means "prepare again".
     */
    public static Optional<Manifest> readIfValid(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Manifest m = fromJson(Files.readAllBytes(file));
            if (m.format != FORMAT || m.train == null || m.test == null || m.train.isEmpty()) {
                return Optional.empty();
            }
            for (Entry e : m.all()) {
                if (e.file == null
                        || !SHARD_NAME.matcher(e.file).matches()
                        || !Files.isRegularFile(dataDir.resolve(e.file + GZIP_SUFFIX))) {
                    return Optional.empty();
                }
            }
            return Optional.of(m);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Train shards followed by test shards. */
    public List<Entry> all() {
        return Stream.concat(train.stream(), test.stream()).toList();
    }
}
