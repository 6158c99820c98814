package digitlab.server.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskModelStoreTest extends ModelStoreContract {
    @TempDir
    Path dir;

    @Override
    ModelStore newStore() throws Exception {
        return new DiskModelStore(dir.resolve("models"));
    }

    @Override
    void damage(String id, byte[] bytes) throws Exception {
        java.nio.file.Files.write(((DiskModelStore) store).fileOf(id), bytes);
    }

    private Path root() {
        return dir.resolve("models");
    }

    @Test
    void layoutFansOutByTheIdsFirstTwoCharactersAndLeavesNoTempFiles() throws Exception {
        byte[] model = TestModels.small(10);
        String id = store.put(model).id();
        Path file = root().resolve(id.substring(0, 2)).resolve(id + ".dlnn");
        assertArrayEquals(model, Files.readAllBytes(file));
        try (Stream<Path> all = Files.walk(root())) {
            assertEquals(List.of(file), all.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void tempFilesOfACrashAreInvisibleAndStaleOnesAreRemovedOnOpen() throws Exception {
        byte[] model = TestModels.small(11);
        String id = store.put(model).id();
        Path sub = root().resolve(id.substring(0, 2));
        // What a kill -9 between write and rename leaves: a partial temp file next to the real one.
        Path stale = sub.resolve(".upload-123.tmp");
        Files.write(stale, new byte[] {'D', 'L'});
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        Path young = Files.createDirectories(root().resolve("zz")).resolve(".upload-456.tmp");
        Files.write(young, new byte[] {'D'});
        Path foreign = sub.resolve("notes.txt");
        Files.writeString(foreign, "not ours");

        assertArrayEquals(model, store.get(id).orElseThrow().bytes());
        ModelStore reopened = new DiskModelStore(root());
        assertFalse(Files.exists(stale), "a stale temp file is removed on open");
        assertTrue(Files.exists(young), "a fresh one may belong to another process still writing it");
        assertTrue(Files.exists(foreign), "only our temp files are touched");
        assertArrayEquals(model, reopened.get(id).orElseThrow().bytes());
        assertEquals(
                1,
                ((DiskModelStore) reopened).removeStaleTempFiles(Instant.now().plusSeconds(1)));
        assertFalse(Files.exists(young));
    }

    @Test
    void aFolderWhereAFileShouldBeIsNotAModel() throws Exception {
        String id = ModelId.of(new byte[] {9});
        Files.createDirectories(((DiskModelStore) store).fileOf(id));
        assertFalse(store.exists(id));
    }
}
